"""Combine our blocks with trafilatura's: pick one when they disagree on where the article
is, else add the prose paragraphs trafilatura found that we missed."""

from __future__ import annotations

from collections import Counter

from reader.library.extract.blocks import PROSE_ENDINGS, RawBlock
from reader.library.extract.tokens import token_key, word_tokens

SMALL_PICK_TOKENS = 200
"""A pick of ours under this many words, when trafilatura's brings more than SMALL_PICK_RATIO
times as many distinct words that ours lacks, was a fragment (a lead, a caption box) of the
article trafilatura found. Distinct words, because trafilatura often repeats a wrapper's text
beside its paragraphs. Tuned on ../shared/dev-data (150 + 250 real pages): full-text F1 95.2 →
96.4 %, snippet F1 92.0 → 93.9 %; 60 and 100 words did less, 400 and above lost precision."""
SMALL_PICK_RATIO = 1
MISSED_PARAGRAPH_WORDS = 8
"""When our pick is the larger, trafilatura's paragraphs of at least this many words that we
lack (a Q&A page's question, an intro box beside the body, a checklist) are added in page
order. Tuned on ../shared/dev-data: snippet F1 94.9 -> 95.5 %, full-text F1 96.5 -> 96.6 %;
5 words did the same, 12 and 20 recovered less (95.3 and 95.2 %)."""
CONTAINED_SHARE = 0.9
"""Ours lies inside trafilatura's pick when this share of our words is in it too."""
FRAGMENT_RATIO = 2
"""A pick of ours of any size that lies inside trafilatura's, which adds more than this many
times as many distinct words, was one section of a long page (a travel guide's chapters in
sibling boxes). Tuned on ../shared/dev-data: 1, 1.5 and 2 gave the same gain (one
page with every snippet lost came back whole) and no loss; 3 and 5 caught nothing."""


def fuse(own: list[RawBlock], traf: list[RawBlock], kept_text: str) -> list[RawBlock]:
    """Our blocks, plus the prose paragraphs trafilatura found next to them that we missed.

    kept_text is the token key of the page after boilerplate cleaning."""
    if not own or not traf:
        return own or traf
    own_tokens = Counter(tok for b in own for tok in word_tokens(b.text))
    traf_tokens = Counter(tok for b in traf for tok in word_tokens(b.text))
    own_total, traf_total = sum(own_tokens.values()), sum(traf_tokens.values())
    shared = sum((own_tokens & traf_tokens).values())
    new_words = len(traf_tokens.keys() - own_tokens.keys())
    if own_total < SMALL_PICK_TOKENS and new_words > SMALL_PICK_RATIO * len(own_tokens):
        return traf  # ours is a fragment of the article trafilatura found
    if shared >= CONTAINED_SHARE * own_total and new_words > FRAGMENT_RATIO * len(own_tokens):
        return traf  # ours, whatever its size, is one section of the page trafilatura read
    if shared < 0.3 * min(own_total, traf_total):
        # We disagree on where the article is; trafilatura is tuned on many real sites.
        return traf if traf_total >= own_total * 0.25 else own
    if own_total >= 0.9 * traf_total:
        return _with_missed_paragraphs(own, traf, kept_text)
    # Only what survived our boilerplate cleaning may come back (teasers, comments stay out).
    survivors = [block for block in traf if token_key(block.text) in kept_text]
    return _merge_missed_prose(own, survivors)


def _with_missed_paragraphs(
    own: list[RawBlock], traf: list[RawBlock], kept_text: str
) -> list[RawBlock]:
    """Our blocks, plus trafilatura's paragraphs that we lack, in page order.

    Only paragraphs that survived our boilerplate cleaning, and long enough not to be labels."""
    own_keys = [token_key(block.text) for block in own]
    missed = []
    for block in traf:
        key = token_key(block.text)
        if block.kind != "paragraph" or key.count(" ") + 1 < MISSED_PARAGRAPH_WORDS:
            continue
        if key in kept_text and _matching_index(key, own_keys) is None:
            missed.append((kept_text.find(key), block))
    if not missed:
        return own
    placed: list[tuple[int, int, RawBlock]] = []
    position = 0
    for key, block in zip(own_keys, own, strict=True):
        found = kept_text.find(key) if key else -1
        # Text joined across tags ("end.</p><p>Next") may not be found: keep our order then.
        position = found if found >= position else position
        placed.append((position, 0, block))
    placed.extend((where, 1, block) for where, block in missed)
    placed.sort(key=lambda item: (item[0], item[1]))  # stable: ties keep our order
    return [block for _, _, block in placed]


def _merge_missed_prose(own: list[RawBlock], traf: list[RawBlock]) -> list[RawBlock]:
    """Our blocks with trafilatura's unmatched prose put after the block it followed there."""
    own_keys = [token_key(block.text) for block in own]
    matches = [_matching_index(token_key(block.text), own_keys) for block in traf]
    matched_positions = [i for i, match in enumerate(matches) if match is not None]
    if not matched_positions:
        return own
    first, last = matched_positions[0], matched_positions[-1]
    before: list[RawBlock] = []
    for block in reversed(traf[:first]):
        if block.kind == "heading":
            before.insert(0, block)  # a subheading inside the lead does not end it
            continue
        if not _is_prose(block):
            break  # what precedes the body run is page furniture (menus, kickers)
        before.insert(0, block)
    while before and before[0].kind == "heading":
        before.pop(0)  # the headings above the lead are the headline and kickers, shown apart
    inserts: dict[int, list[RawBlock]] = {}
    anchor = matches[first]
    for position in range(first + 1, len(traf)):
        if matches[position] is not None:
            anchor = matches[position]
            continue
        block = traf[position]
        if not _is_prose(block):
            if position > last:
                break  # teasers and comments follow the body: stop at the first non-prose
            continue
        inserts.setdefault(anchor, []).append(block)
    merged = list(before)
    for index, block in enumerate(own):
        merged.append(block)
        merged.extend(inserts.get(index, []))
    return merged


def _matching_index(key: str, own_keys: list[str]) -> int | None:
    """Which of our blocks holds the same text; blocks of 3+ words may also contain it."""
    if not key:
        return None
    for index, own_key in enumerate(own_keys):
        if key == own_key or (
            key.count(" ") >= 2 and own_key.count(" ") >= 2 and (key in own_key or own_key in key)
        ):
            return index
    return None


def _is_prose(block: RawBlock) -> bool:
    text = block.text
    return block.kind == "paragraph" and len(text) >= 80 and text[-1:] in PROSE_ENDINGS
