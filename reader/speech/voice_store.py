"""Voices installed like data: list them, add a Piper voice or Kokoro voice pack, remove one.

`add` takes files, a folder, an address, or a bare Piper voice name (its address built from
READER_VOICES_URL). Every file is downloaded or copied to a temporary file in the voices folder,
checked (sha256 given, or the md5 and size the collection's voices.json lists; the config
parsed; the model loaded once by ONNX Runtime), and only then renamed into place: a failed add
leaves nothing behind, and a running server never sees half a voice.
"""

import hashlib
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.speech.engines import kokoro_model, voice_files
from reader.speech.voice_selection import ENGINE_LICENCES

MAX_DOWNLOAD_BYTES = 1 << 30  # the largest Piper voices are ~120 MB
DOWNLOAD_TIMEOUT_SECONDS = 60
PIPER_NAME = re.compile(
    r"^(?P<lang>[a-z]{2,3})_(?P<region>[A-Z]{2})-(?P<name>[A-Za-z0-9_]+)-"
    r"(?P<quality>x_low|low|medium|high)$"
)
KOKORO_SUFFIXES = (".npy", ".bin")
LICENCE_LINE = re.compile(r"licen[cs]e\s*:\s*(.+)", re.IGNORECASE)
Progress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or None) while a file arrives."""


class VoiceStoreError(RuntimeError):
    """A voice cannot be added or removed; the message says why, in an operator's words."""


@dataclass(frozen=True)
class Expected:
    """What a file must match before it is installed: any of the checks that are known."""

    sha256: str | None = None
    md5: str | None = None
    size: int | None = None


@dataclass(frozen=True)
class VoiceRow:
    """One voice as `reader voices list` prints it."""

    language: str
    voice: str
    """`engine:voice`."""
    name: str
    quality: str
    sample_rate: int
    size: int | None
    licence: str
    problem: str = ""


@dataclass(frozen=True)
class Added:
    """What `add` installed."""

    engine: str
    name: str
    files: tuple[Path, ...]


def rows(catalogs: dict) -> list[VoiceRow]:
    """Every voice the engines list here (and the ones that cannot read), by language."""
    found = []
    for engine, catalog in catalogs.items():
        for voice, name in catalog.voices().items():
            found.append(_row(engine, voice, name))
        for voice, reason in catalog.problems.items():
            if voice != engine:
                found.append(_row(engine, voice, voice, reason))
    return sorted(found, key=lambda row: (row.language, row.voice))


def _row(engine: str, voice: str, name: str, problem: str = "") -> VoiceRow:
    if engine == "piper":
        files = voice_files.piper_voices().get(voice)
        try:
            details = voice_files.info(files) if files is not None else None
        except ValueError:
            details = None
        if details is not None:
            return VoiceRow(
                details.language,
                f"piper:{voice}",
                name,
                details.quality,
                details.sample_rate,
                details.size,
                details.licence,
                problem,
            )
        return VoiceRow(voice_files.language_of(voice), f"piper:{voice}", name, "", 0, None, "")
    if engine == "kokoro":
        pack = voice_files.kokoro_packs().get(voice)
        size = _size(pack) if pack else _size(kokoro_model.model_dir() / kokoro_model.MODEL_FILE)
        return VoiceRow(
            "*",
            f"kokoro:{voice}",
            name,
            "neural",
            kokoro_model.SAMPLE_RATE,
            size,
            ENGINE_LICENCES["kokoro"],
        )
    language = voice.rsplit("/", 1)[-1].split("-")[0]
    return VoiceRow(
        language, f"{engine}:{voice}", name, "formant", 22050, None, ENGINE_LICENCES.get(engine, "")
    )


def _size(path: Path | None) -> int | None:
    try:
        return path.stat().st_size if path is not None else None
    except OSError:
        return None


def voice_address(name: str, layout: str) -> str:
    """The model's address for a bare Piper voice name, from the layout setting."""
    match = PIPER_NAME.match(name)
    if match is None:
        raise VoiceStoreError(
            f"{name!r} is not a Piper voice name (language_REGION-name-quality, "
            "e.g. fr_FR-siwis-medium), a file or an address"
        )
    lang, region = match["lang"], match["region"]
    try:
        return layout.format(
            lang=lang,
            lang_region=f"{lang}_{region}",
            name=match["name"],
            quality=match["quality"],
            voice=name,
        )
    except (KeyError, IndexError, ValueError) as error:
        raise VoiceStoreError(f"READER_VOICES_URL is not a valid layout: {error}") from error


