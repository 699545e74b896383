"""pyttsx3's espeak driver, synchronous: no poll in its run loop, no speech thread, no end pause."""

import sys
import wave

from pyttsx3.drivers import _espeak, espeak

from reader.speech.engines.base import SAMPLE_RATE

# pyttsx3 loads drivers by module name from its own package and has no registry to add one to.
NAME = "reader_espeak"
BUFFER_MS = 1000  # audio handed to the callback per call, as pyttsx3 asks for
# espeakPHONEMES: "[[...]]" is read as phoneme mnemonics (the lexicon's phoneme entries), as the
# espeak-ng command line does. Text without "[[" sounds the same, and the lexicon step breaks up
# any "[[" an article itself contains, so no cache key needs to change for it.
SYNTH_FLAGS = _espeak.CHARS_UTF8 | _espeak.PHONEMES


class EspeakDriver(espeak.EspeakDriver):
    """Synthesizes the utterance in the caller's thread and returns when it is finished.

    The stock driver starts libespeak-ng in AUDIO_OUTPUT_RETRIEVAL mode, where speech is made
    on libespeak-ng's own thread, and polls for the end with `sleep(0.01)`: up to 10 ms of idle
    time per sentence, half the synthesis time of a typical news sentence, plus a thread
    hand-off for every buffer (~8 % of synthesis CPU). AUDIO_OUTPUT_SYNCHRONOUS makes
    `espeak_Synth` call the same callback, with the same buffers and events, before it returns.
    """

    def __init__(self, proxy):
        # libespeak-ng is initialized once per process; the stock driver skips its own
        # initialization (RETRIEVAL mode) when this flag is already set.
        if not espeak.EspeakDriver._moduleInitialized:
            if _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS) == -1:
                raise RuntimeError("could not initialize espeak-ng")
            current = _espeak.GetCurrentVoice()
            named = current and current.contents.name
            # The same default voice the stock driver falls back to.
            espeak.EspeakDriver._defaultVoice = named.decode("utf-8") if named else "gmw/en"
            espeak.EspeakDriver._moduleInitialized = True
        super().__init__(proxy)

    def startLoop(self):  # noqa: N802 - pyttsx3's driver interface
        self._looping = True
        self._proxy.setBusy(False)  # runs the queued commands, ending with the loop's end
        if self._text_to_say:
            self._start_synthesis(self._text_to_say)

    def stop(self):
        # pyttsx3 calls stop() at the end of every run loop. The stock one cancels whenever
        # libespeak-ng reports itself busy, which in RETRIEVAL mode included a rate change still
        # queued in its command fifo (the sentence was then read at the previous rate). Only an
        # utterance actually being spoken is ever cancelled.
        if self._speaking:
            super().stop()

    def _onSynth(self, wav, numsamples, events):  # noqa: N802 - pyttsx3's callback name
        # espeak-ng's word events, which pyttsx3 turns into "started-word" notifications with
        # the word's place in the text but not its time: audio_position (ms from the start of
        # the utterance) is kept here with them. text_position counts characters from 1.
        if self._speaking:
            index = 0
            while events[index].type != _espeak.EVENT_LIST_TERMINATED:
                event = events[index]
                # After a rate change espeak-ng also reports empty "words" (length 0) at clause
                # ends: they say nothing, and are no word of the text.
                if event.type == _espeak.EVENT_WORD and event.length > 0 and event.text_position:
                    self.word_events.append(
                        (event.text_position - 1, event.length, event.audio_position / 1000)
                    )
                index += 1
        return super()._onSynth(wav, numsamples, events)

    def _start_synthesis(self, text):
        # As pyttsx3 does, without espeakENDPAUSE: the reading policy owns every pause, and
        # espeak-ng's 300 ms of end silence cost ~6 % of synthesis time per sentence.
        self._proxy.setBusy(True)
        self._proxy.notify("started-utterance")
        self._speaking = True
        # pyttsx3 appends each buffer with +=: onto bytes that copies the whole sentence so far
        # every time; a bytearray grows in place.
        self._data_buffer = bytearray()
        self.word_events = []
        try:
            _espeak.Synth(str(text).encode("utf-8"), flags=SYNTH_FLAGS)
        except Exception as error:
            self._speaking = False
            self._proxy.setBusy(False)
            self._proxy.notify("error", exception=error)
            raise
        self._finish_utterance()

    def _finish_utterance(self):
        # What the stock driver does on espeakEVENT_MSG_TERMINATED, an event synchronous mode
        # never sends: by the time espeak_Synth returns, every buffer has reached _onSynth.
        if self._save_file:
            with wave.open(self._save_file, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(SAMPLE_RATE)
                out.writeframes(self._data_buffer)
        self._data_buffer = b""
        self._speaking = False
        self._proxy.notify("finished-utterance", completed=True)
        self._proxy.setBusy(False)
        self.endLoop()


def buildDriver(proxy):  # noqa: N802 - pyttsx3's driver interface
    return EspeakDriver(proxy)


def register() -> str:
    """Make the driver loadable as pyttsx3.Engine(NAME); returns NAME."""
    sys.modules.setdefault(f"pyttsx3.drivers.{NAME}", sys.modules[__name__])
    return NAME
