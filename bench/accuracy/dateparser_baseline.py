"""dateparser's answer for a date string, the baseline both date benchmarks score ours against."""

from __future__ import annotations

import warnings
from datetime import datetime


def dateparser_answer(
    text: str, lang: str, retry_without_language: bool = False
) -> datetime | None:
    """dateparser's datetime for the text read as `lang`, None where it finds none or fails.

    `retry_without_language`: where dateparser does not know `lang` (or fails with it), ask it
    again to guess the language itself.
    """
    import dateparser  # imported here: loading it is not part of what the benchmarks time

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return dateparser.parse(text, languages=[lang])
        except Exception:  # noqa: BLE001 - an unknown language or a crash scores as wrong
            if not retry_without_language:
                return None
            try:
                return dateparser.parse(text)
            except Exception:  # noqa: BLE001 - a crash scores as a wrong answer
                return None
