"""Chapters of an article's audio: one per heading, from the timing track, the title's first."""

from reader.speech.audio.tags import Chapter


def chapters_from_timings(title: str, timings: list[dict]) -> tuple[Chapter, ...]:
    """The title's section from the start, then one section per heading to the next one.

    An article without headings has no chapters: one chapter would only repeat the title.
    """
    headings = [cue for cue in timings if cue["kind"] == "heading" and not cue["failed"]]
    if not headings or not timings:
        return ()
    starts = [(0.0, title)] + [(cue["start"], cue["text"]) for cue in headings]
    end = timings[-1]["end"]
    return tuple(
        Chapter(start, starts[number + 1][0] if number + 1 < len(starts) else end, name)
        for number, (start, name) in enumerate(starts)
    )
