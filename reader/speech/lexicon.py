"""Pronunciation rules applied to spoken text: whole words, phrases or regular expressions."""

import logging
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from reader.text.language_tags import base_language
from reader.text.languages import LANGUAGES

log = logging.getLogger(__name__)

KINDS = ("respelling", "phonemes")
MAX_PATTERN_LENGTH = 200
MAX_REPLACEMENT_LENGTH = 200
# A regular expression gets this long per sentence; past it, it is skipped for that sentence.
REGEX_BUDGET_SECONDS = 0.05
# espeak-ng's phoneme mnemonics (docs/phonemes.md): ASCII letters, digits, stress and length
# marks, and a few symbols. No brackets: "]]" would end the phoneme input early.
_PHONEMES = re.compile(r"[A-Za-z0-9@'\",:;~^#_!&*/\\|<>=?%+.\- ]+")
# What a probe of a new regular expression is tried on: long runs that make backtracking explode.
_PROBES = ("a" * 400 + "!", "a " * 200 + "!", "1" * 400 + "x", "Aa-" * 130 + "!")


@dataclass(frozen=True)
class LexiconRule:
    """One entry as the speech pipeline sees it: what to find, and how to say it."""

    language: str
    pattern: str
    replacement: str
    kind: str = "respelling"
    """respelling: plain text espeak-ng reads; phonemes: espeak-ng mnemonics, said as written."""
    is_regex: bool = False
    case_sensitive: bool = False

    def spoken(self) -> str:
        """What replaces a match in the text given to espeak-ng."""
        if self.kind == "phonemes":
            return f"[[{phoneme_body(self.replacement)}]]"
        return self.replacement


@dataclass(frozen=True)
class Rewrite:
    """A sentence after the lexicon: its text and the rules that changed it."""

    text: str
    applied: tuple[LexiconRule, ...]


@dataclass(frozen=True)
class Problem:
    """A field of a rule that is not valid, by code (the caller words it)."""

    field: str
    code: str


class Lexicon:
    """The rules of every language, each sentence rewritten by its own language's rules."""

    def __init__(self, rules=()):
        by_language: dict[str, list[LexiconRule]] = {}
        for rule in rules:
            by_language.setdefault(rule.language, []).append(rule)
        self._rules = {lang: tuple(found) for lang, found in by_language.items()}

    @cached_property
    def fingerprint(self) -> tuple[LexiconRule, ...]:
        """Every rule in the order applied: equal for two lexicons that say everything alike
        (what a memo of planned articles is keyed by)."""
        return tuple(rule for rules in self._rules.values() for rule in rules)

    def rules_for(self, lang: str | None) -> tuple[LexiconRule, ...]:
        return self._rules.get(base_language(lang or "") or "", ())

    def rewrite(self, text: str, lang: str | None) -> str:
        """The spoken text with this language's rules applied."""
        return rewrite(text, self.rules_for(lang)).text


EMPTY = Lexicon()


def phoneme_body(replacement: str) -> str:
    """Phonemes without the [[ ]] an editor may have typed around them."""
    body = replacement.strip()
    if body.startswith("[[") and body.endswith("]]"):
        body = body[2:-2].strip()
    return body


@lru_cache(maxsize=8192)
def rewrite(text: str, rules: tuple[LexiconRule, ...]) -> Rewrite:
    """Apply the rules in one pass over the text: the earliest match wins, then the longest.

    A replacement is never matched again. Any "[[" already in the text is broken up first:
    espeak-ng takes phoneme input only from the lexicon.
    """
    text = text.replace("[[", "[ [")
    matches = []
    for order, rule in enumerate(rules):
        for start, end in _spans(rule, text):
            matches.append((start, -end, order, rule))
    matches.sort(key=lambda match: match[:3])
    pieces, applied, position = [], [], 0
    for start, negative_end, _order, rule in matches:
        if start < position:
            continue
        spoken = rule.spoken()
        if text[start:-negative_end] != spoken:
            pieces += [text[position:start], spoken]
            position = -negative_end
            if rule not in applied:
                applied.append(rule)
    pieces.append(text[position:])
    return Rewrite("".join(pieces), tuple(applied))


