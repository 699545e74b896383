"""Speech benchmark: first audio byte, whole article, cache hit, each beside raw espeak-ng."""

import bisect
import itertools
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from reader import create_app
from reader.library.articles import store_article
from reader.library.importer import draft_from_path
from reader.speech.engines.registry import get_engine
from reader.speech.normalize import normalize
from reader.speech.policy import plan_reading
from reader.speech.worker import render_sentence, synthesize_sentence, warm_up

SEED = Path(__file__).resolve().parent.parent / "seeds" / "01-fr-premieres-pertes-kyiv.txt"
COLD_RUNS = 21
RATE = 175  # words per minute, on both sides: the app's default and espeak-ng's


def set_aside(cache_root: Path, run: int) -> None:
    """Empty the cache by moving it aside; the temporary data directory goes at the end."""
    # Not deleted: on an ext4 without a journal (as here), a new file's inode is found by
    # skipping every inode freed in the last minute or more, so deleting each run's ~30 files
    # made the next runs' cache writes pay for the benchmark's own clean-up, which no real
    # first listen does.
    if cache_root.exists():
        cache_root.rename(cache_root.with_name(f"{cache_root.name}.run-{run}"))


def espeak_command(text: str, wav_path: str, voice: str = "fr") -> list[str]:
    """`espeak-ng -w` at the benchmark's rate, as both sides of every comparison run it."""
    return ["espeak-ng", "-v", voice, "-s", str(RATE), "-w", wav_path, text]


def wait_for_renders(service) -> None:
    """Until every render so far has stored its file."""
    for render in list(service._renders.values()):
        render.finished.wait()


