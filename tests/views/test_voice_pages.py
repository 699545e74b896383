"""Voices as a listener and an operator meet them, on a real `auto` app: the player's voice menu,
More info's plain words, a Piper voice added and used at once, a broken one noted on /readyz."""

import logging
import shutil

import pytest

from reader.speech import voice_store
from reader.speech.engines import voice_files
from reader.speech.lexicon import EMPTY
from tests.helpers import make_app

JOE = "en_US-joe-medium"
pytestmark = [pytest.mark.neural, pytest.mark.slow]


@pytest.fixture
def auto_app(tmp_path, kokoro_model_dir):
    app = make_app(
        tmp_path,
        SPEECH_ENGINE="auto",
        MODEL_DIR=str(kokoro_model_dir),
        VOICES_DIR=str(tmp_path / "voices"),
    )
    yield app
    app.extensions["reader.speech"].shutdown()


@pytest.fixture
def english(auto_app):
    from tests.helpers import load_seed

    with auto_app.extensions["reader.db"]() as session:
        return load_seed(session, "03-en").id


def test_the_voice_menu_lists_the_languages_voices_neural_ones_marked(auto_app, english):
    html = auto_app.test_client().get(f"/articles/{english}?lang=en").get_data(as_text=True)
    menu = html.split('id="player-voice"')[1].split("</select>")[0]
    options = [line.strip() for line in menu.splitlines() if "<option" in line]
    assert options[0] == '<option value="kokoro:jm_kumo">Kumo, neural voice (Kokoro-82M)</option>'
    assert f'<option value="piper:{JOE}">Joe, neural voice (Piper)</option>' in options
    assert any("(espeak-ng)</option>" in option and "neural" not in option for option in options)


def test_more_info_names_the_voice_in_plain_words_with_its_licence(auto_app, english):
    client = auto_app.test_client()
    html = client.get(f"/about/audio?article={english}&lang=en").get_data(as_text=True)
    assert "Kumo, neural voice (Kokoro-82M), reading English" in html
    assert "Voice licence" in html and "Apache-2.0" in html
    assert "generated artificially" in html  # the AI notice stays
    html = client.get(f"/about/audio?article={english}&lang=fr").get_data(as_text=True)
    assert "Kumo, voix neuronale (Kokoro-82M), lisant en anglais" in html


def test_a_chosen_piper_voice_reads_the_article(auto_app, english):
    client = auto_app.test_client()
    status = client.get(f"/articles/{english}/audio/status?voice=piper:{JOE}&format=mp3")
    assert status.status_code == 200
    audio = client.get(f"/articles/{english}/audio?voice=piper:{JOE}&format=mp3").get_data()
    assert len(audio) > 10_000


def test_an_added_voice_is_used_at_once_and_a_broken_one_noted(auto_app, tmp_path, caplog):
    service = auto_app.extensions["reader.speech"]
    joe = voice_files.piper_voices()[JOE]
    voices = tmp_path / "voices"
    voices.mkdir()
    # A truncated Dutch voice: refused by the listing, logged, noted; espeak-ng reads Dutch.
    (voices / "nl_NL-cut-medium.onnx").write_bytes(joe.model.read_bytes()[:200_000])
    shutil.copy(joe.config, voices / "nl_NL-cut-medium.onnx.json")
    with caplog.at_level(logging.ERROR, logger="reader.speech.voices"):
        service.voices.refresh()
    assert "the piper voice nl_NL-cut-medium cannot read" in caplog.text
    assert service.voice_for("nl") == "espeak:gmw/nl"
    ready = auto_app.test_client().get("/readyz")
    assert ready.status_code == 200
    (note,) = ready.json["notes"]
    assert note.startswith("piper:nl_NL-cut-medium cannot read (") and note.endswith(
        "nl is read by espeak:gmw/nl"
    )
    audio, _mimetype = service.preview("Goedemorgen, de brug is open.", "nl", EMPTY)
    assert audio.duration > 0.5  # the article still plays
    dutch = dutch_article(auto_app)
    reader = auto_app.test_client()
    assert "nl_NL-joe-medium" not in reader.get(f"/articles/{dutch}").get_data(as_text=True)

    # A good voice added while the server runs: read with at its next look at the folder.
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(joe.model, source / "nl_NL-joe-medium.onnx")
    shutil.copy(joe.config, source / "nl_NL-joe-medium.onnx.json")
    voice_store.add(str(source), "")
    service.catalogs["piper"].recheck_seconds = 0  # the next look, not a minute later
    assert service.voice_for("nl") == "piper:nl_NL-joe-medium"
    options = service.options("nl")
    assert (options.engine, options.voice) == ("piper", "nl_NL-joe-medium")
    audio, _mimetype = service.preview("Goedemorgen.", "nl", EMPTY)
    assert audio.duration > 0.3
    # ...and on the next reader's page (a page and voice menu kept from before, made anew).
    page = reader.get(f"/articles/{dutch}").get_data(as_text=True)
    assert '<option value="piper:nl_NL-joe-medium">' in page


def dutch_article(app) -> int:
    from reader.library.articles import store_article
    from reader.library.importer import draft_from_text

    text = (
        "Title: De brug\nDate-Line: 5 december 2024\nLanguage: nl\n\n"
        "De nieuwe brug over de Rijn is vanochtend geopend.\n"
    )
    with app.extensions["reader.db"]() as session:
        article, _ = store_article(session, draft_from_text(text))
        return article.id
