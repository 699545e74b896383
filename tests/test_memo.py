"""The bounded memo, and the lexicon's fingerprint that keys planned articles."""

from reader.memo import Memo
from reader.speech.lexicon import Lexicon, LexiconRule


def test_the_least_recently_used_answer_goes_first():
    memo = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" used last: "b" is forgotten next
    memo.put("c", 3)
    assert memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3
    assert len(memo) == 2


def test_a_memo_of_size_zero_keeps_nothing():
    memo = Memo(0)
    memo.put("a", 1)
    assert memo.get("a", "none") == "none" and len(memo) == 0


def test_two_lexicons_alike_share_a_fingerprint_and_any_change_breaks_it():
    hawks = LexiconRule("en", "hawks", "hocks")
    ridge = LexiconRule("en", "Ridge", "ridj")
    assert Lexicon([hawks, ridge]).fingerprint == Lexicon([hawks, ridge]).fingerprint
    changed = LexiconRule("en", "hawks", "hoks")
    assert Lexicon([changed, ridge]).fingerprint != Lexicon([hawks, ridge]).fingerprint
    # Order matters: rules apply one after the other.
    assert Lexicon([ridge, hawks]).fingerprint != Lexicon([hawks, ridge]).fingerprint
    assert Lexicon([hawks]).fingerprint != Lexicon().fingerprint
