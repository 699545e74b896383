"""Piper voices under auto: an added voice reads its language where espeak-ng was the choice,
measured Kokoro keeps its languages, an override or the table can name Piper, a broken voice
falls back with a note."""

from reader.speech import voice_choice
from reader.speech.voice_choice import Choice, Measured, choose, ranked
from tests.speech import auto_voices
from tests.speech.auto_voices import FakeCatalog

JOE = "en_US-joe-medium"
TABLE = {
    "en": (Measured("espeak", "gmw/en", 0.90, 0.01), Measured("kokoro", "jm_kumo", 0.98, 0.3)),
    "de": (Measured("espeak", "gmw/de", 0.80, 0.01), Measured("kokoro", "jm_kumo", 0.82, 0.3)),
}
EVERYTHING = lambda choice: True  # noqa: E731


def auto_service(tmp_path, monkeypatch, piper=(JOE,), problems=None, kokoro=True, **settings):
    catalogs = {
        "kokoro": FakeCatalog({"jm_kumo": "Kumo (Kokoro, male)"} if kokoro else {}),
        "piper": FakeCatalog(
            {v: f"{v.split('-')[1].title()} (Piper, medium)" for v in piper}, problems
        ),
    }
    return auto_voices.auto_service(tmp_path, monkeypatch, TABLE, catalogs, **settings)


def test_an_unmeasured_piper_voice_comes_before_espeak_ng_only():
    added = (Choice("piper", "de_DE-thorsten-medium"),)
    assert ranked("de", TABLE, added) == [added[0], Choice("espeak", "gmw/de")]
    assert ranked("en", TABLE, (Choice("piper", JOE),)) == [
        Choice("kokoro", "jm_kumo"),
        Choice("piper", JOE),
        Choice("espeak", "gmw/en"),
    ]


def test_a_measured_piper_voice_is_ranked_by_its_figures(monkeypatch):
    table = {"en": (*TABLE["en"], Measured("piper", JOE, 0.99, 0.1))}
    monkeypatch.setattr(voice_choice, "TABLE", table)
    assert choose("en", EVERYTHING, unmeasured=(Choice("piper", JOE),)) == Choice("piper", JOE)
    worse = {"en": (*TABLE["en"], Measured("piper", JOE, 0.91, 0.1))}
    monkeypatch.setattr(voice_choice, "TABLE", worse)
    # Measured, and not clearly better than espeak-ng: not chosen, though installed.
    assert ranked("en", unmeasured=(Choice("piper", JOE),)) == [
        Choice("kokoro", "jm_kumo"),
        Choice("espeak", "gmw/en"),
    ]


def test_english_keeps_measured_kokoro_unless_the_setting_names_piper(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch)
    assert service.voice_for("en") == "kokoro:jm_kumo"
    overridden = auto_service(tmp_path, monkeypatch, voices={"en": f"piper:{JOE}"})
    options = overridden.options("en")
    assert (options.engine, options.voice) == ("piper", JOE)
    assert len(options.voice_data) == 64  # the voice files' digest: part of the cache key


def test_without_kokoro_english_is_read_by_piper_not_espeak_ng(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch, kokoro=False)
    assert service.voice_for("en") == f"piper:{JOE}"


def test_an_added_voice_reads_a_language_whose_choice_was_espeak_ng(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch)
    assert service.voice_for("de") == "espeak:gmw/de"
    service.catalogs["piper"]._voices["de_DE-thorsten-medium"] = "Thorsten (Piper, medium)"
    assert service.voice_for("de") == "piper:de_DE-thorsten-medium"
    assert service.voice_for("nl") == "espeak:gmw/nl"  # a voice reads only its own language


def test_a_broken_voice_falls_back_and_is_noted(tmp_path, monkeypatch, caplog):
    reason = "de_DE-thorsten-medium.onnx cannot be loaded: INVALID_PROTOBUF"
    service = auto_service(tmp_path, monkeypatch, problems={"de_DE-thorsten-medium": reason})
    assert service.voice_for("de") == "espeak:gmw/de"
    assert service.voice_problems() == [
        f"piper:de_DE-thorsten-medium cannot read ({reason}); de is read by espeak:gmw/de"
    ]


def test_the_menu_lists_the_languages_voices_chosen_first(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch)
    assert [str(c) for c in service.voice_choices("en")] == [
        "kokoro:jm_kumo",
        f"piper:{JOE}",
        "espeak:gmw/en",
    ]
    described = [service.describe(c) for c in service.voice_choices("en")]
    assert [(d.speaker, d.engine, d.neural) for d in described] == [
        ("Kumo", "Kokoro-82M", True),
        ("Joe", "Piper", True),
        ("English", "espeak-ng", False),
    ]
    assert [d.licence for d in described] == ["Apache-2.0", "MIT", "GPL-3.0-or-later"]
