"""Score reader.library.dates.parse against plain dateparser on hand-labelled news date lines."""

import json
import time
import warnings
from datetime import datetime
from pathlib import Path

import dateparser

from reader.library import dates

DATA = Path(__file__).parent / "data" / "dates.json"


def load_items() -> list[dict]:
    """The labelled strings: lang, text, expected wall-clock ISO datetime or null, has_time."""
    return json.loads(DATA.read_text(encoding="utf-8"))["items"]


def _wall_clock(value: datetime | None) -> datetime | None:
    # Labels hold the time as printed, so an aware answer is compared by its printed clock.
    return value.replace(tzinfo=None) if value is not None else None


def _dateparser(text: str, lang: str) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return dateparser.parse(text, languages=[lang])
        except Exception:  # noqa: BLE001 - a crash scores as a wrong answer
            return None


def score(parser, items: list[dict]) -> dict:
    """Day, minute and rejection accuracy and mean microseconds per call for one parser."""
    day_right = day_total = minute_right = minute_total = rejected = non_dates = 0
    failures = []
    started = time.perf_counter()
    answers = [_wall_clock(parser(item["text"], item["lang"])) for item in items]
    elapsed = time.perf_counter() - started
    for item, got in zip(items, answers, strict=True):
        if item["expected"] is None:
            non_dates += 1
            rejected += got is None
            if got is not None:
                failures.append((item["lang"], item["text"], None, got.isoformat()))
            continue
        want = datetime.fromisoformat(item["expected"])
        day_total += 1
        day_ok = got is not None and got.date() == want.date()
        day_right += day_ok
        if item["has_time"]:
            minute_total += 1
            minute_ok = day_ok and (got.hour, got.minute) == (want.hour, want.minute)
            minute_right += minute_ok
        else:
            minute_ok = True
        if not (day_ok and minute_ok):
            failures.append((item["lang"], item["text"], item["expected"], got and got.isoformat()))
    return {
        "day_accuracy": round(day_right / max(day_total, 1), 4),
        "minute_accuracy": round(minute_right / max(minute_total, 1), 4),
        "non_date_rejection": round(rejected / max(non_dates, 1), 4),
        "mean_us_per_call": round(elapsed / max(len(items), 1) * 1e6, 1),
        "failures": failures,
    }


def run() -> dict:
    """Both parsers on the whole set; each is warmed up first so load time is not counted."""
    items = load_items()
    dates.parse("5 décembre 2024", "fr")
    _dateparser("5 décembre 2024", "fr")
    ours = score(dates.parse, items)
    theirs = score(_dateparser, items)
    # The first pass pays each language's one-off costs (patterns compiled, CLDR tables and
    # dateparser's locales loaded); a second pass over the same strings shows the cost per call
    # of a running app.
    started = time.perf_counter()
    for item in items:
        dates.parse(item["text"], item["lang"])
    ours["second_pass_us_per_call"] = round((time.perf_counter() - started) / len(items) * 1e6, 1)
    return {
        "items": len(items),
        "dates": sum(item["expected"] is not None for item in items),
        "with_time": sum(item["has_time"] for item in items),
        "non_dates": sum(item["expected"] is None for item in items),
        "reader": ours,
        "dateparser": theirs,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False, default=str))
