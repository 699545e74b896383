"""Regex building blocks shared by the date, time and zone patterns: word edges, word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Not inside a word: letters, plus Devanagari vowel signs that Python's \w does not count.
WORD_END = r"(?![^\W\d_]|[\u0900-\u0963\u0971-\u097f])"
WORD_START = r"(?<![^\W\d_]|[\u0900-\u0963\u0971-\u097f])"
# One word: letters, with the Devanagari vowel signs that \w leaves out.
WORD = r"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097f])+"


def alternation(words: Iterable[str]) -> str:
    """Escaped words joined with "|", longest first so a longer word wins over its prefix."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie_pattern(words: set[str] | frozenset[str]) -> str:
    """A regex alternation shaped as a trie, so a thousand words cost one pass, longest first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            branches.append(re.escape(ch) + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return render(trie)
