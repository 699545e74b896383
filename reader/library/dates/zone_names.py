"""Time zones printed as words in the page's language, as CLDR spells them, turned to offsets.

"temps universel coordonné", "heure normale d’Europe centrale", "koordinált világidő": CLDR's
'full' date-time formats print the zone's long name, which neither our reader nor dateparser
knows. parse() rewrites such a name as "UTC+01:00" before reading the line.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import get_timezone_name

# The zones news sites print most; each is asked for its winter and summer names.
_COMMON_ZONES = (
    "Etc/UTC Europe/London Europe/Paris Europe/Athens Europe/Moscow Europe/Istanbul"
    " Europe/Lisbon America/New_York America/Chicago America/Denver America/Los_Angeles"
    " America/Sao_Paulo America/Mexico_City Asia/Tokyo Asia/Shanghai Asia/Seoul Asia/Kolkata"
    " Asia/Jerusalem Asia/Riyadh Asia/Dubai Asia/Tehran Asia/Jakarta Asia/Bangkok"
    " Asia/Ho_Chi_Minh Australia/Sydney Africa/Lagos Africa/Nairobi Africa/Johannesburg"
).split()
_SEASONS = (datetime(2024, 1, 15, 12), datetime(2024, 7, 15, 12))
# Shorter names ("TU", "EST") are left to the zone-word table, which asks for capitals.
MIN_ZONE_NAME_CHARS = 6


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@lru_cache(maxsize=128)
def _names(lang: str) -> dict[str, str]:
    """Long zone name (lower case) -> "UTC+HH:MM", for one language."""
    try:
        locale = Locale.parse(lang)
    except Exception:  # noqa: BLE001 - no CLDR locale, no zone names
        return {}
    names: dict[str, str] = {}
    for zone_id in _COMMON_ZONES:
        zone = ZoneInfo(zone_id)
        for moment in _SEASONS:
            local = moment.replace(tzinfo=zone)
            try:
                name = get_timezone_name(local, "long", locale=locale)
            except Exception:  # noqa: BLE001 - a gap in CLDR data: skip that name
                continue
            if len(name) >= MIN_ZONE_NAME_CHARS and not name[-1].isdigit():
                names.setdefault(name.lower().replace("’", "'"), _offset_text(local.utcoffset()))
    return names


@lru_cache(maxsize=128)
def _pattern(lang: str) -> re.Pattern[str] | None:
    names = _names(lang)
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\(?(?<!\w)(?:{alternatives})(?!\w)\)?", re.IGNORECASE)


def spell_zone_names(text: str, lang: str | None) -> str:
    """Text with any CLDR long zone name of the language rewritten as "UTC+HH:MM"."""
    if not lang:
        return text
    pattern = _pattern(lang)
    if pattern is None:
        return text
    names = _names(lang)
    folded = text.replace("’", "'")
    return pattern.sub(lambda m: names[m.group().strip("()").lower()], folded)
