"""Speech benchmark: first audio byte, whole article, cache hit, each beside raw espeak-ng."""

import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from reader import create_app
from reader.library.articles import store_article
from reader.library.importer import draft_from_path
from reader.speech.policy import plan_reading

SEED = Path(__file__).resolve().parent.parent / "seeds" / "01-fr-premieres-pertes-kyiv.txt"


def espeak_seconds(text: str, voice: str = "fr") -> float:
    """Wall time of `espeak-ng -w` on the text: the floor we compare against."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as out:
        started = time.perf_counter()
        subprocess.run(["espeak-ng", "-v", voice, "-w", out.name, text], check=True)
        return time.perf_counter() - started


def run() -> dict:
    with tempfile.TemporaryDirectory() as data:
        app = create_app({"DATA_DIR": data, "SPEECH_WORKERS": 2, "SPEECH_ENGINE": "espeak"})
        with app.extensions["reader.db"]() as session:
            article, _ = store_article(session, draft_from_path(SEED))
            utterances = plan_reading(article)
        client = app.test_client()
        service = app.extensions["reader.speech"]
        # Start the worker processes first: cold cache, warm pool (as in a running server).
        service.runner.submit(service.request(article)[1][0]).result()
        for render in list(service._renders.values()):
            render.finished.wait()
        for path in Path(data, "audio").rglob("*.mp3"):
            path.unlink()

        started = time.perf_counter()
        response = client.get(f"/articles/{article.id}/audio")
        chunks = response.iter_encoded()
        next(chunks)  # the ID3 tag
        next(chunks)  # the first sentence's audio
        first_audio = time.perf_counter() - started
        for _ in chunks:
            pass
        whole = time.perf_counter() - started
        response.close()

        hits = []
        for _ in range(50):
            t = time.perf_counter()
            client.get(f"/articles/{article.id}/audio/status").close()
            hits.append(time.perf_counter() - t)
        service.shutdown()

    first_text = utterances[0].spoken
    whole_text = " ".join(u.spoken for u in utterances)
    espeak_first = min(espeak_seconds(first_text) for _ in range(3))
    espeak_whole = min(espeak_seconds(whole_text) for _ in range(3))
    return {
        "article": SEED.name,
        "sentences": len(utterances),
        "first_audio_s": round(first_audio, 4),
        "espeak_first_sentence_s": round(espeak_first, 4),
        "first_audio_ratio": round(first_audio / espeak_first, 2),
        "whole_article_s": round(whole, 4),
        "espeak_whole_text_s": round(espeak_whole, 4),
        "whole_article_ratio": round(whole / espeak_whole, 2),
        "cached_status_ms_median": round(statistics.median(hits) * 1000, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
