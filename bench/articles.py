"""Whole-article benchmark: each seed article as the app serves it, per engine and voice, heard
by an offline recognizer and timed against the engine's own synthesis.

    .venv/bin/python -m bench.articles [--lang fr,de] [--engines espeak,kokoro]
        [--kokoro-voices best|all|jm_kumo,jf_alpha] [--runs 1] [--out part.json]
        [--engine-workers N] [--no-engine-whole] [--timing-only]
    .venv/bin/python -m bench.articles --merge part1.json part2.json   # one document

For each seed language and each engine of the registry that speaks it (espeak-ng's voice for
the language; Kokoro's voices, by default the two the voice table heard best; any other
engine's voices named for the language), the article is rendered through the app itself: a
fresh app under READER_SPEECH_ENGINE=auto, its worker processes warm, `GET
/articles/<id>/audio?voice=engine:voice` on a cold cache. Measured:

- recall: the served Ogg/Opus decoded and transcribed by Whisper base, the share of the
  article's body heard in order (words; characters for zh, ja, ar), as
  ../shared/dev-data/score_heard.py computes it (averaged over its two start offsets);
- first_audio_ratio: click to the first sentence's audio, against the engine's own time for
  that sentence in this process (median of --first-runs; target <= 1.5);
- whole_article_ratio: the whole article rendered and compressed, against the engine's own
  time for every sentence one after the other (target <= 1.2);
- real-time factors (engine alone, and served), and each worker's memory (RSS and USS, MB);
- which voice `auto` chooses now (the table in reader/speech/voice_choice.py), and which it
  would choose from these figures.

The engine's own time runs in this process configured as one worker is (Kokoro and Piper: one
ONNX Runtime session with cores / workers threads), so that a ratio measures what the app adds
(queueing, encoding, streaming), not a different thread count: with all the cores here and one
core per worker there, Japanese's and Chinese's first sentence had looked 1.8x slower served.
--engine-workers 1 measures the engine alone with every core instead. Load averages are
printed: the host is shared.
"""

import argparse
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.voices import JUDGE_RATE, SEEDS, load_scorer, seed_languages
from reader import create_app
from reader.library.articles import store_article
from reader.library.importer import draft_from_path
from reader.speech.engines import kokoro_model
from reader.speech.engines.base import EngineUnavailable
from reader.speech.engines.registry import ENGINES, get_engine
from reader.speech.options import SynthesisOptions
from reader.speech.voice_choice import TABLE, Measured, espeak_choice, ranked
from reader.speech.worker import SentenceJob

RATE = 175
TARGETS = {
    "fr": 0.78, "de": 0.78, "es": 0.90, "it": 0.85, "en": 0.90,
    "ru": 0.45, "uk": 0.35, "ar": 0.50, "ja": 0.80, "zh": 0.55,
}  # fmt: skip
FIRST_AUDIO_TARGET, WHOLE_ARTICLE_TARGET = 1.5, 1.2
NOT_BENCHED = {"silent"}  # says nothing: no recall to measure
_HASHTAG_LINE = re.compile(r"^\s*#[^#\s]\S*(\s+#[^#\s]\S*)*\s*$")


def seed_path(lang: str) -> Path:
    (path,) = [path for path in SEEDS.glob("*.txt") if path.name.split("-")[1] == lang]
    return path


def seed_body(lang: str) -> str:
    """The article's body: what the recognizer must hear (title and date line may add words).

    Without its hashtag line, which the app does not read (READER_READ_HASHTAGS is off): it
    would count against every engine alike, 6 % of the Japanese article's characters.
    """
    body = seed_path(lang).read_text(encoding="utf-8").split("\n\n", 1)[1]
    return "\n".join(line for line in body.splitlines() if not _HASHTAG_LINE.match(line))


def voices_speaking(engine_name: str, lang: str, kokoro_voices: str) -> list[str]:
    """The engine's voices to measure for the language; none when it does not speak it."""
    try:
        engine = get_engine(engine_name)
    except EngineUnavailable:
        return []
    if engine_name == "espeak":
        choice = espeak_choice(lang)
        return [choice.voice] if choice else []
    if engine.multilingual:
        speaks = getattr(engine, "speaks", None)
        if speaks is not None and not speaks(lang):
            return []
        listed = sorted(engine.list_voices())
        if kokoro_voices == "all":
            return listed
        if kokoro_voices != "best":
            return [voice for voice in kokoro_voices.split(",") if voice in listed]
        measured = sorted(
            (m for m in TABLE.get(lang, ()) if m.engine == engine_name),
            key=lambda m: m.recall,
            reverse=True,
        )
        best = [m.voice for m in measured if m.voice in listed][:2]
        return best or listed[:1]
    # A one-language voice is named for its language, as Piper's are (en_US-joe-medium).
    return sorted(
        voice
        for voice in engine.list_voices()
        if voice.replace("-", "_").split("_")[0].lower() == lang
    )


