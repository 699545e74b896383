"""Piper voices through ONNX Runtime: one voice per language, each loaded once per worker process.

Piper phonemizes with its own espeak-ng build; a lexicon entry's espeak-ng mnemonics (`[[...]]`)
are turned into IPA by the espeak-ng command first, since Piper takes `[[...]]` as IPA. ONNX
Runtime and piper are imported only in `_PiperSession`: the web process never loads them.

Words are timed from the model's phoneme durations: each voice is loaded with piper's alignment
output added in memory (`_with_durations`), and `word_events` turns the samples per phoneme into
word starts. Where espeak-ng says more words than are written (a number, an abbreviation), the
worker estimates them in proportion inside the sentence, as for an engine without durations.
"""

import os
import re
import threading

from reader.once import once
from reader.speech.alignment import words
from reader.speech.engines import kokoro_model, voice_files
from reader.speech.engines.base import Engine, EngineUnavailable, Pcm, SynthesisFailed
from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.options import SynthesisOptions

# Our use of Piper's revision, part of every cache key (with each voice's file digest).
PIPER_REVISION = 2  # 2: words timed by the model's phoneme durations
NORMAL_RATE = 175  # words per minute read at length_scale 1.0
WARM_UP_TEXT = "Radio, piano, banana."  # said alike by most languages' espeak-ng rules
_PHONEME_BLOCK = re.compile(r"\[\[(.*?)\]\]")


class PiperEngine(Engine):
    """Piper (VITS) voices on the CPU: each voice speaks the one language it was trained on."""

    name = "piper"
    # Listing loads each voice's model once, so a truncated or corrupt file is found in the
    # listing subprocess, logged, and its language read by the next choice instead.
    loads_native_code = True

    def is_available(self) -> bool:
        return all(voice_files.package_dir(p) is not None for p in ("piper", "onnxruntime"))

    def version(self) -> str:
        return _piper_version()

    def list_voices(self) -> dict[str, str]:
        return self.check_voices()[0]

    def check_voices(self) -> tuple[dict[str, str], dict[str, str]]:
        """(voice -> name, voice -> why it cannot read): each model is loaded once to be sure."""
        good, bad = {}, {}
        for name, files in sorted(voice_files.piper_voices().items()):
            try:
                _check(files)
            except (ValueError, OSError, EngineUnavailable) as error:
                bad[name] = str(error)
                continue
            details = voice_files.info(files)
            good[name] = f"{details.speaker} (Piper, {details.quality})"
        return good, bad

    def voice_data_stamp(self) -> str:
        return f"{self.version()}|{voice_files.stamp()}"

    def warm_up(self) -> None:
        """Under READER_SPEECH_ENGINE=piper: each language's voice loaded and run once."""
        first: dict[str, str] = {}
        for name in sorted(voice_files.piper_voices()):
            first.setdefault(voice_files.language_of(name), name)
        self.warm_voices(list(first.values()))

    def warm_voices(self, names: list[str]) -> None:
        """Load the voices and run each on a short sentence, so that no listener waits for it
        (a voice is ~1.5 s to load with its durations, its first run slower than the next)."""
        for name in names:
            self.synthesize(WARM_UP_TEXT, SynthesisOptions(name, engine="piper"))

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        files = voice_files.piper_voices().get(options.voice)
        if files is None:
            raise SynthesisFailed(f"unknown Piper voice {options.voice!r}")
        # A replaced voice file (same name, new size or time) is loaded anew.
        return _voice(options.voice, _file_version(files)).synthesize(text, options)


def length_scale_for(rate: int, base: float = 1.0) -> float:
    """Piper's length scale for a rate in words per minute (pitch is kept: only durations scale)."""
    speed = min(2.0, max(0.5, rate / NORMAL_RATE))
    return base / speed


def mnemonics_to_ipa(text: str, espeak_voice: str) -> str:
    """The text with each `[[espeak-ng mnemonics]]` block rewritten as `[[IPA]]` for Piper."""
    if "[[" not in text:
        return text

    def ipa(match: re.Match) -> str:
        said = phonemize_with_espeak(f"[[{match.group(1)}]]", espeak_voice, ipa=True)
        return "[[" + " ".join(said.split()) + "]]"

    return _PHONEME_BLOCK.sub(ipa, text)


def _check(files: voice_files.PiperVoiceFiles) -> None:
    """ValueError or OSError naming what is wrong with the voice's files."""
    config = voice_files.read_config(files)
    if not files.model.is_file():
        raise ValueError(f"{files.model.name} is missing")
    recorded = voice_files.recorded_sha256(files.model)
    if recorded is not None and voice_files.file_sha256(files.model) != recorded:
        raise ValueError(f"{files.model.name} is corrupt (sha256 differs from the one installed)")
    if (config.get("phoneme_type") or "espeak") != "espeak":
        raise ValueError(f"{files.name} needs the {config['phoneme_type']} phonemizer")
    load_session(files)


