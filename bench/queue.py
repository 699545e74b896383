"""Job backends: a cold render of the French seed through the local pool and through Celery.

Prints JSON: median seconds per backend (espeak-ng, two workers each), the ratio celery/local,
and the host's load average, in the same run. Starts its own redis-server and `reader worker`.
"""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader import create_app
from reader.lexicon.entries import load_lexicon
from reader.library.articles import store_article
from reader.library.importer import draft_from_path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "01-fr-premieres-pertes-kyiv.txt"
RUNS = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cold_renders(data: Path, **settings) -> list[float]:
    """Seconds of RUNS renders of the seed, each into an empty audio cache."""
    times = []
    for run in range(RUNS):
        folder = data / f"run-{run}"
        app = create_app(
            {
                "DATA_DIR": str(folder),
                "SECRET_KEY": "bench",
                "SPEECH_ENGINE": "espeak",
                "SPEECH_WORKERS": 2,
                **settings,
            }
        )
        service = app.extensions["reader.speech"]
        service.start()
        with app.extensions["reader.db"]() as session:
            article, _ = store_article(session, draft_from_path(SEED))
            request, jobs = service.request(article, lexicon=load_lexicon(session))
        if settings.get("JOB_BACKEND") != "celery":
            service.runner.submit(jobs[0]).result(timeout=120)  # workers up, as in a server
            shutil.rmtree(folder / "audio" / "sentences", ignore_errors=True)
        started = time.perf_counter()
        render = service.render(request, jobs)
        render.finished.wait(600)
        times.append(time.perf_counter() - started)
        assert not render.status()["failed"], "a sentence failed"
        service.shutdown()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        local = cold_renders(temp / "local")
        port = free_port()
        url = f"redis://127.0.0.1:{port}/0"
        redis = subprocess.Popen(
            ["redis-server", "--port", str(port), "--dir", str(temp), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        env = {
            **os.environ,
            "READER_DATA_DIR": str(temp / "worker"),
            "READER_JOB_BACKEND": "celery",
            "READER_REDIS_URL": url,
            "READER_SPEECH_ENGINE": "espeak",
        }
        log = (temp / "worker.log").open("w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "reader", "worker", "--concurrency=2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while "ready." not in (temp / "worker.log").read_text():
                if time.monotonic() > deadline:
                    raise SystemExit("reader worker did not start")
                time.sleep(0.2)
            celery = cold_renders(temp / "celery", JOB_BACKEND="celery", REDIS_URL=url)
        finally:
            worker.terminate()
            worker.wait(30)
            redis.terminate()
            redis.wait(30)
    result = {
        "article": SEED.name,
        "runs": RUNS,
        "local_seconds": round(statistics.median(local), 2),
        "celery_seconds": round(statistics.median(celery), 2),
        "celery_over_local": round(statistics.median(celery) / statistics.median(local), 2),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
