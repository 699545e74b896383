"""pyttsx3's espeak driver, minus the fixed 10 ms poll in its run loop and the end pause."""

import sys

from pyttsx3.drivers import _espeak, espeak

# pyttsx3 loads drivers by module name from its own package and has no registry to add one to.
NAME = "reader_espeak"
REVISION = 3  # part of every cache key: 2 dropped espeak-ng's end pause, 3 kept rate changes


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

    def stop(self):
        # pyttsx3 calls stop() at the end of every run loop, and the stock one cancels whenever
        # libespeak-ng is busy, which includes a rate change still queued in its command fifo:
        # the change was dropped and the sentence read at the previous rate. Only an utterance
        # actually being spoken is cancelled.
        if self._speaking:
            super().stop()

    def _start_synthesis(self, text):
        # As pyttsx3 does, without espeakENDPAUSE: the reading policy owns every pause, and
        # espeak-ng's 300 ms of end silence cost ~6 % of synthesis time per sentence.
        self._proxy.setBusy(True)
        self._proxy.notify("started-utterance")
        self._speaking = True
        self._data_buffer = b""
        try:
            _espeak.Synth(str(text).encode("utf-8"), flags=_espeak.CHARS_UTF8)
        except Exception as error:
            self._proxy.setBusy(False)
            self._proxy.notify("error", exception=error)
            raise


def buildDriver(proxy):  # noqa: N802 - pyttsx3's driver interface
    return EspeakDriver(proxy)


def register() -> str:
    """Make the driver loadable as pyttsx3.Engine(NAME); returns NAME."""
    sys.modules.setdefault(f"pyttsx3.drivers.{NAME}", sys.modules[__name__])
    return NAME
