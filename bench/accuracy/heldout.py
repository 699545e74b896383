"""Score language, dates and extraction on held-out sets written apart from the code."""

import json
import time
from datetime import datetime
from pathlib import Path

from reader.library import dates, extract, langid

HELDOUT = Path(__file__).resolve().parent.parent / "heldout"


def _timed(function, items):
    started = time.perf_counter()
    answers = [function(item) for item in items]
    return answers, (time.perf_counter() - started) / max(1, len(items)) * 1e6


def _langdetect(text: str) -> str | None:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        code = detect(text)
    except LangDetectException:
        return None
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def score_langid() -> dict:
    data = json.loads((HELDOUT / "langid.json").read_text(encoding="utf-8"))
    for warm_up in (langid.detect, _langdetect):  # load models before timing
        warm_up("Warm up the detector with a sentence.")
    report = {}
    for kind in ("sentences", "short"):
        items = data[kind]
        texts = [item["text"] for item in items]
        for name, function in (("ours", langid.detect), ("langdetect", _langdetect)):
            answers, micros = _timed(function, texts)
            per_language: dict[str, list[bool]] = {}
            for item, answer in zip(items, answers, strict=True):
                per_language.setdefault(item["lang"], []).append(answer == item["lang"])
            accuracy = {lang: sum(hits) / len(hits) for lang, hits in per_language.items()}
            report.setdefault(kind, {})[name] = {
                "accuracy_mean_over_languages": round(sum(accuracy.values()) / len(accuracy), 4),
                "worst": sorted(accuracy.items(), key=lambda kv: kv[1])[:4],
                "us_per_call": round(micros, 1),
            }
    return report


def _dateparser(text: str, lang: str):
    import dateparser

    return dateparser.parse(text, languages=[lang])


def score_dates() -> dict:
    items = json.loads((HELDOUT / "dates.json").read_text(encoding="utf-8"))
    _dateparser("5 December 2024", "en")  # dateparser loads its language data on first use
    report = {}
    for name, function in (("ours", dates.parse), ("dateparser", _dateparser)):
        day = minute = timed = rejected = nondates = dated = 0
        misses = []
        for item in items:
            answer = function(item["text"], item["lang"])
            expected = item["expected"]
            if expected is None:
                nondates += 1
                rejected += answer is None
                continue
            dated += 1
            want = datetime.fromisoformat(expected)
            got_day = answer is not None and answer.date() == want.date()
            day += got_day
            if "T" in expected:
                timed += 1
                minute += got_day and (answer.hour, answer.minute) == (want.hour, want.minute)
            if not got_day and name == "ours":
                misses.append([item["lang"], item["text"], expected, str(answer)])
        report[name] = {
            "day_accuracy": round(day / dated, 4),
            "minute_accuracy": round(minute / timed, 4) if timed else None,
            "non_dates_rejected": round(rejected / nondates, 4) if nondates else None,
        }
        if name == "ours":
            report[name]["misses"] = misses[:40]
    return report


def score_extract() -> dict:
    import trafilatura

    report = {"ours": [], "trafilatura": []}
    for page in sorted((HELDOUT / "pages").glob("*.html")):
        expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        html = page.read_bytes()
        ours = extract.extract_text(html) or ""
        plain = trafilatura.extract(html.decode("utf-8", "replace")) or ""
        report["ours"].append(extract.token_f1(ours, expected)[2])
        report["trafilatura"].append(extract.token_f1(plain, expected)[2])
    return {
        name: {"mean_f1": round(sum(f1s) / len(f1s), 4), "per_page": [round(f, 3) for f in f1s]}
        for name, f1s in report.items()
        if f1s
    }


def run() -> dict:
    return {"langid": score_langid(), "dates": score_dates(), "extract": score_extract()}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
