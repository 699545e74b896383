"""The audio cache: atomic, validated writes, faults as misses, pruning, and its keys."""

import os
import time

from reader.speech.audio.formats import cache_validators, get_format
from reader.speech.audio.pcm import silence
from reader.speech.cache import AudioCache, cache_key


def one_second_mp3() -> bytes:
    return get_format("mp3").encode(silence(1000, 22050), 22050, 48)


def test_invalid_or_empty_audio_never_enters_the_cache(tmp_path):
    cache = AudioCache(tmp_path, cache_validators())
    assert cache.put("sentences", "k1", b"", ".mp3") is None
    assert cache.put("sentences", "k2", b"not audio at all", ".opus") is None
    assert cache.get("sentences", "k1", ".mp3") is None
    assert cache.get("sentences", "k2", ".opus") is None
    assert cache.put("sentences", "k3", one_second_mp3(), ".mp3") is not None
    assert cache.get("sentences", "k3", ".mp3").read_bytes() == one_second_mp3()


def test_writes_leave_no_temporary_files(tmp_path):
    cache = AudioCache(tmp_path, cache_validators())
    cache.put("sentences", "abc", one_second_mp3(), ".mp3")
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".mp3"]
    assert leftovers == []


def test_a_write_that_fails_halfway_leaves_nothing(tmp_path, monkeypatch, caplog):
    cache = AudioCache(tmp_path, cache_validators())
    cache.put("sentences", "first", one_second_mp3(), ".mp3")  # the folder exists

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert cache.put("sentences", "abc", one_second_mp3(), ".mp3") is None
    assert "cache write failed" in caplog.text
    assert sorted(p.name for p in (tmp_path / "sentences").iterdir()) == ["first.mp3"]


def test_prune_removes_writes_cut_short_but_not_one_in_progress(tmp_path):
    cache = AudioCache(tmp_path, cache_validators())
    cache.put("sentences", "kept", one_second_mp3(), ".mp3")
    folder = tmp_path / "sentences"
    abandoned, in_progress = folder / ".tmp-1-2-3.part", folder / ".tmp-4-5-6.part"
    abandoned.write_bytes(b"half a sentence")
    in_progress.write_bytes(b"a sentence being written")
    now = time.time()
    os.utime(abandoned, (now - 2 * 3600, now - 2 * 3600))
    report = cache.prune(max_bytes=10**9, max_age_seconds=90 * 86400, now=now)
    assert report.removed_files == 1 and not abandoned.exists()
    assert in_progress.exists() and cache.get("sentences", "kept", ".mp3") is not None


def test_a_cache_fault_is_a_miss_not_a_crash(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AudioCache(blocker, cache_validators())  # root is a file: every write fails
    assert cache.put("sentences", "abc", one_second_mp3(), ".mp3") is None
    assert "cache write failed" in caplog.text
    assert cache.get("sentences", "abc", ".mp3") is None


def test_prune_removes_old_files_then_least_recently_used(tmp_path):
    cache = AudioCache(tmp_path, cache_validators())
    data = one_second_mp3()
    for name in ("old", "a", "b", "c"):
        cache.put("sentences", name, data, ".mp3")
    now = time.time()
    os.utime(cache.path("sentences", "old", ".mp3"), (now - 100 * 86400, now - 100 * 86400))
    os.utime(cache.path("sentences", "a", ".mp3"), (now - 30, now - 30))
    report = cache.prune(max_bytes=2 * len(data), max_age_seconds=90 * 86400, now=now)
    assert report.removed_files == 2
    assert (
        cache.get("sentences", "old", ".mp3") is None
        and cache.get("sentences", "a", ".mp3") is None
    )
    assert report.kept_files == 2


def test_prune_clears_the_old_layouts_empty_prefix_folders(tmp_path):
    cache = AudioCache(tmp_path, cache_validators())
    cache.put("sentences", "kept", one_second_mp3(), ".mp3")
    old = tmp_path / "sentences" / "ab"
    old.mkdir()
    stale = old / "ab12.mp3"
    stale.write_bytes(one_second_mp3())
    os.utime(stale, (0, 0))
    report = cache.prune(max_bytes=10**9, max_age_seconds=90 * 86400)
    assert report.removed_files == 1 and not old.exists()
    assert cache.get("sentences", "kept", ".mp3") is not None


def test_cache_key_changes_with_every_input():
    base = cache_key("text", "roa/fr", 175, "engine-1", "lexicon-1")
    assert base != cache_key("text.", "roa/fr", 175, "engine-1", "lexicon-1")
    assert base != cache_key("text", "roa/fr", 176, "engine-1", "lexicon-1")
    assert base != cache_key("text", "roa/fr", 175, "engine-1", "lexicon-2")
    assert base == cache_key("text", "roa/fr", 175, "engine-1", "lexicon-1")


def test_a_read_marks_a_use_but_keeps_when_the_file_was_made(tmp_path):
    # The file's modification time is the audio's and the feed's Last-Modified: a read that
    # moved it made every conditional GET crossing a second answer 200 instead of 304.
    cache = AudioCache(tmp_path, cache_validators())
    path = cache.put("articles", "k", b'{"cues": 0, "seconds": 0}\n', ".timings.jsonl")
    made = time.time() - 3600
    os.utime(path, (made, made))
    assert cache.get("articles", "k", ".timings.jsonl") == path
    info = path.stat()
    assert info.st_mtime == made
    assert info.st_atime > made + 3000  # the use, which pruning counts
    report = cache.prune(max_bytes=10**9, max_age_seconds=600)
    assert report.removed_files == 0 and path.exists()
