"""Load benchmark: the list and the reading page at 64 connections, beside a Flask "hello".

Prints JSON: requests per second and p50/p99 latency (wrk) for each page, median and spread
over several runs, and each page's ratio to the hello app measured in the same run. Needs
wrk (apt-get install wrk). Loopback only; every run is bounded in time.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.helpers import free_port, serve_reader, wait_for

CONNECTIONS = 64
SECONDS = 8
RUNS = 5
PAGES = {"list": "/", "reading_page": "/articles/2"}
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url: str) -> dict:
    """One wrk run: requests per second, p50 and p99 in milliseconds, errors."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def summary(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("the load benchmark needs wrk: apt-get install wrk")
    load_before = os.getloadavg()
    data = Path(tempfile.mkdtemp(prefix="reader-load-"))
    port = free_port()
    log = data / "hello.log"
    with log.open("w") as out:
        hello = subprocess.Popen(
            [sys.executable, "-m", "bench.hello_app", str(port)], stdout=out, stderr=out
        )
    runs: dict[str, list[dict]] = {"hello": [], **{name: [] for name in PAGES}}
    try:
        wait_for(f"http://127.0.0.1:{port}/", hello, log)
        engine = os.environ.get("ENGINE", "espeak")
        with serve_reader(data / "reader", SPEECH_ENGINE=engine) as server:
            for path in PAGES.values():
                wrk(server.base + path)  # warm: templates compiled, models loaded
            for _ in range(RUNS):
                # Interleaved, so a busy minute on the host weighs on every side alike.
                runs["hello"].append(wrk(f"http://127.0.0.1:{port}/"))
                for name, path in PAGES.items():
                    runs[name].append(wrk(server.base + path))
            alive = server.process.poll() is None and "died" not in server.log.read_text()
    finally:
        hello.terminate()
        hello.wait(10)
        shutil.rmtree(data, ignore_errors=True)
    result = {
        "connections": CONNECTIONS,
        "seconds_per_run": SECONDS,
        "runs": RUNS,
        "server_survived": alive,
        "host_load_average_before": [round(x, 2) for x in load_before],
        "host_load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cores": os.cpu_count(),
    }
    for name, measured in runs.items():
        result[name] = {
            key: summary([run[key] for run in measured]) for key in ("rps", "p50_ms", "p99_ms")
        }
        result[name]["non_2xx"] = sum(run["non_2xx"] for run in measured)
        if name != "hello":
            pairs = zip(measured, runs["hello"], strict=True)
            ratios = [run["rps"] / ref["rps"] for run, ref in pairs]
            result[name]["rps_ratio_to_hello"] = {
                "median": round(statistics.median(ratios), 4),
                "min": round(min(ratios), 4),
                "max": round(max(ratios), 4),
            }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
