"""Date strings in every espeak-ng language, generated from CLDR's own patterns (through Babel).

Nobody on this project wrote these strings: each is babel.dates.format_date / format_datetime
of a random datetime in one of the locale's 'long', 'medium' and 'full' formats, so the score
measures how far the parser reads any language's ordinary printed dates, not our habits.
Prints JSON: ours beside dateparser, per language and per group (core 20 / the others).
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from datetime import datetime

from babel import Locale
from babel.dates import format_date, format_datetime

from bench.accuracy.dateparser_baseline import dateparser_answer
from reader.library import dates
from reader.text.languages import SUPPORTED_CODES

# Fixed so two runs compare the same strings.
SEED = 20241205
# Random datetimes per language and format; 6 x 3 widths x (date, date+time) = 36 strings.
SAMPLES_PER_FORMAT = 6
WIDTHS = ("long", "medium", "full")
# espeak-ng voices whose code is no CLDR locale, or a macro/variant spelt otherwise.
_LOCALE_FOR = {"cmn": "zh", "yue": "yue"}


def espeak_languages() -> list[str]:
    """Primary language subtags of every espeak-ng voice that CLDR (Babel) has a locale for."""
    try:
        out = subprocess.run(
            ["espeak-ng", "--voices"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return list(SUPPORTED_CODES)
    codes = sorted({line.split()[1].split("-")[0] for line in out.splitlines()[1:] if line})
    found = []
    for code in codes:
        try:
            Locale.parse(_LOCALE_FOR.get(code, code))
        except Exception:  # noqa: BLE001 - a voice with no CLDR locale is left out
            continue
        found.append(code)
    return found


def _random_datetime(rng: random.Random) -> datetime:
    return datetime(
        rng.randint(1995, 2030),
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.randint(0, 59),
    )


def generate(langs: list[str]) -> list[dict]:
    """Items: lang, text, the datetime it states, and whether it prints a time."""
    rng = random.Random(SEED)
    items = []
    for lang in langs:
        locale = Locale.parse(_LOCALE_FOR.get(lang, lang))
        for width in WIDTHS:
            for _ in range(SAMPLES_PER_FORMAT):
                value = _random_datetime(rng)
                for has_time in (False, True):
                    try:
                        if has_time:
                            text = format_datetime(value, width, tzinfo=None, locale=locale)
                        else:
                            text = format_date(value, width, locale=locale)
                    except Exception:  # noqa: BLE001 - a locale Babel cannot format is skipped
                        continue
                    items.append({"lang": lang, "text": text, "want": value, "has_time": has_time})
    return items


def _dateparser(text: str, lang: str) -> datetime | None:
    return dateparser_answer(text, lang, retry_without_language=True)


def _score(parser, items: list[dict]) -> tuple[dict, list, float]:
    per_lang: dict[str, list[int]] = {}
    failures = []
    elapsed = {}
    answers = []
    for item in items:
        started = time.perf_counter()
        answers.append(parser(item["text"], item["lang"]))
        group = "core" if item["lang"] in SUPPORTED_CODES else "others"
        elapsed.setdefault(group, []).append(time.perf_counter() - started)
    for item, got in zip(items, answers, strict=True):
        counts = per_lang.setdefault(item["lang"], [0, 0, 0, 0])
        want = item["want"]
        got = got.replace(tzinfo=None) if got is not None else None
        day_ok = got is not None and got.date() == want.date()
        counts[0] += day_ok
        counts[1] += 1
        minute_ok = day_ok
        if item["has_time"]:
            minute_ok = day_ok and (got.hour, got.minute) == (want.hour, want.minute)
            counts[2] += minute_ok
            counts[3] += 1
        if not minute_ok:
            failures.append((item["lang"], item["text"], want.isoformat(), got and got.isoformat()))
    mean_us = {group: round(sum(ts) / len(ts) * 1e6, 1) for group, ts in elapsed.items()}
    return per_lang, failures, mean_us


def _ratio(right: int, total: int) -> float | None:
    return round(right / total, 4) if total else None


def _group(per_lang: dict[str, list[int]], langs) -> dict:
    sums = [sum(per_lang[lang][i] for lang in langs if lang in per_lang) for i in range(4)]
    return {"day": _ratio(sums[0], sums[1]), "minute": _ratio(sums[2], sums[3]), "n": sums[1]}


def run(failures_per_parser: int = 40) -> dict:
    """Both parsers on every generated string, by group and by language."""
    langs = espeak_languages()
    items = generate(langs)
    core = [lang for lang in langs if lang in SUPPORTED_CODES]
    others = [lang for lang in langs if lang not in SUPPORTED_CODES]
    result: dict = {"languages": len(langs), "items": len(items)}
    tables = {}
    for name, parser in (("reader", dates.parse), ("dateparser", _dateparser)):
        parser("5 décembre 2024", "fr")  # warm up: loading is not per-call cost
        per_lang, failures, us = _score(parser, items)
        tables[name] = per_lang
        result[name] = {
            "all": _group(per_lang, langs),
            "core": _group(per_lang, core),
            "others": _group(per_lang, others),
            "mean_us_per_call": us,
            "failures": failures[:failures_per_parser],
        }
    result["per_language"] = {
        lang: {
            name: [_ratio(*tables[name][lang][0:2]), _ratio(*tables[name][lang][2:4])]
            for name in tables
        }
        for lang in langs
    }
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=1, ensure_ascii=False, default=str))