def espeak_seconds(text: str) -> float:
    """Wall time of `espeak-ng -w` on the text: the floor we compare against."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as out:
        started = time.perf_counter()
        subprocess.run(espeak_command(text, out.name), check=True)
        return time.perf_counter() - started


def espeak_halves_seconds(first_half: str, second_half: str) -> float:
    """Wall time of two `espeak-ng -w` at once, one per half of the text: how well this host
    runs the same work on both cores right now (half the whole text's time at best)."""
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        running = [
            subprocess.Popen(espeak_command(text, f"{out}/{index}.wav"))
            for index, text in enumerate((first_half, second_half))
        ]
        if any(process.wait() for process in running):
            raise RuntimeError("espeak-ng failed")
        return time.perf_counter() - started


def cold_render(client, service, article_id: int, run: int) -> tuple[float, float]:
    """Seconds to the first sentence's audio and to the whole article, on a cold cache."""
    # Cold means cold: no sentence or article audio on disk, and the text normalized again.
    # The last render must have stored its file first, or it could land after the clearing.
    wait_for_renders(service)
    set_aside(Path(service.cache.root), run)
    normalize.cache_clear()
    started = time.perf_counter()
    response = client.get(f"/articles/{article_id}/audio?rate={RATE}")
    if response.headers.get("Cache-Control") != "no-store":
        raise RuntimeError("the article came from the cache: this run was not cold")
    chunks = response.iter_encoded()
    next(chunks)  # the headers (Ogg/Opus) or the ID3 tag (MP3)
    next(chunks)  # the first sentence's audio
    first_audio = time.perf_counter() - started
    for _ in chunks:
        pass
    whole = time.perf_counter() - started
    response.close()
    return first_audio, whole


def stage_cpu_seconds(jobs, whole_text: str, passes: int = 5) -> tuple[float, float, float]:
    """CPU seconds per article on one thread, synthesis alone and with compression, and
    espeak-ng's time for the whole text beside them.

    What no scheduling can go below: the render's work split evenly over the cores.
    """
    warm_up(jobs[0].options.engine)  # as each worker starts: the heap tuned, encoders loaded
    engine = get_engine(jobs[0].options.engine)
    synthesis, whole, espeak = [], [], []
    for _ in range(passes):
        espeak.append(espeak_seconds(whole_text))
        started = time.process_time()
        for job in jobs:
            engine.synthesize(job.text, job.options)
        synthesis.append(time.process_time() - started)
        started = time.process_time()
        for job in jobs:
            synthesize_sentence(job.text, job.options, job.pause_ms)
        whole.append(time.process_time() - started)
    return statistics.median(synthesis), statistics.median(whole), statistics.median(espeak)


def run() -> dict:
    """Measure cold renders of the seed article and cache hits, beside espeak-ng."""
    with tempfile.TemporaryDirectory() as data:
        app = create_app({"DATA_DIR": data, "SPEECH_ENGINE": "espeak"})
        with app.extensions["reader.db"]() as session:
            article, _ = store_article(session, draft_from_path(SEED))
            utterances = plan_reading(article)
        client = app.test_client()
        service = app.extensions["reader.speech"]
        service.runner.start()  # as `reader serve` does before the first request
        time.sleep(3)
        client.get(f"/articles/{article.id}").close()  # a listener opens the page first
        first_text = utterances[0].spoken
        whole_text = " ".join(u.spoken for u in utterances)
        # Split where half the text is spoken, so each process has about half the work.
        lengths = list(itertools.accumulate(len(u.spoken) for u in utterances))
        middle = bisect.bisect(lengths, lengths[-1] / 2)
        halves = [
            " ".join(u.spoken for u in part) for part in (utterances[:middle], utterances[middle:])
        ]
        runs, espeak_runs, halves_runs = [], [], []
        for run in range(COLD_RUNS):
            # Interleaved, so both sides see the same machine load (these hosts are shared).
            espeak_runs.append((espeak_seconds(first_text), espeak_seconds(whole_text)))
            halves_runs.append(espeak_halves_seconds(*halves) / espeak_runs[-1][1])
            runs.append(cold_render(client, service, article.id, run))
        wait_for_renders(service)
        hits = []
        for _ in range(50):
            started = time.perf_counter()
            client.get(f"/articles/{article.id}/audio?rate={RATE}").close()
            hits.append(time.perf_counter() - started)
        jobs = service.request(article, rate=RATE)[1]
        job = jobs[1]
        sentence_hits = []
        for _ in range(200):
            started = time.perf_counter()
            render_sentence(job)
            sentence_hits.append(time.perf_counter() - started)
        service.shutdown()
        # Last: warm_up tunes this process's heap as it does a worker's.
        synthesis_cpu, render_cpu, espeak_beside = stage_cpu_seconds(jobs, whole_text)

    first_audio = statistics.median(run[0] for run in runs)
    whole = statistics.median(run[1] for run in runs)
    espeak_first = statistics.median(run[0] for run in espeak_runs)
    espeak_whole = statistics.median(run[1] for run in espeak_runs)
    # Each render against the espeak-ng run just before it: load drifts on these shared hosts,
    # and a pair sees the same load where two separate medians may not.
    pairs = list(zip(runs, espeak_runs, strict=True))
    first_ratio = statistics.median(ours[0] / theirs[0] for ours, theirs in pairs)
    whole_ratios = [ours[1] / theirs[1] for ours, theirs in pairs]
    return {
        "article": SEED.name,
        "utterances": len(utterances),
        "cold_runs": COLD_RUNS,
        "first_audio_s": round(first_audio, 4),
        "espeak_first_sentence_s": round(espeak_first, 4),
        "first_audio_ratio": round(first_ratio, 2),
        "whole_article_s": round(whole, 4),
        "espeak_whole_text_s": round(espeak_whole, 4),
        "whole_article_ratio": round(statistics.median(whole_ratios), 2),
        "whole_article_ratio_spread": [round(min(whole_ratios), 2), round(max(whole_ratios), 2)],
        # Each side's fastest run (timeit's estimate of a program's time when nothing else
        # interferes), one against the other: beside the paired median, it tells the host's
        # load apart from our own work, since our render needs both cores and espeak-ng one.
        "whole_article_ratio_fastest_runs": round(
            min(run[1] for run in runs) / min(run[1] for run in espeak_runs), 2
        ),
        # One thread's CPU for the article; over two cores, the floor of whole_article_ratio
        # before the web process's own share, hand-offs and the last sentence's imbalance.
        "cpu_per_article_s": {
            "synthesis": round(synthesis_cpu, 4),
            "compression": round(render_cpu - synthesis_cpu, 4),
        },
        "two_core_floor_ratio": round(render_cpu / 2 / espeak_beside, 2),
        # espeak-ng's own work split over both cores, against the whole on one: 0.5 at best,
        # and what the host's other load leaves of the second core when it is higher.
        "espeak_two_halves_at_once_ratio": round(statistics.median(halves_runs), 2),
        "cached_sentence_ms_median": round(statistics.median(sentence_hits) * 1000, 3),
        "cached_article_http_ms_median": round(statistics.median(hits) * 1000, 2),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
