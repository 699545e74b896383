"""pyttsx3's espeak driver, minus the fixed 10 ms poll in its run loop."""

import sys

from pyttsx3.drivers import espeak

# pyttsx3 loads drivers by module name from its own package and has no registry to add one to.
NAME = "reader_espeak"


class EspeakDriver(espeak.EspeakDriver):
    """Starts the utterance and returns; the caller waits for pyttsx3's finished-utterance.

    libespeak-ng (AUDIO_OUTPUT_RETRIEVAL) synthesizes on its own thread and reports the end
    through the driver's callback, so the stock loop's `sleep(0.01)` only adds up to 10 ms of
    idle time to every sentence: half the synthesis time of a typical news sentence.
    """

    def startLoop(self):  # noqa: N802 - pyttsx3's driver interface
        self._looping = True
        self._proxy.setBusy(False)  # runs the queued commands, ending with the loop's end
        if self._text_to_say:
            self._start_synthesis(self._text_to_say)


def buildDriver(proxy):  # noqa: N802 - pyttsx3's driver interface
    return EspeakDriver(proxy)


def register() -> str:
    """Make the driver loadable as pyttsx3.Engine(NAME); returns NAME."""
    sys.modules.setdefault(f"pyttsx3.drivers.{NAME}", sys.modules[__name__])
    return NAME
