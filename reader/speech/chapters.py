"""Chapters of an article's audio: one per heading, from the timing track, the title's first."""

from collections.abc import Iterable

from reader.speech.audio.tags import Chapter


def chapters_from_timings(title: str, timings: Iterable[dict]) -> tuple[Chapter, ...]:
    """The title's section from the start, then one section per heading to the next one.

    An article without headings has no chapters: one chapter would only repeat the title.
    """
    # One pass keeping only the headings: the track may be long, and read lazily.
    headings, end = [], 0.0
    for cue in timings:
        end = cue["end"]
        if cue["kind"] == "heading" and not cue["failed"]:
            headings.append((cue["start"], cue["text"]))
    if not headings:
        return ()
    starts = [(0.0, title), *headings]
    return tuple(
        Chapter(start, starts[number + 1][0] if number + 1 < len(starts) else end, name)
        for number, (start, name) in enumerate(starts)
    )
