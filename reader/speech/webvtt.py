"""The timing track as WebVTT: one cue per utterance that was rendered."""

from collections.abc import Iterable, Iterator


def webvtt(timings: Iterable[dict]) -> Iterator[str]:
    """A WebVTT file for a render's timings, a cue at a time; failed utterances have no cue."""
    yield "WEBVTT\n"
    for cue in timings:
        if not cue["failed"]:
            yield f"\n{cue['index']}\n{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}\n"
            yield f"{cue['text']}\n"


def vtt_time(seconds: float) -> str:
    """hh:mm:ss.ttt"""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours:02d}:{minutes:02d}:{secs:06.3f}"
