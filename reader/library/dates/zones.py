"""The time zone printed after a time: zone words (CET, MESZ, بتوقيت مكة) and UTC offsets."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from .folding import input_span
from .regex_parts import WORD_END, alternation

# Zone words: fixed offsets in hours, or an IANA zone where DST decides the offset.
ZONES: dict[str, float | str] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "mez": 1, "cest": 2,
    "mesz": 2, "eet": 2, "eest": 3, "oez": 2, "oesz": 3, "msk": 3, "мск": 3, "trt": 3, "idt": 3,
    "kst": 9, "jst": 9, "hkt": 8, "sgt": 8, "est": -5, "edt": -4, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "hst": -10, "aest": 10, "aedt": 11, "art": -3,
    "brt": -3, "gst": 4, "eat": 3, "wat": 1, "cat": 2, "sast": 2, "pkt": 5, "ist": 5.5,
    "cst": -6, "ast": 3,
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
    "pt": "America/Los_Angeles",
    "بتوقيت غرينتش": 0, "بتوقيت غرينيتش": 0, "ت.غ": 0, "ت غ": 0,
    "بتوقيت مكة المكرمة": 3, "بتوقيت مكة": 3, "بتوقيت القدس": "Asia/Jerusalem",
}  # fmt: skip
# Where an abbreviation names two zones, the page language decides.
_ZONES_BY_LANG: dict[tuple[str, str], float] = {
    ("ist", "he"): 2, ("cst", "zh"): 8, ("ast", "en"): -4,
}  # fmt: skip


@lru_cache(maxsize=1)
def _zone_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s?[(\[]?\s?(?P<tz>{alternation(ZONES)}){WORD_END}"
        r"(?:\s?(?P<tzsign>[+-])\s?(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?)?\s?[)\]]?"
        r"|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?!\d)"
        r"|\s(?P<ssign>[+-])(?P<soh>\d{2}):?(?P<som>\d{2})(?!\d)"
        r"|(?P<bsign>[+-])(?P<boh>\d{2})(?![\d:])"
    )


def zone_at(folded: str, original: str, index: list[int] | None, pos: int, lang: str | None):
    """(tzinfo, end) for a zone printed at pos, or (None, pos)."""
    m = _zone_pattern().match(folded, pos)
    if not m:
        return None, pos
    g = m.groupdict()
    if g["tz"]:
        word = g["tz"]
        if word.isascii() and word.isalpha():
            # "ET" is a zone, "et" is French "and": Latin zone words count only in capitals.
            start, end = input_span(index, m.start("tz"), m.end("tz"))
            if not original[start:end].isupper() and word != "z":
                return None, pos
            if word == "z" and m.start("tz") != pos:
                return None, pos
        zone = _zone_for(word, lang)
        if zone is None:
            return None, pos
        if g["tzsign"]:
            minutes = int(g["tzh"]) * 60 + int(g["tzm"] or 0)
            zone = _fixed(minutes if g["tzsign"] == "+" else -minutes)
        return zone, m.end()
    sign = g["sign"] or g["ssign"] or g["bsign"]
    hours = int(g["oh"] or g["soh"] or g["boh"])
    mins = int(g["om"] or g["som"] or 0)
    if hours > 14 or mins > 59:
        return None, pos
    total = hours * 60 + mins
    return _fixed(total if sign == "+" else -total), m.end()


def _fixed(minutes: int) -> tzinfo:
    return timezone(timedelta(minutes=minutes))


def _zone_for(word: str, lang: str | None) -> tzinfo | None:
    zone = _ZONES_BY_LANG.get((word, lang or ""), ZONES.get(word))
    if zone is None:
        return None
    if isinstance(zone, str):
        return ZoneInfo(zone)
    return _fixed(round(zone * 60))