def _spans(rule: LexiconRule, text: str) -> list[tuple[int, int]]:
    compiled = compile_rule(rule)
    if compiled is None:
        return []
    try:
        found = compiled.finditer(text, timeout=REGEX_BUDGET_SECONDS)
        return [match.span() for match in found if match.end() > match.start()]
    except TimeoutError:
        log.warning("lexicon pattern %r ran out of time; skipped for one sentence", rule.pattern)
        return []


@lru_cache(maxsize=4096)
def compile_rule(rule: LexiconRule):
    """The rule's compiled pattern, or None when it does not compile."""
    flags = regex.V0 | (0 if rule.case_sensitive else regex.IGNORECASE)
    source = rule.pattern if rule.is_regex else _word_pattern(rule.pattern)
    try:
        return regex.compile(source, flags)
    except regex.error:
        return None


def _word_pattern(words: str) -> str:
    """A word or phrase as a whole: any run of spaces between its words, nothing glued on."""
    phrase = r"\s+".join(regex.escape(word) for word in words.split())
    before = r"(?<!\w)" if regex.match(r"\w", words.strip()) else ""
    after = r"(?!\w)" if regex.search(r"\w$", words.strip()) else ""
    return before + phrase + after


def check_rule(rule: LexiconRule) -> list[Problem]:
    """Everything wrong with a rule, or []: the language, the pattern and the replacement."""
    problems = []
    if rule.language not in LANGUAGES:
        problems.append(Problem("language", "unknown"))
    pattern = rule.pattern.strip()
    if not pattern:
        problems.append(Problem("pattern", "required"))
    elif len(rule.pattern) > MAX_PATTERN_LENGTH:
        problems.append(Problem("pattern", "too_long"))
    elif rule.is_regex:
        problems += [Problem("pattern", code) for code in _regex_problems(rule)]
    if rule.kind not in KINDS:
        problems.append(Problem("kind", "invalid"))
    replacement = rule.replacement.strip()
    if not replacement or (rule.kind == "phonemes" and not phoneme_body(replacement)):
        problems.append(Problem("replacement", "required"))
    elif len(replacement) > MAX_REPLACEMENT_LENGTH:
        problems.append(Problem("replacement", "too_long"))
    elif rule.kind == "phonemes" and not _PHONEMES.fullmatch(phoneme_body(replacement)):
        problems.append(Problem("replacement", "phonemes"))
    elif rule.kind == "respelling" and ("[[" in replacement or "]]" in replacement):
        problems.append(Problem("replacement", "brackets"))
    return problems


def _regex_problems(rule: LexiconRule) -> list[str]:
    if compile_rule(rule) is None:
        return ["regex_invalid"]
    if has_nested_quantifier(rule.pattern):
        return ["regex_unsafe"]
    compiled = compile_rule(rule)
    if compiled.search("") is not None:
        return ["regex_empty"]  # it would match between every two letters
    for probe in _PROBES:
        try:
            list(compiled.finditer(probe, timeout=REGEX_BUDGET_SECONDS))
        except TimeoutError:
            return ["regex_unsafe"]
    return []


def has_nested_quantifier(pattern: str) -> bool:
    """Whether a repeated group holds a repeat itself, as in (a+)+: the classic blow-up."""
    groups = [False]  # per open group: does it hold a quantifier?
    position, in_class = 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[position + 1 : position + 2] == "]":
                position += 1
        elif char == "(":
            groups.append(False)
        elif char == ")" and len(groups) > 1:
            inner = groups.pop()
            repeated = pattern[position + 1 : position + 2] in ("*", "+", "{")
            if inner and repeated:
                return True
            groups[-1] = groups[-1] or inner or repeated
        elif char in "*+{":
            groups[-1] = True
        position += 1
    return False
