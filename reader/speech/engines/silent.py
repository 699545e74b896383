"""The silent engine: valid silence whose length grows with the text, for fast tests."""

from reader.speech.engines.base import SAMPLE_RATE, Engine, Pcm
from reader.speech.options import SynthesisOptions


class SilentEngine(Engine):
    """Valid silence whose length grows with the text: jobs, cache and API tests need no voice."""

    name = "silent"
    loads_native_code = False
    SECONDS_PER_CHARACTER = 0.06

    def is_available(self) -> bool:
        return True

    def version(self) -> str:
        return "silent-1"

    def list_voices(self) -> dict[str, str]:
        from reader.text.languages import LANGUAGES

        return {lang.espeak_voice: lang.english_name for lang in LANGUAGES.values()}

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        seconds = max(0.2, len(text) * self.SECONDS_PER_CHARACTER * 175 / options.rate)
        return Pcm(b"\x00\x00" * int(seconds * SAMPLE_RATE), SAMPLE_RATE)
