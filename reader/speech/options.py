"""SynthesisOptions: every choice that shapes the audio of a sentence, as one typed value."""

from dataclasses import dataclass

MIN_RATE, MAX_RATE = 80, 450


@dataclass(frozen=True)
class SynthesisOptions:
    """What the engine is asked for; part of every cache key, and it pickles for workers."""

    voice: str
    """Engine voice id (espeak-ng: 'roa/fr')."""
    rate: int = 175
    """Speaking rate in words per minute."""
    engine: str = "espeak"
    """Engine name: 'espeak' (pyttsx3 driving espeak-ng), 'kokoro' (Kokoro-82M), 'piper' or
    'silent'."""
    audio_format: str = "opus"
    """Compressed format of the audio: 'opus' (Ogg/Opus) or 'mp3'."""
    bitrate: int = 32
    """Bit rate of the compressed audio in kbit/s."""
    language: str = ""
    """The text's language (ISO 639-1): Kokoro's voices speak many, and it picks the phonemizer."""
    voice_data: str = ""
    """A digest of the voice's own files (Piper: model and config), so a replaced voice file
    gives new cache keys; empty for voices that come with their engine's version."""

    def __post_init__(self) -> None:
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise ValueError(f"rate must be between {MIN_RATE} and {MAX_RATE} words per minute")
