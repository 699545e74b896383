"""Load benchmark: `reader serve` (gunicorn, 2 workers) beside a Flask "hello" served alike.

wrk drives each route from its own process on loopback, 64 connections for 30 s by default:
the article list, the reading page, cached audio with Range requests, and feedback posts (a
Lua script gives every post its own text and notes the id of every acknowledged one). Each
route's 30 s come in five slices, each right after a slice of hello: this shared host's own
speed swings by 2x within a minute, so a route is compared with hello as measured beside it
(the ratio is the median of the five pairs, with their range). Prints JSON: requests per
second and p50/p99 latency per route, the ratio to hello, each web worker's memory (RSS and
USS) after the run, the host's load, and the checks:

- no errors (non-2xx/3xx answers, socket errors) on any route;
- the reading page at least half the hello app's throughput;
- every acknowledged feedback post in the database afterwards, none stored twice;
- each web worker's unique memory (USS) at most 200 MB.

`python -m bench.load --seconds 5` for a short run. Needs wrk (apt-get install wrk).
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.helpers import free_port, serve_reader, wait_for

CONNECTIONS = 64
SECONDS = 30
SLICES = 5  # each route's seconds in this many slices, each paired with a slice of hello
WEB_WORKERS = 2
WEB_THREADS = 8
ARTICLE_ID = 2  # the German seed
USS_LIMIT_MB = 200
READING_PAGE_MIN_RATIO = 0.5
SETTLE_MAX_SECONDS = 15
START_SECONDS = 300  # the preload, on a host other jobs keep busy
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}

RANGE_SCRIPT = """
-- A Range of 16 KiB at a random place in the cached file, as a seeking player asks.
local size = tonumber(os.getenv("AUDIO_BYTES"))
function request()
  local start = math.random(0, math.max(size - 16384, 0))
  local stop = math.min(start + 16383, size - 1)
  return wrk.format("GET", nil, {["Range"] = "bytes=" .. start .. "-" .. stop})
end
"""

FEEDBACK_SCRIPT = """
-- Each post its own text, "load <slice>-<thread>-<n>"; each acknowledged id written to a file.
local counter = 0
local slice = os.getenv("SLICE")
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  n = 0
  acks = io.open(os.getenv("ACK_DIR") .. "/acks-" .. slice .. "-" .. tid .. ".txt", "w")
end
function request()
  n = n + 1
  local body = '{"category": "other", "message": "load ' .. slice .. '-' .. tid .. '-' .. n .. '"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  if status == 201 then
    acks:write(body:match('"id":%s*(%d+)') or "?", "\\n")
    acks:flush()
  end
end
"""


def wrk(url: str, seconds: int, connections: int, script: Path | None = None, env=None) -> dict:
    """One wrk run: requests per second, p50 and p99 in milliseconds, errors."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script is not None:
        command += ["-s", str(script)]
    # nice: the load generator yields to the servers it measures on a shared machine.
    out = subprocess.run(
        ["nice", "-n", "5", *command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
        env={**os.environ, **(env or {})},
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": rps,
        "requests": requests,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket.groups()) if socket else 0),
    }


