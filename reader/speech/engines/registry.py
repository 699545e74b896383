"""The engines by name: ENGINES and get_engine, which checks the engine can run here."""

from reader.speech.engines.base import Engine, EngineUnavailable
from reader.speech.engines.espeak import EspeakEngine
from reader.speech.engines.silent import SilentEngine

ENGINES: dict[str, type[Engine]] = {"espeak": EspeakEngine, "silent": SilentEngine}


def get_engine(name: str) -> Engine:
    """The engine by name; EngineUnavailable when unknown or not installed here."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown speech engine {name!r}")
    engine = ENGINES[name]()
    if not engine.is_available():
        raise EngineUnavailable("espeak-ng is not installed (apt-get install espeak-ng)")
    return engine
