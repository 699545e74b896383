"""The WebVTT timing track, without the app."""

from reader.speech.webvtt import vtt_time, webvtt


def cue(index, start, end, text, failed=False):
    return {"index": index, "start": start, "end": end, "text": text, "failed": failed}


def test_times_are_hours_minutes_and_milliseconds():
    assert vtt_time(0) == "00:00:00.000"
    assert vtt_time(1.5) == "00:00:01.500"
    assert vtt_time(61.25) == "00:01:01.250"
    assert vtt_time(3723.004) == "01:02:03.004"


def test_one_cue_per_rendered_utterance_and_none_for_failed_ones():
    track = "".join(
        webvtt(
            [
                cue(0, 0.0, 1.2, "Titre"),
                cue(1, 1.2, 1.2, "Perdu", failed=True),
                cue(2, 1.2, 3.456, "Bonjour « à tous » !"),
            ]
        )
    )
    assert track == (
        "WEBVTT\n\n"
        "0\n00:00:00.000 --> 00:00:01.200\nTitre\n\n"
        "2\n00:00:01.200 --> 00:00:03.456\nBonjour « à tous » !\n"
    )


def test_an_empty_render_is_a_valid_empty_track():
    assert "".join(webvtt([])) == "WEBVTT\n"
