"""Japanese era years (令和4年 is 2022) rewritten as the Gregorian year the date forms read."""

from __future__ import annotations

import re
import unicodedata

# The Gregorian year before each era's first year ("元年").
_JAPANESE_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_JAPANESE_ERA_YEAR = re.compile(r"(令和|平成|昭和)\s*(元|[0-9０-９]{1,2})\s*年")


def gregorian_era_years(text: str) -> str:
    """The text with each "令和4年" turned into "2022年"."""

    def western(m: re.Match[str]) -> str:
        number = 1 if m.group(2) == "元" else int(unicodedata.normalize("NFKC", m.group(2)))
        return f"{_JAPANESE_ERAS[m.group(1)] + number}年"

    return _JAPANESE_ERA_YEAR.sub(western, text)
