"""Word timings: espeak-ng's own word events, estimates, and the way back to the page's text."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.speech.alignment import align
from reader.speech.engines.espeak_rates import calibrated_rate
from reader.speech.normalize import normalize
from reader.speech.options import SynthesisOptions
from reader.speech.words import SpokenWord, estimated, from_events, page_words
from reader.speech.worker import synthesize_sentence

FRENCH = "Il est arrivé à 11h58, le 5 décembre 2024, avec M. Dupont."


def _said(display, words):
    return [display[word["from"] : word["to"]] for word in words]


def test_11h58_read_as_four_words_highlights_11h58():
    spoken = normalize(FRENCH, "fr")
    assert "onze heures cinquante-huit" in spoken
    words = page_words(FRENCH, spoken, estimated(spoken, 6.0), offset=0.0)
    said = _said(FRENCH, words)
    assert said == ["Il", "est", "arrivé", "à", "11h58", "le", "5", "décembre", "2024", "avec",
                    "M", "Dupont"]  # fmt: skip
    eleven = words[said.index("11h58")]
    # Its time runs from the start of "onze" to the end of "cinquante-huit".
    spans = [w for w in estimated(spoken, 6.0)]
    onze = spoken.index("onze")
    first = next(w for w in spans if w.start == onze)
    last = next(w for w in spans if spoken[w.start : w.end] == "cinquante-huit")
    assert (eleven["start"], eleven["end"]) == (first.begins, last.ends)


def test_words_keep_their_order_and_do_not_overlap():
    spoken = normalize(FRENCH, "fr")
    words = page_words(FRENCH, spoken, estimated(spoken, 6.0), offset=10.0)
    assert words[0]["start"] == 10.0 and words[-1]["end"] == pytest.approx(16.0)
    for before, after in zip(words, words[1:], strict=False):
        assert before["end"] <= after["start"] + 1e-9
        assert before["to"] <= after["from"]


def test_a_lexicon_respelling_points_at_the_written_word():
    display = "Selon Zelensky, rien ne change."
    spoken = "Selon [[zelEnsk'i]], rien ne change."
    pairs = dict(align(display, spoken))
    respelled = spoken.index("[[")
    (written,) = [w for s, w in pairs.items() if s[0] == respelled]
    assert display[written[0] : written[1]] == "Zelensky"


def test_words_the_normalization_adds_belong_to_a_written_word():
    display = "Le prix : 12,50 €."
    spoken = normalize(display, "fr")
    words = page_words(display, spoken, estimated(spoken, 3.0), offset=0.0)
    assert set(_said(display, words)) <= {"Le", "prix", "12,50", "12", "50", "€", "12,50 €"}


def test_estimates_share_the_speech_by_length():
    words = estimated("un deux trois", 1.1)
    assert [(w.start, w.end) for w in words] == [(0, 2), (3, 7), (8, 13)]
    assert [w.ends - w.begins for w in words] == pytest.approx([0.2, 0.4, 0.5], abs=1e-3)


def test_events_end_where_the_next_word_begins():
    words = from_events([(0, 2, 0.0), (3, 4, 0.25), (8, 5, 0.6)], 1.0)
    assert [(w.begins, w.ends) for w in words] == [(0.0, 0.25), (0.25, 0.6), (0.6, 1.0)]


def test_the_timing_track_gives_every_sentence_its_words(client, french_article):
    cues = client.get(f"/articles/{french_article.id}/audio/timings").json["sentences"]
    date = cues[1]
    assert date["text"] == "5 décembre 2024, 11h58"
    assert _said(date["text"], date["words"]) == ["5", "décembre", "2024", "11h58"]
    for cue in cues:
        assert cue["words"], cue["text"]
        assert cue["start"] <= cue["words"][0]["start"] and cue["words"][-1]["end"] <= cue["end"]
        assert all(0 <= w["from"] < w["to"] <= len(cue["text"]) for w in cue["words"])
        assert cue["words_from_engine"] is False  # the silent engine says nothing of its words


# espeak-ng's own word events, asked of libespeak-ng directly in a process of its own: the
# reference the worker's timings must match.
REFERENCE = """
import json, sys
from pyttsx3.drivers import _espeak
text, voice, rate = sys.argv[1], sys.argv[2], int(sys.argv[3])
_espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000)
_espeak.SetVoiceByName(voice.encode())
_espeak.SetParameter(_espeak.RATE, rate, 0)
events = []
def callback(wav, count, found):
    index = 0
    while found[index].type != _espeak.EVENT_LIST_TERMINATED:
        event = found[index]
        if event.type == _espeak.EVENT_WORD:
            events.append([event.text_position - 1, event.length, event.audio_position / 1000])
        index += 1
    return 0
