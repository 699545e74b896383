"""The lexicon's matching and rewriting: whole words, case, phrases, regular expressions."""

import pytest

from reader.speech.lexicon import (
    Lexicon,
    LexiconRule,
    Problem,
    check_rule,
    has_nested_quantifier,
    rewrite,
)

UNSAFE = [Problem("pattern", "regex_unsafe")]
NOT_PHONEMES = [Problem("replacement", "phonemes")]
ZELENSKY = LexiconRule("fr", "Zelensky", "zelEnsk'i", kind="phonemes")
KIM = LexiconRule("fr", "Kim Jong Un", "Kim Djong Oune")


def said(text, *rules) -> str:
    return rewrite(text, rules).text


def test_a_whole_word_in_any_case():
    rule = LexiconRule("fr", "Kiev", "Kiève")
    assert said("À Kiev, à KIEV et à kiev.", rule) == "À Kiève, à Kiève et à Kiève."
    assert said("Kievan et SuperKiev restent.", rule) == "Kievan et SuperKiev restent."


def test_case_sensitive_entries_match_only_that_case():
    rule = LexiconRule("en", "US", "U S", case_sensitive=True)
    assert said("The US said us.", rule) == "The U S said us."


def test_a_phrase_matches_across_any_spaces():
    assert said("Selon Kim  Jong\u00a0Un, rien.", KIM) == "Selon Kim Djong Oune, rien."
    assert said("Kim Jong est là.", KIM) == "Kim Jong est là."


def test_phonemes_are_given_to_espeak_between_double_brackets():
    assert said("Zelensky, puis zelensky.", ZELENSKY) == ("[[zelEnsk'i]], puis [[zelEnsk'i]].")
    typed_with_brackets = LexiconRule("fr", "Zelensky", "[[zelEnsk'i]]", kind="phonemes")
    assert said("Zelensky.", typed_with_brackets) == "[[zelEnsk'i]]."


def test_a_regular_expression_as_written():
    rule = LexiconRule("fr", r"Zelensky[jiy]?", "Zélenski", is_regex=True)
    assert said("Zelenskyj et Zelensky.", rule) == "Zélenski et Zélenski."


def test_one_pass_earliest_then_longest_and_replacements_are_not_matched_again():
    short = LexiconRule("fr", "Kim", "Kime")
    loop = LexiconRule("fr", "Kime", "Kimmm")
    result = rewrite("Kim Jong Un et Kim.", (short, KIM, loop))
    assert result.text == "Kim Djong Oune et Kime."
    assert result.applied == (KIM, short)


def test_other_languages_are_untouched():
    lexicon = Lexicon([ZELENSKY])
    assert lexicon.rewrite("Zelensky.", "de") == "Zelensky."
    assert lexicon.rewrite("Zelensky.", "fr") == "[[zelEnsk'i]]."
    assert lexicon.rewrite("Zelensky.", "fr-CA") == "[[zelEnsk'i]]."


def test_an_entry_that_changes_nothing_is_not_applied():
    same = LexiconRule("fr", "Moscou", "Moscou")
    assert rewrite("À Moscou.", (same,)) == rewrite("À Moscou.", ())
    assert rewrite("À Moscou.", (same,)).applied == ()


def test_double_brackets_in_the_article_are_never_phonemes():
    assert said("Voir [[wiki]].") == "Voir [ [wiki]]."


@pytest.mark.parametrize(
    ("rule", "problems"),
    [
        (LexiconRule("xx", "mot", "mo"), [Problem("language", "unknown")]),
        (LexiconRule("fr", "  ", "mo"), [Problem("pattern", "required")]),
        (LexiconRule("fr", "mot", " "), [Problem("replacement", "required")]),
        (LexiconRule("fr", "mot", "[[ ]]", kind="phonemes"), [Problem("replacement", "required")]),
        (LexiconRule("fr", "(mot", "mo", is_regex=True), [Problem("pattern", "regex_invalid")]),
        (LexiconRule("fr", "(a+)+$", "mo", is_regex=True), UNSAFE),
        (LexiconRule("fr", r"(\w+\s?)+$", "x", is_regex=True), UNSAFE),
        (LexiconRule("fr", "a*", "mo", is_regex=True), [Problem("pattern", "regex_empty")]),
        (LexiconRule("fr", "mot", "mo]] [[x", kind="phonemes"), NOT_PHONEMES),
        (LexiconRule("fr", "mot", "ʒɔ̃", kind="phonemes"), NOT_PHONEMES),
        (LexiconRule("fr", "mot", "[[mo]]"), [Problem("replacement", "brackets")]),
        (LexiconRule("fr", "mot", "mo", kind="ipa"), [Problem("kind", "invalid")]),
        (LexiconRule("fr", "x" * 201, "mo"), [Problem("pattern", "too_long")]),
        (ZELENSKY, []),
        (LexiconRule("fr", r"Kim\s+Jong[- ]?Un", "x", is_regex=True), []),
    ],
)
def test_check_rule(rule, problems):
    assert check_rule(rule) == problems


def test_nested_quantifiers_are_found():
    assert has_nested_quantifier("(a+)+")
    assert has_nested_quantifier("(?:x(ab*)c)*")
    assert not has_nested_quantifier("(ab)+c*")
    assert not has_nested_quantifier(r"[(a+)]+ \(a+\)+")


def test_a_slow_pattern_is_skipped_not_waited_for(monkeypatch):
    from reader.speech import lexicon

    monkeypatch.setattr(lexicon, "REGEX_BUDGET_SECONDS", 0.001)
    slow = LexiconRule("fr", r"(\w+\s?)+$", "x", is_regex=True)
    assert said("a " * 300 + "!", slow) == "a " * 300 + "!"
