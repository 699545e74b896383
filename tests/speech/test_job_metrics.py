"""Both job backends count what their workers did: sentences synthesized, time, cache hits."""

from prometheus_client import REGISTRY

from reader.speech.options import SynthesisOptions
from reader.speech.worker import SentenceJob

OPTIONS = SynthesisOptions("roa/fr", 175, "silent", "opus", 24)


def counts() -> dict[str, float]:
    def value(name, **labels):
        return REGISTRY.get_sample_value(name, labels) or 0.0

    return {
        "synthesized": value("reader_sentences_synthesized_total"),
        "timed": value("reader_synthesis_seconds_count"),
        "hits": value("reader_audio_cache_lookups_total", level="sentence", result="hit"),
        "misses": value("reader_audio_cache_lookups_total", level="sentence", result="miss"),
    }


def test_a_synthesized_then_cached_sentence_is_counted(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=30)
    job = SentenceJob(f"metrics-{tmp_path.name}", "Bonjour à tous.", OPTIONS, 100, str(tmp_path))
    before = counts()
    first = runner.submit(job).result(timeout=60)
    assert first.synthesis_seconds is not None and first.synthesis_seconds >= 0
    again = runner.submit(job).result(timeout=60)  # the worker finds it in the cache now
    assert again.synthesis_seconds is None
    after = counts()
    assert {name: after[name] - before[name] for name in after} == {
        "synthesized": 1,
        "timed": 1,
        "hits": 1,
        "misses": 1,
    }
