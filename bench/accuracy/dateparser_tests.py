"""Dev scorer: real date strings from dateparser's own test suite, read from a local mirror.

Usage: python -m bench.accuracy.dateparser_tests PATH_TO_DATEPARSER_CHECKOUT [--failures N]

The strings were written by dateparser's contributors (collected from news sites and forums
in many languages), not by us; they are read at run time from a checkout given on the command
line and never copied into this project. Two sources in it:
- tests/test_date_parser.py, test_dates_parsing*: a string and the datetime it states, under a
  "# <Language> dates" comment that names its language;
- tests/test_languages.py, test_translation: a string in a language and dateparser's English
  translation, whose full dates (day, month, year) give the expected value.
Only absolute full dates are kept (the year is printed); the scorer skips cleanly when the
path is absent. Prints JSON: ours beside dateparser, all / core 20 / others, to the day and to
the minute, plus failures.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import warnings
from datetime import datetime
from pathlib import Path

from bench.accuracy.dateparser_baseline import dateparser_answer
from reader.library import dates
from reader.text.languages import SUPPORTED_CODES

# Test functions of test_date_parser.py whose strings are parsed with default settings
# (the others convert zones to UTC or prefer past/future, so their expectations differ).
_PLAIN_TESTS = ("test_dates_parsing", "test_dates_parsing_with_normalization")
_HEADER = re.compile(r"^\s*# (\w+)(?: dates)?\s*$")
_LANGUAGE_BY_NAME = {
    "English": "en", "French": "fr", "Spanish": "es", "Dutch": "nl", "Italian": "it",
    "Portuguese": "pt", "Russian": "ru", "Turkish": "tr", "Romanian": "ro", "German": "de",
    "Czech": "cs", "Thai": "th", "Vietnamese": "vi", "Belarusian": "be", "Ukrainian": "uk",
    "Tagalog": "tl", "Filipino": "fil", "Japanese": "ja", "Chinese": "zh", "Bulgarian": "bg",
    "Bangla": "bn", "Hindi": "hi", "Georgian": "ka", "Finnish": "fi", "Croatian": "hr",
    "Polish": "pl", "Swedish": "sv", "Greek": "el", "Hebrew": "he",
    "Arabic": "ar", "Korean": "ko", "Persian": "fa", "Danish": "da", "Norwegian": "nb",
}  # fmt: skip
_TIME = re.compile(r"\d{1,2}:\d{2}|\b\d{1,2} ?[ap]m\b|\bnoon\b|\bmidnight\b")


def _literal_datetime(node: ast.Call) -> datetime | None:
    try:
        return datetime(*[ast.literal_eval(arg) for arg in node.args])
    except (ValueError, TypeError):
        return None


def _params(tree: ast.AST, names: tuple[str, ...]):
    for node in ast.walk(tree):
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith(names)):
            continue
        for decorator in node.decorator_list:
            for call in ast.walk(decorator):
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "param":
                    yield call


def _has_year(text: str, value: datetime) -> bool:
    text = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?", " ", text)  # "Jeu 15:12" prints no year
    return str(value.year) in text or re.search(rf"(?<!\d){value.year % 100:02d}(?!\d)", text)


def parser_items(source: str) -> list[dict]:
    """Items of test_date_parser.py: the language comes from the header comment above each."""
    lines = source.splitlines()
    items = []
    for call in _params(ast.parse(source), _PLAIN_TESTS):
        if len(call.args) < 2 or not isinstance(call.args[0], ast.Constant):
            continue
        if getattr(getattr(call.args[1], "func", None), "id", "") != "datetime":
            continue
        want = _literal_datetime(call.args[1])
        text = call.args[0].value
        lang = None
        for line in reversed(lines[: call.lineno]):
            header = _HEADER.match(line)
            if header:
                lang = _LANGUAGE_BY_NAME.get(header.group(1))
                break
        if lang and want and isinstance(text, str) and _has_year(text, want):
            has_time = want.time() != datetime.min.time() or bool(_TIME.search(text.lower()))
            items.append({"lang": lang, "text": text, "want": want, "has_time": has_time})
    return items


def translation_items(source: str) -> list[dict]:
    """Items of test_languages.py test_translation whose English translation is a full date."""
    import dateparser

    strict = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    items = []
    for call in _params(ast.parse(source), ("test_translation",)):
        try:
            lang, text, english = (ast.literal_eval(arg) for arg in call.args[:3])
        except ValueError:
            continue
        if not (isinstance(english, str) and re.search(r"(?<!\d)\d{4}(?!\d)", english)):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            want = dateparser.parse(english, languages=["en"], settings=strict)
        if want is None or not re.search(r"(?<!\d)\d{4}(?!\d)", text + english):
            continue
        has_time = bool(_TIME.search(english))
        items.append({"lang": lang.split("-")[0], "text": text, "want": want, "has_time": has_time})
    return items


def load(checkout: Path) -> list[dict]:
    """All items from a dateparser checkout, deduplicated by (lang, text)."""
    tests = checkout / "tests"
    found = parser_items((tests / "test_date_parser.py").read_text(encoding="utf-8"))
    found += translation_items((tests / "test_languages.py").read_text(encoding="utf-8"))
    unique = {(item["lang"], item["text"]): item for item in found}
    return list(unique.values())


def score(parser, items: list[dict]) -> dict:
    """Day and minute accuracy by group, and the failures."""
    counts = {group: [0, 0, 0, 0] for group in ("all", "core", "others")}
    failures = []
    for item in items:
        got = parser(item["text"], item["lang"])
        got = got.replace(tzinfo=None) if got is not None else None
        want = item["want"]
        day_ok = got is not None and got.date() == want.date()
        same_minute = got is not None and (got.hour, got.minute) == (want.hour, want.minute)
        minute_ok = day_ok and (not item["has_time"] or same_minute)
        for group in ("all", "core" if item["lang"] in SUPPORTED_CODES else "others"):
            row = counts[group]
            row[0] += day_ok
            row[1] += 1
            if item["has_time"]:
                row[2] += minute_ok
                row[3] += 1
        if not minute_ok:
            failures.append((item["lang"], item["text"], want.isoformat(), got and got.isoformat()))
    ratio = lambda right, total: round(right / total, 4) if total else None  # noqa: E731
    table = {
        group: {"day": ratio(r[0], r[1]), "minute": ratio(r[2], r[3]), "n": r[1], "timed": r[3]}
        for group, r in counts.items()
    }
    return {**table, "failures": failures}


def run(checkout: Path, failures: int = 30) -> dict | None:
    """Ours beside dateparser on the mirror's strings, or None when the mirror is absent."""
    if not (checkout / "tests" / "test_date_parser.py").is_file():
        return None
    items = load(checkout)
    result = {"items": len(items), "languages": len({item["lang"] for item in items})}
    for name, parser in (("reader", dates.parse), ("dateparser", dateparser_answer)):
        scored = score(parser, items)
        scored["failures"] = scored["failures"][:failures]
        result[name] = scored
    return result


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    shown = int(sys.argv[sys.argv.index("--failures") + 1]) if "--failures" in sys.argv else 30
    report = run(Path(sys.argv[1]), shown)
    if report is None:
        print(json.dumps({"skipped": f"no dateparser checkout at {sys.argv[1]}"}))
    else:
        print(json.dumps(report, indent=1, ensure_ascii=False, default=str))
