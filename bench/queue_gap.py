"""Continuous play: the silence between two queued articles, in Chromium, with espeak-ng.

Starts `reader serve` (espeak-ng) with three short articles, queues them with "Listen to all"
and lets them play through. Prints JSON: each gap from the <audio> element's `ended` to its next
`playing` (ms), their median and maximum, the pause between paragraphs they are compared with,
and the host's load average, in the same run. Needs chromium and playwright (`make setup`).
"""

import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from reader.speech.policy import PAUSE_BETWEEN_PARAGRAPHS_MS
from tests.browser.conftest import CHROMIUM_ARGS
from tests.browser.test_queue import RECORD_EVENTS, serving_short_articles
from tests.helpers import CHROMIUM

TIMEOUT_MS = 180_000


def gaps_ms(events: list[dict]) -> list[float]:
    """For each `ended`, the time until the next article's first `playing`."""
    gaps = []
    for index, event in enumerate(events):
        if event["type"] != "ended":
            continue
        playing = next((e for e in events[index:] if e["type"] == "playing"), None)
        if playing is not None and playing["article"] != event["article"]:
            gaps.append(round(playing["at"] - event["at"], 1))
    return gaps


def play_through(base: str) -> list[dict]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(bypass_csp=True)
        page.add_init_script(RECORD_EVENTS)
        page.goto(f"{base}/?since=2024-12-01&until=2024-12-31")
        page.click("[data-listen-all]")
        page.wait_for_function(
            "window.__audioEvents.filter((e) => e.type === 'ended').length >= 3",
            timeout=TIMEOUT_MS,
        )
        events = page.evaluate("window.__audioEvents")
        browser.close()
    return events


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="reader-bench-queue-"))
    try:
        with serving_short_articles(data, "espeak") as running:
            events = play_through(running.base)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    gaps = gaps_ms(events)
    result = {
        "engine": "espeak",
        "articles": 3,
        "gaps_ms": gaps,
        "median_gap_ms": statistics.median(gaps) if gaps else None,
        "max_gap_ms": max(gaps) if gaps else None,
        "paragraph_pause_ms": PAUSE_BETWEEN_PARAGRAPHS_MS,
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
