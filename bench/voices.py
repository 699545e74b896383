"""Which voice is heard best: each engine/voice reads part of each seed, a recognizer scores it.

    .venv/bin/python -m bench.voices [--chars 300] [--langs fr,ja] [--kokoro-voices jm_kumo,...]

Per seed language, the first --chars characters of the body (half as many in Chinese and
Japanese) (cut at a sentence end) are read
sentence by sentence, as the app reads them (normalized, 300 ms between sentences), by
espeak-ng and by each Kokoro voice that speaks the language. The offline recognizer of
../shared/dev-data/score_heard.py (Whisper base; `pip install -e '.[bench]'`) transcribes each
reading; recall is the share of the reference heard, in order, as that script computes it,
averaged over its two start offsets. Prints JSON: recall and real-time factor per language and
engine/voice, the host's load, and what `auto` picks by reader/speech/voice_choice.py's rule.
"""

import argparse
import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy

from reader.speech.engines import kokoro_model
from reader.speech.engines.registry import get_engine
from reader.speech.normalize import normalize
from reader.speech.options import SynthesisOptions
from reader.speech.voice_choice import Measured, espeak_choice, ranked

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# ../shared beside the checkout (a worktree deeper down finds it further up).
SCORER = next(
    (
        folder / "shared" / "dev-data" / "score_heard.py"
        for folder in ROOT.parents
        if (folder / "shared" / "dev-data" / "score_heard.py").exists()
    ),
    ROOT.parent / "shared" / "dev-data" / "score_heard.py",
)
PAUSE_MS = 300
JUDGE_RATE = 16000
DEFAULT_KOKORO_VOICES = ("jm_kumo", "jf_nezumi")


CJK = {"ja", "zh", "ko"}  # a character is a word's worth of speech: half as many


def seed_text(lang: str, chars: int) -> str:
    """The start of the seed's body, whole sentences up to about `chars` characters."""
    if lang in CJK:
        chars //= 2
    (path,) = [path for path in SEEDS.glob("*.txt") if path.name.split("-")[1] == lang]
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = " ".join(body.split())
    sentences = split_sentences(text)
    out = ""
    for sentence in sentences:
        if out and len(out) + len(sentence) > chars:
            break
        out = f"{out} {sentence}".strip()
    return out


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?。！？])\s*", text) if s.strip()]


def seed_languages() -> list[str]:
    return sorted({path.name.split("-")[1] for path in SEEDS.glob("*.txt")})


def load_scorer():
    if not SCORER.exists():
        sys.exit(f"missing {SCORER}: the shared dev data is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score_heard", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_aloud(engine_name: str, voice: str, lang: str, text: str) -> tuple[numpy.ndarray, float]:
    """The text read sentence by sentence: float samples at 16 kHz, and synthesis seconds."""
    import soxr

    engine = get_engine(engine_name)
    options = SynthesisOptions(
        voice, engine=engine_name, language=lang if engine_name == "kokoro" else ""
    )
    pieces, spent, rate = [], 0.0, None
    for sentence in split_sentences(text):
        spoken = normalize(sentence, lang)
        start = time.perf_counter()
        pcm = engine.synthesize(spoken, options)
        spent += time.perf_counter() - start
        rate = pcm.sample_rate
        pieces.append(numpy.frombuffer(pcm.samples, dtype=numpy.int16))
        pieces.append(numpy.zeros(rate * PAUSE_MS // 1000, numpy.int16))
    samples = numpy.concatenate(pieces).astype(numpy.float32) / 32768
    return soxr.resample(samples, rate, JUDGE_RATE).astype(numpy.float32), spent


def heard(scorer, model, audio: numpy.ndarray, reference: str, lang: str) -> float:
    """score_heard.py's recall: in order, averaged over its start offsets."""
    want = scorer.units(reference, lang)
    scores = []
    for shift in scorer.SHIFTS:
        shifted = numpy.concatenate([numpy.zeros(int(shift * JUDGE_RATE), numpy.float32), audio])
        segments, _ = model.transcribe(
            shifted, language=lang, beam_size=5, condition_on_previous_text=False
        )
        text = " ".join(segment.text for segment in segments)
        scores.append(scorer.lcs(want, scorer.units(text, lang)) / max(1, len(want)))
    return round(sum(scores) / len(scores), 3)


def candidates(lang: str, kokoro_voices: list[str]) -> list[tuple[str, str]]:
    out = []
    fallback = espeak_choice(lang)
    if fallback is not None:
        out.append((fallback.engine, fallback.voice))
    kokoro = get_engine("kokoro") if get_engine_ok("kokoro") else None
    if kokoro is not None and kokoro.speaks(lang):
        out += [("kokoro", voice) for voice in kokoro_voices]
    return out


def get_engine_ok(name: str) -> bool:
    try:
        get_engine(name)
    except Exception:  # noqa: BLE001 - a missing engine is left out of the comparison
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300)
    parser.add_argument("--langs", default=",".join(seed_languages()))
    parser.add_argument("--kokoro-voices", default=",".join(DEFAULT_KOKORO_VOICES))
    parser.add_argument("--model-dir", default=str(Path.home() / ".cache" / "reader-whisper-base"))
    parser.add_argument("--save", help="folder to keep each reading as 16 kHz WAV")
    args = parser.parse_args(argv)

    scorer = load_scorer()
    from faster_whisper import WhisperModel

    judge = WhisperModel(
        str(scorer.model_dir(Path(args.model_dir))),
        device="cpu",
        compute_type="int8",
        cpu_threads=2,
    )
    kokoro_model.configure(None, workers=2)  # one ONNX Runtime thread, as each of 2 workers has
    report = {
        "host": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "method": __doc__.strip().splitlines()[0],
        "languages": {},
    }
    for lang in args.langs.split(","):
        text = seed_text(lang, args.chars)
        results, measured = {}, []
        for engine_name, voice in candidates(lang, args.kokoro_voices.split(",")):
            audio, spent = read_aloud(engine_name, voice, lang, text)
            seconds = len(audio) / JUDGE_RATE
            recall = heard(scorer, judge, audio, text, lang)
            rtf = round(spent / seconds, 3)
            results[f"{engine_name}:{voice}"] = {"recall": recall, "rtf": rtf}
            measured.append(Measured(engine_name, voice, recall, rtf))
            if args.save:
                save(Path(args.save) / f"{lang}-{engine_name}-{voice.replace('/', '_')}.wav", audio)
            print(f"{lang} {engine_name}:{voice} recall={recall} rtf={rtf}", file=sys.stderr)
        pick = ranked(lang, {lang: tuple(measured)})
        report["languages"][lang] = {
            "chars": len(text),
            "voices": results,
            "auto": str(pick[0]) if pick else None,
        }
    report["host"]["load_after"] = os.getloadavg()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


def save(path: Path, audio: numpy.ndarray) -> None:
    import wave

    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(JUDGE_RATE)
        out.writeframes((numpy.clip(audio, -1, 1) * 32767).astype(numpy.int16).tobytes())


if __name__ == "__main__":
    sys.exit(main())
