"""Word timings: when each spoken word of a sentence is said, and which page text it says.

A sentence's words come from the engine's own word events where it has them (espeak-ng, through
our pyttsx3 driver), else they are estimated: the sentence's speech shared among its words by
their length in characters (Kokoro gives no word times). Either way a word is a span of the
spoken text and its start and end in seconds from the start of the sentence's audio.
"""

from typing import NamedTuple

from reader.speech.alignment import words, written_spans


class SpokenWord(NamedTuple):
    """A word of the spoken text [start, end) and when it is said, in seconds."""

    start: int
    end: int
    begins: float
    ends: float


def from_events(events, speech_seconds: float) -> tuple[SpokenWord, ...]:
    """Words from engine events (spoken span start, length, seconds): each ends as the next
    begins, the last with the speech."""
    ordered = sorted(events, key=lambda event: event[2])
    found = []
    for number, (start, length, begins) in enumerate(ordered):
        ends = ordered[number + 1][2] if number + 1 < len(ordered) else speech_seconds
        found.append(
            SpokenWord(start, start + length, round(begins, 3), round(max(ends, begins), 3))
        )
    return tuple(found)


def estimated(spoken: str, speech_seconds: float) -> tuple[SpokenWord, ...]:
    """Words timed in proportion to their length: for engines that say nothing of their words."""
    spans = words(spoken)
    total = sum(end - start for start, end in spans)
    if not total:
        return ()
    found, clock = [], 0.0
    for start, end in spans:
        length = speech_seconds * (end - start) / total
        found.append(SpokenWord(start, end, round(clock, 3), round(clock + length, 3)))
        clock += length
    return tuple(found)


def page_words(display: str, spoken: str, said, offset: float) -> list[dict]:
    """The sentence's words as the page has them: their span in `display` and their time in the
    article (`offset`: the sentence's start). Spoken words that say the same written text
    ("onze heures cinquante-huit" for "11h58") are one page word, from the first to the last."""
    spans = written_spans(display, spoken)
    page: list[dict] = []
    for word in said:
        span = spans.of((word.start, word.end))
        if span is None:
            continue
        begins, ends = round(offset + word.begins, 3), round(offset + word.ends, 3)
        if page and page[-1]["from"] == span[0] and page[-1]["to"] == span[1]:
            page[-1]["end"] = ends
            continue
        page.append({"start": begins, "end": ends, "from": span[0], "to": span[1]})
    return page