def worker_memory() -> list[dict]:
    """RSS and USS (private memory) of each child process of this one, in MB."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) != me:
                continue
            if b"resource_tracker" in (entry / "cmdline").read_bytes():  # not a worker
                continue
            fields = {}
            for line in (entry / "smaps_rollup").read_text().splitlines()[1:]:
                name, value, *_ = line.split()
                fields[name.rstrip(":")] = int(value)
        except (OSError, ValueError, IndexError):
            continue
        uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        found.append(
            {
                "pid": int(entry.name),
                "rss_mb": round(fields.get("Rss", 0) / 1024, 1),
                "uss_mb": round(uss / 1024, 1),
            }
        )
    return found


def engine_seconds(
    jobs: list[SentenceJob], first_runs: int, whole: bool = True
) -> tuple[float, float | None]:
    """The engine's own time in this process: the first sentence (median), every sentence
    (None without `whole`)."""
    first = jobs[0]
    engine = get_engine(first.options.engine)
    engine.synthesize(first.text, first.options)  # loaded before it is timed
    firsts = []
    for _ in range(first_runs):
        started = time.perf_counter()
        engine.synthesize(first.text, first.options)
        firsts.append(time.perf_counter() - started)
    if not whole:
        return statistics.median(firsts), None
    started = time.perf_counter()
    for job in jobs:
        if job.text.strip():
            get_engine(job.options.engine).synthesize(job.text, job.options)
    return statistics.median(firsts), time.perf_counter() - started


def served(client, article_id: int, public_voice: str) -> tuple[float, float, bytes]:
    """Click to first audio, to the whole article, and the bytes served (a cold cache)."""
    started = time.perf_counter()
    response = client.get(
        f"/articles/{article_id}/audio", query_string={"voice": public_voice, "rate": RATE}
    )
    if response.status_code != 200:
        raise RuntimeError(f"{public_voice}: HTTP {response.status_code} {response.data[:200]!r}")
    if response.headers.get("Cache-Control") != "no-store":
        raise RuntimeError("the article came from the cache: this run was not cold")
    chunks = response.iter_encoded()
    data = [next(chunks)]  # Ogg/Opus headers
    data.append(next(chunks))  # the first sentence's audio
    first_audio = time.perf_counter() - started
    data += list(chunks)
    whole = time.perf_counter() - started
    response.close()
    return first_audio, whole, b"".join(data)


def warm_workers(service, root: Path) -> None:
    """Each worker has started and loaded its engines (what `reader serve` has done long before
    a listener clicks): a tiny job per worker, in a cache of its own."""
    options = SynthesisOptions("", RATE, "silent")
    jobs = [
        SentenceJob(f"warm-{i}", "a", options, 0, str(root / "warm"))
        for i in range(service.runner.workers * 2)
    ]
    for future in service.runner.submit_all(jobs):
        future.result(timeout=300)


def decoded(data: bytes):
    """The served file as float samples at the recognizer's rate (PyAV reads Ogg/Opus and MP3)."""
    from faster_whisper.audio import decode_audio

    return decode_audio(io.BytesIO(data), sampling_rate=JUDGE_RATE)


def heard(scorer, judge, audio, reference: str, lang: str) -> tuple[float, list[str]]:
    """(recall, the transcripts): score_heard.py's recall, averaged over its start offsets."""
    import numpy

    want = scorer.units(reference, lang)
    scores, transcripts = [], []
    for shift in scorer.SHIFTS:
        shifted = numpy.concatenate([numpy.zeros(int(shift * JUDGE_RATE), numpy.float32), audio])
        segments, _ = judge.transcribe(
            shifted, language=lang, beam_size=5, condition_on_previous_text=False
        )
        text = " ".join(segment.text for segment in segments)
        transcripts.append(text)
        scores.append(scorer.lcs(want, scorer.units(text, lang)) / max(1, len(want)))
    return round(sum(scores) / len(scores), 3), transcripts


