"""Benchmark article extraction: token F1 and speed of ours vs plain trafilatura on fixtures."""

import json
import time
from pathlib import Path
from statistics import mean

import trafilatura

from reader.library.extract import extract_text, token_f1

PAGES_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "pages"


def load_pages() -> list[tuple[str, bytes, str]]:
    """(name, raw page bytes, expected text) for every fixture with an expected file."""
    pages = []
    for html_path in sorted(PAGES_DIR.glob("*.html")):
        expected_path = html_path.with_suffix(".expected.txt")
        if expected_path.exists():
            expected = expected_path.read_text(encoding="utf-8")
            pages.append((html_path.stem, html_path.read_bytes(), expected))
    return pages


def plain_trafilatura(html: bytes, url: str | None = None) -> str | None:
    """trafilatura as most people call it: default options, text output."""
    return trafilatura.extract(html, url=url)


def score(extractor, pages: list[tuple[str, bytes, str]]) -> dict:
    """Mean precision/recall/F1 and mean milliseconds per page for one extractor."""
    per_page = {}
    timings = []
    for name, html, expected in pages:
        start = time.perf_counter()
        predicted = extractor(html)
        timings.append((time.perf_counter() - start) * 1000)
        per_page[name] = token_f1(predicted, expected)
    return {
        "precision": round(mean(p for p, _, _ in per_page.values()), 4),
        "recall": round(mean(r for _, r, _ in per_page.values()), 4),
        "f1": round(mean(f for _, _, f in per_page.values()), 4),
        "ms_per_page": round(mean(timings), 2),
        "per_page_f1": {name: round(f, 4) for name, (_, _, f) in per_page.items()},
    }


def run() -> dict:
    """Score ours and plain trafilatura on the same fixtures in one run."""
    pages = load_pages()
    extract_text(pages[0][1])  # warm-up: first call pays imports and regex compilation
    return {
        "pages": len(pages),
        "ours": score(extract_text, pages),
        "trafilatura": score(plain_trafilatura, pages),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