def load_session(files: voice_files.PiperVoiceFiles, durations: bool = False):
    """The voice's ONNX Runtime session; ValueError when the model cannot be loaded.

    `durations`: with the model's samples per phoneme as a second output (for word timings).
    """
    try:
        import onnxruntime
    except ImportError as error:
        raise EngineUnavailable(f"ONNX Runtime cannot be loaded: {error}") from error
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _threads()
    options.inter_op_num_threads = 1
    try:
        model = _with_durations(files) if durations else str(files.model)
        return onnxruntime.InferenceSession(
            model, sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as error:  # ONNX Runtime and onnx raise their own untyped errors
        raise ValueError(f"{files.model.name} cannot be loaded: {error}") from error


def _with_durations(files: voice_files.PiperVoiceFiles) -> bytes | str:
    """The model with its phoneme durations (the Ceil of VITS's duration predictor) as an
    output; the file as it is when it already has them or has no such tensor."""
    import onnx
    from piper.patch_voice_with_alignment import add_alignment_output

    model = onnx.load(str(files.model))
    try:
        add_alignment_output(model)
    except ValueError:  # already an output, or a model without it: words are estimated
        return str(files.model)
    return model.SerializeToString()


def word_events(text: str, chunks) -> tuple[tuple[int, int, float], ...]:
    """(start in the text, length, seconds) of each word, from each phoneme's samples.

    Piper's phonemes separate words with a space; when espeak-ng made as many words as the text
    has, the n-th phoneme word says the n-th written word and starts where its first sounding
    phoneme does. Otherwise (a number or an abbreviation read as several words) nothing is
    claimed, and the words are estimated by their length.
    """
    starts, offset = [], 0
    for chunk in chunks:
        alignments = chunk.phoneme_alignments
        if not alignments:
            return ()
        at, in_word = offset, False
        for phoneme in alignments:
            sounding = phoneme.phoneme.isalpha()
            if phoneme.phoneme == " ":
                in_word = False
            elif sounding and not in_word:
                starts.append(at)
                in_word = True
            at += int(phoneme.num_samples)
        offset += len(chunk.audio_int16_array)
    spans = words(text)
    if not chunks or len(spans) != len(starts):
        return ()
    rate = chunks[0].sample_rate
    return tuple(
        (start, end - start, round(sample / rate, 3))
        for (start, end), sample in zip(spans, starts, strict=True)
    )


def _threads() -> int:
    """ONNX Runtime threads per worker: the cores shared among the workers, at least one."""
    return max(1, (os.cpu_count() or 1) // kokoro_model.workers())


class _PiperSession:
    """One voice's ONNX Runtime session and Piper config, loaded once per worker process."""

    def __init__(self, name: str):
        files = voice_files.piper_voices().get(name)
        if files is None:
            raise SynthesisFailed(f"unknown Piper voice {name!r}")
        try:
            from piper.config import PiperConfig
            from piper.voice import PiperVoice

            config = voice_files.read_config(files)
            session = load_session(files, durations=True)
        except (ImportError, ValueError, OSError) as error:
            raise EngineUnavailable(f"the Piper voice {name} cannot be loaded: {error}") from error
        self._voice = PiperVoice(session=session, config=PiperConfig.from_dict(config))
        self._lock = threading.Lock()

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        import numpy
        from piper.config import SynthesisConfig

        config = self._voice.config
        spoken = mnemonics_to_ipa(text, config.espeak_voice)
        scale = length_scale_for(options.rate, config.length_scale)
        with self._lock:
            chunks = list(
                self._voice.synthesize(
                    spoken, SynthesisConfig(length_scale=scale), include_alignments=True
                )
            )
        if not chunks:
            raise SynthesisFailed("Piper made no audio for this text")
        samples = numpy.concatenate([chunk.audio_int16_array for chunk in chunks])
        # Words are found in the text as written: a lexicon's [[phonemes]] (rewritten above)
        # count as written words, so the events stay in step or none are claimed.
        events = word_events(text, chunks) if spoken == text else ()
        return Pcm(samples.astype("<i2").tobytes(), config.sample_rate, events)


def _file_version(files: voice_files.PiperVoiceFiles) -> str:
    try:
        stat = files.model.stat()
    except OSError:
        return "absent"
    return f"{stat.st_size}@{stat.st_mtime_ns}"


@once
def _voice(name: str, file_version: str) -> _PiperSession:
    return _PiperSession(name)


@once
def _piper_version() -> str:
    from reader.speech.engines.espeak import _espeak_version

    installed = voice_files.installed_version
    espeak = _espeak_version() or "none"
    return (
        f"piper-{installed('piper-tts')}+ort-{installed('onnxruntime')}"
        f"+r{PIPER_REVISION}+espeak-ng-{espeak}"
    )
