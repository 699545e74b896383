#!/usr/bin/env bash
# Set up a fresh Debian machine for reader: system packages, virtual environment, translations.
# Usage: scripts/setup.sh [--browser]   (--browser also installs what the whole suite needs:
# chromium for the browser tests, PostgreSQL for the second database)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v espeak-ng >/dev/null || packages+=(espeak-ng)
# libopus encodes the Ogg/Opus audio (loaded with ctypes; MP3 still works without it).
/sbin/ldconfig -p 2>/dev/null | grep -q "libopus.so.0 " || packages+=(libopus0)
# The celery job backend's tests start their own redis-server (free port, temp folder).
command -v redis-server >/dev/null || packages+=(redis-server)
if [[ "${1:-}" == "--browser" ]]; then
  command -v chromium >/dev/null || packages+=(chromium)
  # Screenshots and layout tests need glyphs for every script the seeds use.
  fc-list 2>/dev/null | grep -q "Noto Sans CJK" || packages+=(fonts-noto-core fonts-noto-cjk)
  # The storage, view and job tests run against PostgreSQL too (scripts/with-postgres.sh).
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || packages+=(postgresql)
  # The sustained-load test (tests/test_serve_load.py) and bench/load.py drive the server.
  command -v wrk >/dev/null || packages+=(wrk)
fi
if ((${#packages[@]})); then
  echo "Installing ${packages[*]} with apt-get"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  # Wait for another apt-get (an unattended upgrade, a parallel job) rather than fail at once.
  lock=(-o DPkg::Lock::Timeout=300)
  $sudo apt-get "${lock[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock[@]}" install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "reader needs Python 3.11 or newer" >&2; exit 1; }
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test,bench,postgres]'
.venv/bin/pybabel compile -d reader/translations >/dev/null