def bench_language(lang: str, args, scorer, judge, model_dir: str) -> dict:
    """Every engine/voice that speaks the language, reading its seed article as served."""
    load = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix=f"bench-{lang}-") as data:
        app = create_app(
            {
                "DATA_DIR": data,
                "SPEECH_ENGINE": "auto",
                "MODEL_DIR": model_dir,
                "AUDIO_FORMAT": "opus",
                "SPEECH_WORKERS": args.workers,
                # On a host shared with much other work a sentence can take minutes: a worker
                # killed at the default 60 s would make the render slower, not faster.
                "SPEECH_TIMEOUT": args.timeout,
            }
        )
        service = app.extensions["reader.speech"]
        with app.extensions["reader.db"]() as session:
            article, _ = store_article(session, draft_from_path(seed_path(lang)))
        service.start()
        warm_workers(service, Path(data))
        # This process's own synthesis gets the threads one worker has (see the docstring).
        kokoro_model.configure(model_dir, workers=args.engine_workers or args.workers)
        client = app.test_client()
        auto_now = service.choice_for(lang)
        results, measured = {}, []
        for engine_name in args.engines:
            for voice in voices_speaking(engine_name, lang, args.kokoro_voices):
                public = f"{engine_name}:{voice}"
                try:
                    found, audio = bench_voice(
                        client,
                        service,
                        article,
                        public,
                        args.runs,
                        args.first_runs,
                        not args.no_engine_whole,
                    )
                    results[public] = found
                    if judge is None:  # --timing-only
                        print(f"{lang} {public}: {json.dumps(found)}", file=sys.stderr, flush=True)
                        continue
                    found["recall"], transcripts = heard(
                        scorer, judge, audio, seed_body(lang), lang
                    )
                    # Kept whole, so that a changed reference can be scored again without a run.
                    found["transcripts"] = transcripts
                except Exception as error:  # noqa: BLE001 - one voice failing is a result too
                    results[public] = {"error": f"{type(error).__name__}: {error}"}
                    print(f"{lang} {public}: {results[public]['error']}", file=sys.stderr)
                    continue
                found = results[public]
                rtf = found["rtf_engine"] or found["rtf_served"]  # --no-engine-whole: served
                measured.append(Measured(engine_name, voice, found["recall"], rtf))
                print(f"{lang} {public}: {json.dumps(found)}", file=sys.stderr, flush=True)
        service.shutdown()
    if judge is None:  # --timing-only: nothing heard, nothing to choose by
        return {
            "article": seed_path(lang).name,
            "load_before": load,
            "load_after": [round(x, 2) for x in os.getloadavg()],
            "engine_alone_as_workers": args.engine_workers or args.workers,
            "auto_now": str(auto_now) if auto_now else None,
            "timing_only": True,
            "voices": results,
        }
    by_these = ranked(lang, {lang: tuple(measured)})
    best = max(measured, key=lambda m: m.recall, default=None)
    espeak = next((m.recall for m in measured if m.engine == "espeak"), None)
    auto_figures = results.get(str(by_these[0]), {}) if by_these else {}
    return {
        "article": seed_path(lang).name,
        "chars": len(seed_body(lang)),
        "load_before": load,
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "engine_alone_as_workers": args.engine_workers or args.workers,
        "auto_now": str(auto_now) if auto_now else None,
        "auto_by_these_figures": str(by_these[0]) if by_these else None,
        "best": str(best.choice) if best else None,
        "target": TARGETS.get(lang),
        "auto_recall": auto_figures.get("recall"),
        "meets_target": (
            auto_figures.get("recall", 0) >= TARGETS[lang] if lang in TARGETS else None
        ),
        "not_below_espeak": (espeak is None or auto_figures.get("recall", 0) >= espeak - 1e-9),
        "voices": results,
    }


