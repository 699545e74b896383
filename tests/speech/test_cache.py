"""MP3 encoding and timing, the ID3 mark, and the cache's atomic, validated writes."""

import os
import time

from mutagen.id3 import ID3

from reader.speech.audio import (
    encode_mp3,
    id3_tag,
    is_valid_mp3,
    mp3_duration,
    silence,
)
from reader.speech.cache import AudioCache, cache_key


def one_second_mp3() -> bytes:
    return encode_mp3(silence(1000, 22050), 22050, 48)


def test_encoded_duration_is_counted_frame_by_frame():
    assert 1.0 <= mp3_duration(one_second_mp3()) <= 1.1
    both = one_second_mp3() + one_second_mp3()
    assert abs(mp3_duration(both) - 2 * mp3_duration(one_second_mp3())) < 1e-9


def test_bitrate_is_at_most_64_kbit(tmp_path):
    data = one_second_mp3()
    assert len(data) * 8 / mp3_duration(data) <= 64_000


def test_id3_tag_marks_the_audio_as_ai_generated(tmp_path):
    path = tmp_path / "a.mp3"
    path.write_bytes(id3_tag("Titre", "fr", "espeak-ng 1.51") + one_second_mp3())
    tag = ID3(path)
    assert tag["TIT2"].text == ["Titre"]
    assert tag["TLAN"].text == ["fr"]
    assert tag["TXXX:AI_GENERATED"].text == ["true"]
    assert is_valid_mp3(path.read_bytes())


def test_invalid_or_empty_audio_never_enters_the_cache(tmp_path):
    cache = AudioCache(tmp_path, is_valid_mp3)
    assert cache.put("sentences", "k1", b"") is None
    assert cache.put("sentences", "k2", b"not audio at all") is None
    assert cache.get("sentences", "k1") is None and cache.get("sentences", "k2") is None
    assert cache.put("sentences", "k3", one_second_mp3()) is not None
    assert cache.get("sentences", "k3").read_bytes() == one_second_mp3()


def test_writes_leave_no_temporary_files(tmp_path):
    cache = AudioCache(tmp_path, is_valid_mp3)
    cache.put("sentences", "abc", one_second_mp3())
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".mp3"]
    assert leftovers == []


def test_a_cache_fault_is_a_miss_not_a_crash(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AudioCache(blocker, is_valid_mp3)  # root is a file: every write fails
    assert cache.put("sentences", "abc", one_second_mp3()) is None
    assert "cache write failed" in caplog.text
    assert cache.get("sentences", "abc") is None


def test_prune_removes_old_files_then_least_recently_used(tmp_path):
    cache = AudioCache(tmp_path, is_valid_mp3)
    data = one_second_mp3()
    for name in ("old", "a", "b", "c"):
        cache.put("sentences", name, data)
    now = time.time()
    os.utime(cache.path("sentences", "old"), (now - 100 * 86400, now - 100 * 86400))
    os.utime(cache.path("sentences", "a"), (now - 30, now - 30))
    report = cache.prune(max_bytes=2 * len(data), max_age_seconds=90 * 86400, now=now)
    assert report.removed_files == 2
    assert cache.get("sentences", "old") is None and cache.get("sentences", "a") is None
    assert report.kept_files == 2


def test_cache_key_changes_with_every_input():
    base = cache_key("text", "roa/fr", 175, "engine-1", "lexicon-1")
    assert base != cache_key("text.", "roa/fr", 175, "engine-1", "lexicon-1")
    assert base != cache_key("text", "roa/fr", 176, "engine-1", "lexicon-1")
    assert base != cache_key("text", "roa/fr", 175, "engine-1", "lexicon-2")
    assert base == cache_key("text", "roa/fr", 175, "engine-1", "lexicon-1")
