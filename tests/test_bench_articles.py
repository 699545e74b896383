"""The whole-article benchmark: its plumbing with the silent engine, and one real run (espeak-ng,
English, heard by Whisper base). The figures themselves come from running `make bench`."""

import importlib.util
import json

import pytest

from bench import articles
from bench.voices import SCORER
from reader.speech.engines.silent import SilentEngine
from tests.conftest import all_tiers_required
from tests.helpers import load_seed, make_app


@pytest.fixture
def served_app(tmp_path):
    """The silent engine behind two real worker processes, as `reader serve` runs them."""
    app = make_app(tmp_path, SPEECH_WORKERS=2)
    service = app.extensions["reader.speech"]
    service.start()
    yield app
    service.shutdown()


def test_the_bench_times_and_decodes_the_article_the_app_serves(served_app, tmp_path):
    service = served_app.extensions["reader.speech"]
    with served_app.extensions["reader.db"]() as session:
        article = load_seed(session, "03-en")
    articles.warm_workers(service, tmp_path)
    figures, audio = articles.bench_voice(
        served_app.test_client(), service, article, "gmw/en", runs=2, first_runs=1
    )
    jobs = service.request(article, rate=articles.RATE)[1]
    expected = sum(
        max(0.2, len(job.text) * SilentEngine.SECONDS_PER_CHARACTER) + job.pause_ms / 1000
        for job in jobs
        if job.text.strip()
    )
    # The served Ogg, decoded, lasts as long as the sentences the engine made and their pauses.
    assert figures["audio_s"] == pytest.approx(expected, rel=0.05)
    assert len(audio) / articles.JUDGE_RATE == pytest.approx(figures["audio_s"], abs=0.1)
    assert figures["sentences"] == len(jobs)
    assert 0 < figures["first_audio_s"] <= figures["whole_article_s"]
    # The silent engine takes next to no time of its own: its ratios are large, but there.
    assert figures["first_audio_ratio"] > 1 and figures["whole_article_ratio"] > 1
    low, high = figures["whole_article_s_spread"]
    assert low <= figures["whole_article_s"] <= high  # the median of two cold renders
    workers = figures["workers"]
    # The two speech workers at least (a suite's earlier apps may leave theirs), never
    # multiprocessing's tracker.
    assert len(workers) >= 2
    assert all(0 < worker["uss_mb"] <= worker["rss_mb"] for worker in workers)


def test_each_engine_offers_its_voices_for_a_language():
    assert articles.voices_speaking("espeak", "fr", "best") == ["roa/fr"]
    assert articles.voices_speaking("silent", "fr", "best") == []  # names no language
    assert articles.voices_speaking("nonesuch", "fr", "best") == []


def test_parts_merge_into_one_document(tmp_path):
    parts = []
    for index, lang in enumerate(("fr", "de")):
        part = {
            "host": {"cpus": 2, "load_before": [1.0, 1.0, 1.0]},
            "languages": {
                lang: {
                    "auto_by_these_figures": f"kokoro:v{index}",
                    "target": 0.78,
                    "meets_target": True,
                    "not_below_espeak": True,
                    "voices": {f"kokoro:v{index}": {"recall": 0.8, "first_audio_ratio": 1.2}},
                }
            },
        }
        path = tmp_path / f"{lang}.json"
        path.write_text(json.dumps(part), "utf-8")
        parts.append(str(path))
    merged = articles.merge(parts)
    assert set(merged["languages"]) == {"fr", "de"}
    assert merged["summary"]["de"] == {
        "auto": "kokoro:v1",
        "recall": 0.8,
        "target": 0.78,
        "meets_target": True,
        "not_below_espeak": True,
        "first_audio_ratio": 1.2,
        "whole_article_ratio": None,
        "rtf_served": None,
    }


@pytest.mark.espeak
@pytest.mark.slow
def test_a_real_run_hears_espeak_ng_read_the_english_article(tmp_path, capsys):
    if importlib.util.find_spec("faster_whisper") is None:
        message = "the recognizer is not installed (pip install -e '.[bench]')"
        if all_tiers_required():
            pytest.fail(message)
        pytest.skip(message)
    if not SCORER.exists():
        pytest.skip(f"the shared dev data is not beside this checkout ({SCORER})")
    out = tmp_path / "en.json"
    assert (
        articles.main(
            ["--lang", "en", "--engines", "espeak", "--first-runs", "1", "--out", str(out)]
        )
        == 0
    )
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(out.read_text("utf-8"))
    english = printed["languages"]["en"]
    voice = english["voices"]["espeak:gmw/en"]
    assert voice["recall"] > 0.6  # espeak-ng's English is understood
    assert voice["audio_s"] > 30 and voice["whole_article_ratio"] > 0
    assert english["auto_by_these_figures"] == "espeak:gmw/en"
    assert english["auto_now"] is not None
    assert printed["summary"]["en"]["recall"] == voice["recall"]
    assert len(printed["host"]["load_before"]) == 3


@pytest.mark.espeak
@pytest.mark.slow
def test_a_timing_only_run_measures_without_the_recognizer(tmp_path, capsys):
    out = tmp_path / "en.json"
    argv = ["--lang", "en", "--engines", "espeak", "--first-runs", "1", "--timing-only"]
    assert articles.main([*argv, "--out", str(out)]) == 0
    english = json.loads(capsys.readouterr().out)["languages"]["en"]
    voice = english["voices"]["espeak:gmw/en"]
    assert "recall" not in voice and voice["first_audio_ratio"] > 0 and voice["audio_s"] > 30
    assert english["timing_only"] and english["engine_alone_as_workers"] == 2