def bench_voice(
    client, service, article, public: str, runs: int, first_runs: int, engine_whole_text=True
):
    """One engine/voice reading the article: `runs` cold renders and the engine alone.

    Returns the figures and the served audio, decoded (the first run's).
    """
    jobs = service.request(article, rate=RATE, voice=public)[1]
    engine_first, engine_whole = engine_seconds(jobs, first_runs, engine_whole_text)
    renders, memory, served_bytes = [], [], b""
    cache_root = Path(service.cache.root)
    for run in range(runs):
        if run:  # cold again: the cache moved aside (deleting it would slow the next writes)
            wait_for_renders(service)
            cache_root.rename(cache_root.with_name(f"{cache_root.name}.{run}"))
        first_audio, whole, body = served(client, article.id, public)
        renders.append((first_audio, whole))
        served_bytes = served_bytes or body
        memory = worker_memory()
    wait_for_renders(service)
    audio = decoded(served_bytes)
    seconds = len(audio) / JUDGE_RATE
    first_audio = statistics.median(r[0] for r in renders)
    whole = statistics.median(r[1] for r in renders)
    return {
        "audio_s": round(seconds, 1),
        "sentences": len(jobs),
        "first_audio_s": round(first_audio, 3),
        "engine_first_sentence_s": round(engine_first, 3),
        "first_audio_ratio": round(first_audio / engine_first, 2),
        "whole_article_s": round(whole, 2),
        "engine_whole_text_s": round(engine_whole, 2) if engine_whole else None,
        "whole_article_ratio": round(whole / engine_whole, 2) if engine_whole else None,
        "whole_article_s_spread": [
            round(min(r[1] for r in renders), 2),
            round(max(r[1] for r in renders), 2),
        ],
        "rtf_engine": round(engine_whole / seconds, 3) if engine_whole else None,
        "rtf_served": round(whole / seconds, 3),
        "workers": memory,
    }, audio


def wait_for_renders(service) -> None:
    for render in list(service._renders.values()):
        render.finished.wait()


def summary(languages: dict) -> dict:
    """One line per language: auto's voice, its recall against the target, and the ratios."""
    rows = {}
    for lang, found in languages.items():
        chosen = found.get("auto_by_these_figures") or found.get("auto_now") or ""
        auto = found.get("voices", {}).get(chosen, {})
        rows[lang] = {
            "auto": chosen or None,
            "recall": auto.get("recall"),
            "target": found.get("target"),
            "meets_target": found.get("meets_target"),
            "not_below_espeak": found.get("not_below_espeak"),
            "first_audio_ratio": auto.get("first_audio_ratio"),
            "whole_article_ratio": auto.get("whole_article_ratio"),
            "rtf_served": auto.get("rtf_served"),
        }
    return rows


def merge(paths: list[str]) -> dict:
    """Parts run apart, as one document (a later part's language replaces an earlier one's)."""
    document = {"method": __doc__.strip().splitlines()[0], "parts": [], "languages": {}}
    for path in paths:
        part = json.loads(Path(path).read_text(encoding="utf-8"))
        document["parts"].append({"file": Path(path).name, "host": part.get("host")})
        document["languages"].update(part.get("languages", {}))
    document["summary"] = summary(document["languages"])
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default=",".join(seed_languages()))
    engines = [name for name in ENGINES if name not in NOT_BENCHED]
    parser.add_argument("--engines", default=",".join(engines))
    parser.add_argument("--kokoro-voices", default="best", help="best, all, or names")
    parser.add_argument("--runs", type=int, default=1, help="cold renders per voice (median)")
    parser.add_argument("--first-runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--engine-workers",
        type=int,
        default=0,
        help="threads for the engine alone as if the cores were shared by this many workers "
        "(default: --workers, as served; 1: every core)",
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per sentence")
    parser.add_argument("--model-dir", default=str(kokoro_model.model_dir()))
    parser.add_argument("--judge-dir", default=str(Path.home() / ".cache" / "reader-whisper-base"))
    parser.add_argument(
        "--no-engine-whole",
        action="store_true",
        help="skip the engine alone on the whole text (no whole_article_ratio): on a busy host "
        "it costs as much as the served render",
    )
    parser.add_argument(
        "--timing-only",
        action="store_true",
        help="the ratios, real-time factors and memory without the recognizer (no recall)",
    )
    parser.add_argument("--out", help="also write the JSON here (a part for --merge)")
    parser.add_argument("--merge", nargs="+", help="print these parts as one document")
    args = parser.parse_args(argv)
    if args.merge:
        print(json.dumps(merge(args.merge), ensure_ascii=False, indent=1))
        return 0
    args.engines = args.engines.split(",")

    scorer, judge = None, None  # a timing-only run needs neither the recognizer nor its scorer
    if not args.timing_only:
        from faster_whisper import WhisperModel

        scorer = load_scorer()

        judge = WhisperModel(
            str(scorer.model_dir(Path(args.judge_dir))),
            device="cpu",
            compute_type="int8",
            cpu_threads=os.cpu_count() or 1,
        )
    report = {
        "method": __doc__.strip().splitlines()[0],
        "host": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "languages": {},
    }
    for lang in args.lang.split(","):
        report["languages"][lang] = bench_language(lang, args, scorer, judge, args.model_dir)
        report["host"]["load_after"] = os.getloadavg()
        report["summary"] = summary(report["languages"])
        if args.out:  # after each language: a part survives an interrupted run
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
