"""Text benchmark: extraction and sentence splitting, each beside a plain library's time.

Prints JSON: the median and spread over several runs of our time per call, the reference's
time in the same run, and their ratio. Timings live here, not in tests: the test machines
are shared and noisy, so a time limit in a test fails for the host's load, not our code.
"""

import json
import os
import re
import statistics
import time
from pathlib import Path

import trafilatura

from reader.library.extract import extract_text
from reader.text.segmentation import split_sentences

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def typical_page() -> bytes:
    """A fixture page padded to the ~200 KB of a real news page with teaser markup."""
    page = (ROOT / "tests" / "data" / "pages" / "fr_classic.html").read_bytes()
    padding = b"<div class='promo-grid'>" + b"<div><a href='/x'>Teaser link</a></div>" * 4000
    return page.replace(b"<footer", padding + b"</div><footer", 1)


def long_french_text() -> str:
    """Over 5,000 words of the French seed's body, repeated."""
    seed = (ROOT / "seeds" / "01-fr-premieres-pertes-kyiv.txt").read_text("utf-8")
    body = seed.split("\n\n", 1)[1]
    return " ".join([body] * (5000 // len(body.split()) + 1))


def seconds(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def compare(ours, reference, *args) -> dict:
    """Interleaved runs of both, after one warm-up each."""
    ours(*args), reference(*args)
    our_times, reference_times = [], []
    for _ in range(RUNS):
        our_times.append(seconds(ours, *args))
        reference_times.append(seconds(reference, *args))
    ratios = [a / b for a, b in zip(our_times, reference_times, strict=True)]
    return {
        "ours_ms": spread([t * 1000 for t in our_times]),
        "reference_ms": spread([t * 1000 for t in reference_times]),
        "ratio": spread(ratios, digits=3),
    }


def spread(values: list[float], digits: int = 2) -> dict:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
    }


def main() -> None:
    page = typical_page()
    text = long_french_text()
    plain_split = re.compile(r"(?<=[.!?])\s+")
    result = {
        "runs": RUNS,
        "host_load_average": [round(x, 2) for x in os.getloadavg()],
        "extract_typical_page": {
            "page_bytes": len(page),
            "reference": "trafilatura.extract on the same page",
            **compare(extract_text, trafilatura.extract, page),
        },
        "split_5000_words": {
            "words": len(text.split()),
            "reference": "one regular-expression split at . ! ?",
            **compare(lambda t: split_sentences(t, "fr"), plain_split.split, text),
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
