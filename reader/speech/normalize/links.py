"""Links, e-mail addresses and hashtags: dropped or turned into words before anything is read."""

import re

from reader.text.hashtags import hashtag_words

_URL = re.compile(r"[ \t]*(?:\bhttps?://|\bwww\.)[^\s<>\"«»“”]+?(?=[.,;:!?)\]»”']*(?:\s|$))")
_EMAIL = re.compile(r"[ \t]*\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def remove_links(text: str) -> str:
    """Drop URLs and e-mail addresses: read aloud they are noise, not content."""
    # The substring tests cost nothing; each regex scans every position of the sentence.
    if "://" in text or "www." in text:
        text = _URL.sub("", text)
    return _EMAIL.sub("", text) if "@" in text else text


_HASHTAG_RUN = re.compile(r"#\w+(?:\s+#\w+)*")


def hashtags_to_words(line: str) -> str:
    """Turn hashtags into words, a comma between neighbours: '#A #BeC' -> 'A, Be C'."""

    def spell_run(match: re.Match[str]) -> str:
        return ", ".join(hashtag_words(tag) for tag in match.group().split())

    return _HASHTAG_RUN.sub(spell_run, line)