def add(
    source: str,
    layout: str,
    sha256: str | None = None,
    progress: Progress | None = None,
    target: Path | None = None,
) -> list[Added]:
    """Install the voice (or every voice of a folder) named by source; VoiceStoreError if not."""
    target = target or voice_files.voices_dir()
    if re.match(r"^https?://", source):
        return [_add_address(source, sha256, progress, target, checks={})]
    path = Path(source).expanduser()
    if path.is_dir():
        models = sorted(path.glob("*.onnx")) + sorted(
            p for suffix in KOKORO_SUFFIXES for p in path.glob(f"*{suffix}")
        )
        if not models:
            raise VoiceStoreError(f"{path} holds no voice (NAME.onnx and NAME.onnx.json, or .npy)")
        if sha256 and len(models) > 1:
            raise VoiceStoreError("--sha256 names one file, but the folder holds several voices")
        return [_add_local(model, sha256, target) for model in models]
    if path.exists():
        return [_add_local(path, sha256, target)]
    if PIPER_NAME.match(source) and not source.endswith((".onnx", ".json")):
        address = voice_address(source, layout)
        checks = _published_checks(address, layout, source)
        return [_add_address(address, sha256, progress, target, checks)]
    raise VoiceStoreError(f"{source}: no such file or folder, and not a Piper voice name")


def _add_local(path: Path, sha256: str | None, target: Path) -> Added:
    if path.name.endswith(".onnx.json"):
        path = path.with_name(path.name.removesuffix(".json"))
    if path.suffix in KOKORO_SUFFIXES:
        with _staged(target) as stage:
            staged = stage.copy(path, Expected(sha256=sha256))
            return _install_kokoro(staged, path.stem, target)
    if path.suffix != ".onnx":
        raise VoiceStoreError(
            f"{path.name}: a voice is NAME.onnx with NAME.onnx.json, or a Kokoro .npy/.bin pack"
        )
    config = path.with_name(path.name + ".json")
    if not path.is_file() or not config.is_file():
        raise VoiceStoreError(f"{path.stem} needs both {path.name} and {config.name}")
    with _staged(target) as stage:
        model = stage.copy(path, Expected(sha256=sha256))
        staged_config = stage.copy(config, Expected())
        licence = _licence_from(_read_text(path.with_name("MODEL_CARD")))
        return _install_piper(path.stem, model, staged_config, licence, target)


def _add_address(
    address: str,
    sha256: str | None,
    progress: Progress | None,
    target: Path,
    checks: dict[str, Expected],
) -> Added:
    path = urllib.parse.urlsplit(address).path
    file_name = urllib.parse.unquote(path.rsplit("/", 1)[-1])
    if file_name.endswith(".onnx.json"):
        address, file_name = address.removesuffix(".json"), file_name.removesuffix(".json")
    stem, suffix = os.path.splitext(file_name)
    if not voice_files.valid_name(stem):
        raise VoiceStoreError(f"{address}: the file name {file_name!r} is not a voice name")
    with _staged(target) as stage:
        if suffix in KOKORO_SUFFIXES:
            staged = stage.download(address, Expected(sha256=sha256), progress)
            return _install_kokoro(staged, stem, target)
        if suffix != ".onnx":
            raise VoiceStoreError(
                f"{address}: an address names a Piper NAME.onnx (its .json beside it) "
                "or a Kokoro .npy/.bin pack"
            )
        model_check = checks.get("onnx", Expected())
        model = stage.download(
            address, Expected(sha256, model_check.md5, model_check.size), progress
        )
        config = stage.download(address + ".json", checks.get("json", Expected()), None)
        card = address.rsplit("/", 1)[0] + "/MODEL_CARD"
        licence = _licence_from(_fetch_small(card))
        return _install_piper(stem, model, config, licence, target)


def _published_checks(address: str, layout: str, voice: str) -> dict[str, Expected]:
    """The md5 and size the collection's voices.json lists for the voice's files, if it has one.

    voices.json sits at the root of the layout (the address before its first placeholder).
    """
    root = layout.split("{", 1)[0]
    if not root.endswith("/"):
        return {}
    listing = _fetch_small(root + "voices.json")
    try:
        files = json.loads(listing or "{}").get(voice, {}).get("files", {})
    except (ValueError, AttributeError):
        return {}
    relative = address.removeprefix(root)
    checks = {}
    for kind, path in (("onnx", relative), ("json", relative + ".json")):
        entry = files.get(path)
        if isinstance(entry, dict):
            checks[kind] = Expected(None, entry.get("md5_digest"), entry.get("size_bytes"))
    return checks


