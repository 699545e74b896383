"""The timing track as WebVTT: one cue per utterance that was rendered."""


def webvtt(timings: list[dict]) -> str:
    """A WebVTT file for a render's timings; failed utterances have no cue."""
    lines = ["WEBVTT", ""]
    for cue in timings:
        if cue["failed"]:
            continue
        lines += [str(cue["index"]), f"{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}"]
        lines += [cue["text"], ""]
    return "\n".join(lines)


def vtt_time(seconds: float) -> str:
    """hh:mm:ss.ttt"""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours:02d}:{minutes:02d}:{secs:06.3f}"
