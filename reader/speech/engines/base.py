"""The engine interface: what every speech engine offers, and the audio it returns."""

from dataclasses import dataclass

from reader.speech.options import SynthesisOptions

SAMPLE_RATE = 22050  # espeak-ng's native output rate


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit PCM audio."""

    samples: bytes
    sample_rate: int
    words: tuple[tuple[int, int, float], ...] = ()
    """The engine's word events, when it has them: (start in the text, length, seconds)."""


class EngineUnavailable(RuntimeError):
    """The engine cannot run on this machine; the message says what is missing."""


class SynthesisFailed(RuntimeError):
    """The engine ran but produced no audio."""


class Engine:
    """What every engine offers: a name, a version for cache keys, voices, and synthesis."""

    name = "base"
    loads_native_code = True
    """Whether listing voices loads the engine's library: then it is done in another process."""
    multilingual = False
    """Whether a voice speaks many languages: then the options name the text's language."""

    def is_available(self) -> bool:
        raise NotImplementedError

    def version(self) -> str:
        raise NotImplementedError

    def list_voices(self) -> dict[str, str]:
        """Voice id -> a person-readable name, asked of the engine itself.

        Where `loads_native_code`, call it only in a worker process or a subprocess (the
        VoiceCatalog does): never in a web server's request threads.
        """
        raise NotImplementedError

    def check_voices(self) -> tuple[dict[str, str], dict[str, str]]:
        """(voice id -> name, voice id -> why it cannot read): the voices, each one checked.

        An engine whose voices are files that can be broken one by one (Piper) reports those
        apart, so that only their languages fall back; by default every listed voice is good.
        """
        return self.list_voices(), {}

    def voice_data_stamp(self) -> str:
        """A value that changes when voices are installed or removed (checked without loading)."""
        return self.version()

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load what a first sentence would otherwise wait for (a worker calls it at start)."""