def _fetch_small(address: str, limit: int = 1 << 20) -> str | None:
    """A small text file from an address, or None when it is not there."""
    try:
        with urllib.request.urlopen(address, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            return response.read(limit).decode("utf-8", "replace")
    except (OSError, ValueError):
        return None


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _licence_from(card: str | None) -> str | None:
    """The licence a Piper model card names ("* License: CC0"), or None."""
    for line in (card or "").splitlines():
        match = LICENCE_LINE.search(line)
        if match:
            return match.group(1).strip()
    return None


class _Stage:
    """Temporary files in the voices folder; whatever is not installed is removed at the end."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.paths: list[Path] = []

    def new(self, name: str) -> tuple[int, Path]:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.folder)
        path = Path(temp)
        self.paths.append(path)
        return handle, path

    def copy(self, source: Path, expected: Expected) -> "_Staged":
        handle, temp = self.new(source.name)
        digests = _Digests()
        with os.fdopen(handle, "wb") as out, open(source, "rb") as file:
            while chunk := file.read(1 << 20):
                digests.update(chunk)
                out.write(chunk)
        return _Staged(temp, source.name, digests.check(expected, source.name))

    def download(self, address: str, expected: Expected, progress: Progress | None) -> "_Staged":
        name = urllib.parse.unquote(urllib.parse.urlsplit(address).path.rsplit("/", 1)[-1])
        handle, temp = self.new(name)
        digests = _Digests()
        try:
            with (
                os.fdopen(handle, "wb") as out,
                urllib.request.urlopen(address, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response,
            ):
                length = response.headers.get("Content-Length")
                total = int(length) if length and length.isdigit() else None
                while chunk := response.read(1 << 16):
                    digests.update(chunk)
                    if digests.size > MAX_DOWNLOAD_BYTES:
                        raise VoiceStoreError(f"{address} is larger than a voice can be")
                    out.write(chunk)
                    if progress is not None:
                        progress(digests.size, total)
        except urllib.error.HTTPError as error:
            raise VoiceStoreError(f"{address}: the server answered {error.code}") from error
        except (OSError, ValueError) as error:
            raise VoiceStoreError(f"{address} cannot be downloaded: {error}") from error
        if total is not None and digests.size != total:
            raise VoiceStoreError(f"{address} arrived cut short ({digests.size} of {total} bytes)")
        return _Staged(temp, name, digests.check(expected, name))


@dataclass(frozen=True)
class _Staged:
    path: Path
    name: str
    sha256: str


class _Digests:
    """sha256 (ours), md5 (what Piper's voices.json lists) and size of a file as it arrives."""

    def __init__(self):
        self.sha256, self.md5, self.size = hashlib.sha256(), hashlib.md5(), 0

    def update(self, chunk: bytes) -> None:
        self.sha256.update(chunk)
        self.md5.update(chunk)
        self.size += len(chunk)

    def check(self, expected: Expected, name: str) -> str:
        """The sha256; VoiceStoreError when a known size or checksum differs."""
        sha256 = self.sha256.hexdigest()
        if expected.size is not None and self.size != expected.size:
            raise VoiceStoreError(f"{name}: {self.size} bytes, expected {expected.size}")
        if expected.sha256 and sha256 != expected.sha256.lower():
            raise VoiceStoreError(f"{name}: sha256 {sha256}, expected {expected.sha256}")
        if expected.md5 and self.md5.hexdigest() != expected.md5.lower():
            raise VoiceStoreError(f"{name}: md5 {self.md5.hexdigest()}, expected {expected.md5}")
        return sha256


@contextmanager
def _staged(folder: Path) -> Iterator[_Stage]:
    """A stage in the folder (made if need be); its temporary files are removed on the way out."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise VoiceStoreError(f"the voices folder cannot be made: {error}") from error
    stage = _Stage(folder)
    try:
        yield stage
    finally:
        for path in stage.paths:
            path.unlink(missing_ok=True)


def _install_piper(
    name: str, model: _Staged, config: _Staged, licence: str | None, target: Path
) -> Added:
    if not voice_files.valid_name(name):
        raise VoiceStoreError(f"{name!r} is not a voice name")
    staged = voice_files.PiperVoiceFiles(name, model.path, config.path)
    try:
        config_data = voice_files.read_config(staged)
    except ValueError as error:
        raise VoiceStoreError(f"{name}.onnx.json is not a Piper voice config: {error}") from error
    if (config_data.get("phoneme_type") or "espeak") != "espeak":
        raise VoiceStoreError(f"{name} needs the {config_data['phoneme_type']} phonemizer")
    from reader.speech.engines import piper
    from reader.speech.engines.base import EngineUnavailable

    try:
        piper.load_session(staged)  # a truncated or corrupt model is refused here
    except EngineUnavailable as error:
        raise VoiceStoreError(f"{name} cannot be checked here: {error}") from error
    except ValueError as error:
        raise VoiceStoreError(str(error).replace(model.path.name, f"{name}.onnx")) from error
    final_model = target / f"{name}.onnx"
    final_config = target / f"{name}.onnx.json"
    checksum = final_model.with_name(final_model.name + voice_files.CHECKSUM_SUFFIX)
    licence_file = final_model.with_name(final_model.name + voice_files.LICENCE_SUFFIX)
    for path in (model.path, config.path):
        os.chmod(path, 0o644)  # mkstemp's 0600 would hide it from the server's account
    # The checksum goes first so that the model is never beside another model's checksum.
    checksum.unlink(missing_ok=True)
    os.replace(config.path, final_config)
    os.replace(model.path, final_model)
    _write_atomic(checksum, model.sha256 + "\n")
    if licence:
        _write_atomic(licence_file, licence + "\n")
    return Added("piper", name, (final_model, final_config))


def _install_kokoro(staged: _Staged, name: str, target: Path) -> Added:
    import numpy

    try:
        if staged.name.endswith(".npy"):
            styles = numpy.load(staged.path, allow_pickle=False)
        else:  # a raw float32 voice tensor, as Kokoro's ONNX releases ship them
            styles = numpy.fromfile(staged.path, dtype="<f4")
            styles = styles.reshape(-1, 1, voice_files.KOKORO_STYLE_WIDTH)
    except (ValueError, OSError) as error:
        raise VoiceStoreError(f"{staged.name} is not a Kokoro voice pack: {error}") from error
    if styles.ndim < 2 or styles.shape[-1] != voice_files.KOKORO_STYLE_WIDTH or not len(styles):
        raise VoiceStoreError(
            f"{staged.name} is not a Kokoro voice pack "
            f"(shape {styles.shape}, expected (N, 1, {voice_files.KOKORO_STYLE_WIDTH}))"
        )
    folder = target / voice_files.KOKORO_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{name}.npy"
    handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            numpy.save(out, styles.astype("<f4").reshape(len(styles), 1, -1))
        os.chmod(temp, 0o644)
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Added("kokoro", name, (final,))


def _write_atomic(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def remove(name: str, target: Path | None = None) -> list[Path]:
    """Remove an added voice by name (Piper or Kokoro); VoiceStoreError when it cannot be."""
    target = target or voice_files.voices_dir()
    name = name.split(":", 1)[-1]
    if not voice_files.valid_name(name):
        raise VoiceStoreError(f"{name!r} is not a voice name")
    model = target / f"{name}.onnx"
    piper_files = [
        model,
        model.with_name(model.name + ".json"),
        model.with_name(model.name + voice_files.CHECKSUM_SUFFIX),
        model.with_name(model.name + voice_files.LICENCE_SUFFIX),
    ]
    pack = target / voice_files.KOKORO_FOLDER / f"{name}.npy"
    found = [path for path in [*piper_files, pack] if path.is_file()]
    if not found:
        packaged = voice_files.piper_voices().get(name)
        if packaged is not None and packaged.package:
            raise VoiceStoreError(
                f"{name} comes with the Python package {packaged.package}: "
                f"pip uninstall {packaged.package} removes it"
            )
        raise VoiceStoreError(f"there is no added voice named {name!r} in {target}")
    for path in found:  # the model first: without it the rest is not a voice
        path.unlink(missing_ok=True)
    _remove_if_empty(target / voice_files.KOKORO_FOLDER)
    return found


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