def combined(runs: list[dict]) -> dict:
    """Slices of one route as one: requests per second over all of them, the median of their
    p50s, the worst of their p99s, every error."""
    seconds = sum(run["requests"] / run["rps"] for run in runs if run["rps"])
    requests = sum(run["requests"] for run in runs)
    cpu_ms = sum(run["cpu_ms_per_request"] * run["requests"] for run in runs)
    return {
        "rps": round(requests / seconds, 2) if seconds else 0.0,
        "requests": requests,
        "cpu_ms_per_request": round(cpu_ms / requests, 4) if requests else None,
        "p50_ms": statistics.median(run["p50_ms"] or 0 for run in runs),
        "p99_ms": max(run["p99_ms"] or 0 for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }


def beside_hello(pairs: list[dict]) -> dict:
    """A route's figures, and its throughput against hello's measured just before each slice:
    the median ratio of the pairs, their range, and every pair."""
    ratios = [pair["route"]["rps"] / pair["hello"]["rps"] for pair in pairs]
    # The servers' CPU per request, hello's over the route's: what throughput would be on a
    # host that kept one speed (the workers' CPU time stops while the host takes the cores).
    cpu_ratios = [
        pair["hello"]["cpu_ms_per_request"] / pair["route"]["cpu_ms_per_request"]
        for pair in pairs
        if pair["route"]["cpu_ms_per_request"]
    ]
    return {
        **combined([pair["route"] for pair in pairs]),
        "rps_ratio_to_hello": round(statistics.median(ratios), 4),
        "rps_ratio_range": [round(min(ratios), 4), round(max(ratios), 4)],
        "cpu_ratio_to_hello": round(statistics.median(cpu_ratios), 4) if cpu_ratios else None,
        "cpu_ratio_range": [round(min(cpu_ratios), 4), round(max(cpu_ratios), 4)]
        if cpu_ratios
        else None,
        "slices": [
            {
                "hello_rps": pair["hello"]["rps"],
                "rps": pair["route"]["rps"],
                "ratio": round(r, 4),
                "hello_cpu_ms_per_request": round(pair["hello"]["cpu_ms_per_request"], 4),
                "cpu_ms_per_request": round(pair["route"]["cpu_ms_per_request"], 4),
            }
            for pair, r in zip(pairs, ratios, strict=True)
        ],
    }


def settle(figures: dict) -> None:
    """Wait out the requests wrk left in flight (up to one per connection, each about as
    slow as the slowest it timed): the next route is measured on an idle server."""
    time.sleep(min(SETTLE_MAX_SECONDS, (figures["p99_ms"] or 0) / 1000 * 1.5))


def memory_mb(pid: int) -> dict:
    """RSS and USS (pages only this process holds) of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])  # kB
    uss = fields["Private_Clean"] + fields["Private_Dirty"]
    return {"pid": pid, "rss_mb": round(fields["Rss"] / 1024, 1), "uss_mb": round(uss / 1024, 1)}


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes (every thread of each) have used so far; a
    process that is gone counts nothing (a restarted worker is reported after the run)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measured_with_cpu(serving: Callable[[], list[int]], *wrk_args, **wrk_kwargs) -> dict:
    """A wrk run, with the CPU the `serving()` processes spent per request answered."""
    pids = serving()  # the workers serving now: after a restart, the new one
    before = cpu_seconds(pids)
    figures = wrk(*wrk_args, **wrk_kwargs)
    spent = cpu_seconds(pids) - before
    figures["cpu_ms_per_request"] = spent * 1000 / figures["requests"] if figures["requests"] else 0
    return figures


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def cached_audio(base: str) -> int:
    """Render the article's audio to the end and wait until it is cached: its size in bytes."""
    url = f"{base}/articles/{ARTICLE_ID}/audio"
    urllib.request.urlopen(url, timeout=300).read()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{url}/status", timeout=30) as response:
            if json.load(response).get("cached"):
                break
        time.sleep(0.5)
    with urllib.request.urlopen(url, timeout=30) as response:
        assert "ETag" in response.headers, "the cached audio has no ETag"
        return len(response.read())


def restart_lines(log: str, context: int = 20) -> list[str]:
    """The server log's lines around each worker's end: why gunicorn restarted it."""
    lines = log.splitlines()
    marks = [
        i
        for i, line in enumerate(lines)
        if any(word in line for word in ("WORKER TIMEOUT", "was sent SIG", "exited with code",
                                         "Fatal Python error", "Booting worker"))
    ]  # fmt: skip
    keep = sorted({j for i in marks for j in range(max(0, i - context), i + 3)})
    return [lines[j] for j in keep if j < len(lines)][-200:]


def feedback_check(database: Path, ack_dir: Path) -> dict:
    """Every acknowledged post stored, none twice."""
    acked = [
        line.strip()
        for path in sorted(ack_dir.glob("acks-*.txt"))
        for line in path.read_text().splitlines()
    ]
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT id, message FROM feedback WHERE message LIKE 'load %'").fetchall()
    stored_ids = {str(row_id) for row_id, _ in rows}
    messages = [message for _, message in rows]
    return {
        "acknowledged": len(acked),
        "stored": len(rows),
        "acknowledged_missing": len(set(acked) - stored_ids),
        "stored_twice": len(messages) - len(set(messages)),
        "ids_acknowledged_twice": len(acked) - len(set(acked)),
        # Posts still in flight when wrk stopped: stored, but their answer never read.
        "stored_unacknowledged": len(stored_ids - set(acked)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=SECONDS, help="per route")
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--engine", default=os.environ.get("ENGINE", "espeak"))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("the load benchmark needs wrk: apt-get install wrk")
    load_before = os.getloadavg()
    data = Path(tempfile.mkdtemp(prefix="reader-load-"))
    scripts = data / "scripts"
    scripts.mkdir()
    (scripts / "range.lua").write_text(RANGE_SCRIPT)
    (scripts / "feedback.lua").write_text(FEEDBACK_SCRIPT)
    ack_dir = data / "acks"
    ack_dir.mkdir()
    hello_port = free_port()
    hello_log = data / "hello.log"
    with hello_log.open("w") as out:
        hello = subprocess.Popen(
            [sys.executable, "-m", "bench.hello_app", str(hello_port), str(WEB_WORKERS),
             str(WEB_THREADS)],
            stdout=out,
            stderr=out,
        )  # fmt: skip
    hello_url = f"http://127.0.0.1:{hello_port}/"
    result: dict = {
        "connections": args.connections,
        "seconds_per_route": args.seconds,
        "web_workers": WEB_WORKERS,
        "threads_per_worker": WEB_THREADS,
        "engine": args.engine,
        "cores": os.cpu_count(),
        "host_load_average_before": [round(x, 2) for x in load_before],
    }
    try:
        wait_for(hello_url, hello, hello_log, START_SECONDS)
        settings = {
            "SPEECH_ENGINE": args.engine,
            "WEB_WORKERS": str(WEB_WORKERS),
            "WEB_THREADS": str(WEB_THREADS),
            "FEEDBACK_LIMIT": "off",
        }
        with serve_reader(data / "reader", start_seconds=START_SECONDS, **settings) as server:
            workers = server.wait_for_workers(WEB_WORKERS)
            audio_bytes = cached_audio(server.base)
            routes = {
                "list": (server.base + "/", None, {}),
                "reading_page": (f"{server.base}/articles/{ARTICLE_ID}", None, {}),
                "audio_range": (
                    f"{server.base}/articles/{ARTICLE_ID}/audio",
                    scripts / "range.lua",
                    {"AUDIO_BYTES": str(audio_bytes)},
                ),
                "feedback_post": (
                    server.base + "/api/v1/feedback",
                    scripts / "feedback.lua",
                    {"ACK_DIR": str(ack_dir)},
                ),
            }
            # Warm: templates rendered, caches filled, every worker past its first request.
            wrk(hello_url, 2, args.connections)
            for name in ("list", "reading_page"):
                url, script, env = routes[name]
                settle(wrk(url, 2, args.connections, script, env))
            slice_seconds = max(1, round(args.seconds / SLICES))
            slices: dict[str, list[dict]] = {name: [] for name in routes}
            for number in range(SLICES):
                for name, (url, script, env) in routes.items():
                    beside = measured_with_cpu(
                        lambda: children(hello.pid), hello_url, slice_seconds, args.connections
                    )
                    settle(beside)
                    measured_slice = measured_with_cpu(
                        server.worker_pids,
                        url,
                        slice_seconds,
                        args.connections,
                        script,
                        {**env, "SLICE": str(number)},
                    )
                    settle(measured_slice)
                    slices[name].append({"hello": beside, "route": measured_slice})
            measured = {"hello": combined([s["hello"] for r in slices.values() for s in r])}
            for name, pairs in slices.items():
                measured[name] = beside_hello(pairs)
            # The workers serving now: one gunicorn restarted is measured too, and its
            # predecessor's end (signal, traceback) is quoted from the server's log.
            serving = server.worker_pids()
            result["web_worker_memory_after"] = [memory_mb(pid) for pid in serving]
            # Each web worker's own speech processes (and multiprocessing's resource tracker).
            result["speech_process_memory_after"] = [
                memory_mb(child) for pid in serving for child in children(pid)
            ]
            result["master_memory_after"] = memory_mb(server.process.pid)
            result["workers_restarted"] = serving != workers
            if result["workers_restarted"]:
                result["worker_restart_log"] = restart_lines(server.log.read_text())
            time.sleep(1)  # the last acknowledgements flushed by wrk's threads
        result["feedback"] = feedback_check(data / "reader" / "reader.sqlite3", ack_dir)
    finally:
        hello.terminate()
        hello.wait(20)
        shutil.rmtree(data, ignore_errors=True)
    result.update(measured)
    result["host_load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    feedback = result["feedback"]
    result["checks"] = {
        "no_errors": all(figures["errors"] == 0 for figures in measured.values()),
        "reading_page_at_least_half_hello": measured["reading_page"]["rps_ratio_to_hello"]
        >= READING_PAGE_MIN_RATIO,
        "every_acknowledged_post_stored_once": feedback["acknowledged"] > 0
        and feedback["acknowledged_missing"] == 0
        and feedback["stored_twice"] == 0
        and feedback["ids_acknowledged_twice"] == 0,
        "web_worker_uss_at_most_200_mb": all(
            worker["uss_mb"] <= USS_LIMIT_MB for worker in result["web_worker_memory_after"]
        ),
        "no_worker_restarted": not result["workers_restarted"],
    }
    print(json.dumps(result, indent=2))
    sys.exit(0 if all(result["checks"].values()) else 1)


if __name__ == "__main__":
    main()
