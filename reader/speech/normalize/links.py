"""Links, e-mail addresses and hashtags: dropped or turned into words before anything is read."""

import re

from reader.text.hashtags import hashtag_words

# Chinese, Japanese and Korean write no space around a link: their script ends it.
_CJK = "\u3000-\u9fff\uac00-\ud7af\uff00-\uffef"
_URL = re.compile(
    r"(?P<space>[ \t]*)(?<![A-Za-z0-9])(?:https?://|www\.)(?:www\.)?(?P<host>[A-Za-z0-9.-]*[A-Za-z0-9])?"
    rf"[^\s<>\"«»“”{_CJK}]*?(?=[.,;:!?)\]»”']*(?:\s|$|[{_CJK}]))"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# How each language says the "@" and the dots of an e-mail address.
_AT_AND_DOT = {
    "en": ("at", "dot"), "fr": ("arobase", "point"), "de": ("at", "Punkt"),
    "es": ("arroba", "punto"), "it": ("chiocciola", "punto"), "pt": ("arroba", "ponto"),
    "nl": ("apenstaartje", "punt"), "sv": ("snabel-a", "punkt"), "ru": ("собака", "точка"),
    "uk": ("равлик", "крапка"), "pl": ("małpa", "kropka"), "cs": ("zavináč", "tečka"),
    "hu": ("kukac", "pont"), "tr": ("et", "nokta"),
}  # fmt: skip
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\ufe0f\u200d]+"
)


def _spell_address(match: re.Match[str], lang: str) -> str:
    at, dot = _AT_AND_DOT[lang]
    # "abc1" -> "abc 1", so the digit is said as a number.
    address = re.sub(r"(?<=[^\W\d])(?=\d)|(?<=\d)(?=[^\W\d])", " ", match.group())
    local, _, domain = address.partition("@")
    spell = lambda part: f" {dot} ".join(part.split("."))  # noqa: E731
    return f"{spell(local)} {at} {spell(domain)}"


def remove_links(text: str, lang: str = "") -> str:
    """A link is said as its site's name ("example.fr"): dropped, it would leave "sur et";
    an e-mail address is spelled with the language's words for "@" and "." where we have
    them, and dropped elsewhere. Emoji are not read ("grinning face")."""
    # The substring tests cost nothing; each regex scans every position of the sentence.
    if "://" in text or "www." in text:
        text = _URL.sub(lambda m: f"{m['space']}{m['host']}" if m["host"] else "", text)
    if "@" in text:
        if lang in _AT_AND_DOT:
            text = _EMAIL.sub(lambda m: _spell_address(m, lang), text)
        else:
            text = re.sub(r"[ \t]*" + _EMAIL.pattern, "", text)
    return _EMOJI.sub("", text) if not text.isascii() else text


_HASHTAG_RUN = re.compile(r"#\w+(?:\s+#\w+)*")


def hashtags_to_words(line: str) -> str:
    """Turn hashtags into words, a comma between neighbours: '#A #BeC' -> 'A, Be C'."""

    def spell_run(match: re.Match[str]) -> str:
        return ", ".join(hashtag_words(tag) for tag in match.group().split())

    return _HASHTAG_RUN.sub(spell_run, line)
