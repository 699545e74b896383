"""Score extraction and the spoken text on ../shared/dev-data (real public pages), when present."""

import importlib
import json
import subprocess
import sys
from pathlib import Path

DEV_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "dev-data"


def _scorer(name: str):
    """The dev set's own scoring module (it lives beside the data, not in this project)."""
    if str(DEV_DATA) not in sys.path:
        sys.path.insert(0, str(DEV_DATA))
    return importlib.import_module(name)


def _summary(result: dict) -> dict:
    keys = ("mean_f1", "mean_p", "mean_r", "snip_f1", "snip_p", "snip_r", "ms", "errors")
    return {key: round(result[key], 4) for key in keys}


def run() -> dict:
    """Ours beside plain trafilatura on the same pages, in one run; {} without the folder."""
    if not DEV_DATA.is_dir():
        return {"skipped": f"{DEV_DATA} is not here"}
    score_extract = _scorer("score_extract")
    from reader.library.extract import extract_text

    ours = _summary(score_extract.evaluate(extract_text, DEV_DATA, False, False))
    plain = _summary(
        score_extract.evaluate(
            score_extract.get_extractor("builtin:trafilatura"), DEV_DATA, False, False
        )
    )
    return {
        "tn": spoken_text(),
        "extract": {"ours": ours, "trafilatura": plain},
        "extract_margin_points": {
            "full_text_f1": round(100 * (ours["mean_f1"] - plain["mean_f1"]), 1),
            "snippet_f1": round(100 * (ours["snip_f1"] - plain["snip_f1"]), 1),
        },
    }


def spoken_text() -> dict:
    """The spoken text heard right (espeak-ng phonemes against the expected words), beside
    espeak-ng reading the raw text, macro over languages: the dev set's own score_tn.py."""
    result = subprocess.run(
        [sys.executable, str(DEV_DATA / "score_tn.py"), "--json"]
        + ["--fn", "reader.speech.normalize:normalize"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    figures = json.loads(next(line for line in result.stdout.splitlines() if line[:1] == "{"))
    return {
        "heard_right_percent": figures["app"],
        "espeak_raw_percent": figures["raw"],
        "cases": figures["cases"],
        "by_language": figures["languages"],
    }
