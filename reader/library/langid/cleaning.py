"""Prepare a text for the detectors: cap its length, drop URLs, e-mails, @mentions and '#'."""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 1200
"""Detectors see at most this many characters: more adds time, not accuracy."""

_HEAD_CHARS = 800
"""When sampling a long text, how much of it comes from its start (the rest from its middle)."""

_URL_OR_EMAIL = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+"  # URLs with a scheme or www.
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|\b(?:[\w-]+\.)+(?:com|org|net|edu|gov|io|info|[a-z]{2})(?:/\S*)?(?=\s|$)",  # bare domains
    re.IGNORECASE,
)
_MENTION = re.compile(r"(?<!\w)@\w+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def sample(text: str) -> str:
    """Cap a text for the detectors, keeping its start and a slice of its middle."""
    if len(text) <= MAX_CHARS:
        return text
    middle = len(text) // 2
    tail_chars = MAX_CHARS - _HEAD_CHARS
    return text[:_HEAD_CHARS] + " " + text[middle : middle + tail_chars]


def clean(text: object) -> str:
    """The text to detect on: capped, NFC, without URLs, e-mails, @mentions, '#', surrogates."""
    if not isinstance(text, str) or not text:
        return ""
    text = unicodedata.normalize("NFC", _SURROGATE.sub(" ", sample(text)))
    text = _URL_OR_EMAIL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = text.replace("#", " ").replace("\u2019", "'")
    return " ".join(text.split())