_espeak.SetSynthCallback(callback)
_espeak.Synth(text.encode(), flags=_espeak.CHARS_UTF8 | _espeak.PHONEMES)
print(json.dumps(events))
"""


# Ours, from the worker's own function, also in a fresh process: libespeak-ng is one per process,
# and a rate used before shifts its clause pauses (the audio's and the events' alike).
OURS = """
import json, sys
from reader.speech.options import SynthesisOptions
from reader.speech.worker import synthesize_sentence
text, voice, rate = sys.argv[1], sys.argv[2], int(sys.argv[3])
options = SynthesisOptions(voice, rate, "espeak", "opus", 24, language="fr")
_data, words, from_engine = synthesize_sentence(text, options, pause_ms=0)
print(json.dumps({"words": [list(w) for w in words], "from_engine": from_engine}))
"""


def _run(script, text, voice, rate):
    out = subprocess.run(
        [sys.executable, "-c", script, text, voice, str(rate)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.espeak
def test_word_timings_are_espeak_ngs_own_events():
    spoken = normalize(FRENCH, "fr")
    ours = _run(OURS, spoken, "roa/fr", 175)
    # The engine asks espeak-ng for French's calibrated rate; the reference asks for the same.
    reference = _run(REFERENCE, spoken, "roa/fr", calibrated_rate(175, "roa/fr"))
    words = [SpokenWord(*word) for word in ours["words"]]
    assert ours["from_engine"] is True
    assert len(reference) >= 12
    assert [(w.start, w.end) for w in words] == [(s, s + n) for s, n, _t in reference]
    assert [w.begins for w in words] == pytest.approx([t for _s, _n, t in reference], abs=0.002)
    said = [spoken[w.start : w.end] for w in words]
    assert said[:4] == ["Il", "est", "arrivé", "à"]
    print("espeak-ng word events:", list(zip(said, [w.begins for w in words], strict=True)))
    page = page_words(FRENCH, spoken, words, offset=0.0)
    assert "11h58" in _said(FRENCH, page)


@pytest.mark.espeak
def test_espeak_ngs_empty_events_are_no_words():
    # After a rate change espeak-ng reports zero-length "words" at clause ends: never kept.
    slower = SynthesisOptions("roa/fr", 120, "espeak", "opus", 24, language="fr")
    options = SynthesisOptions("roa/fr", 175, "espeak", "opus", 24, language="fr")
    synthesize_sentence("Une phrase, puis une autre.", slower, pause_ms=0)
    spoken = normalize(FRENCH, "fr")
    _data, words, _from_engine = synthesize_sentence(spoken, options, pause_ms=0)
    assert all(w.end > w.start >= 0 for w in words)
    assert [w.begins for w in words] == sorted(w.begins for w in words)


@pytest.mark.espeak
def test_an_espeak_render_times_the_page_words_by_the_engine(tmp_path):
    from tests.helpers import load_seed, make_app

    app = make_app(tmp_path, SPEECH_ENGINE="espeak", SPEECH_WORKERS=1)
    try:
        with app.extensions["reader.db"]() as session:
            article = load_seed(session, "01-fr")
        cues = app.test_client().get(f"/articles/{article.id}/audio/timings").json["sentences"]
    finally:
        app.extensions["reader.speech"].shutdown()
    date = cues[1]
    assert date["words_from_engine"] is True
    assert "11h58" in _said(date["text"], date["words"])
    assert all(cue["words_from_engine"] for cue in cues)
