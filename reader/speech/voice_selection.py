"""Which engine and voice read a language here: the configured engine, or auto's measured
choice among the voices installed, and how a listener names them."""

import logging
from dataclasses import dataclass, replace

from reader.speech import voice_choice
from reader.speech.engines import voice_files
from reader.speech.engines.base import Engine, EngineUnavailable
from reader.speech.engines.registry import AUTO, ENGINES, get_engine
from reader.speech.options import SynthesisOptions

log = logging.getLogger(__name__)
ENGINE_LABELS = {
    "espeak": "espeak-ng",
    "kokoro": "Kokoro-82M",
    "piper": "Piper",
    "silent": "silent",
}
"""Each engine as a person knows it, on the page that says how the audio is made."""
ENGINE_LICENCES = {"espeak": "GPL-3.0-or-later", "kokoro": "Apache-2.0"}
"""The licence of an engine's own voices (a Piper voice's is its own, from its files)."""


@dataclass(frozen=True)
class VoiceDescription:
    """A voice in plain words: who speaks, with which engine, neural or not, and its licence."""

    voice: str
    """The id a listener's request names it by (`engine:voice` under auto)."""
    speaker: str
    engine: str
    """The engine as a person knows it ("Kokoro-82M")."""
    neural: bool
    licence: str


NEURAL_ENGINES = ("kokoro", "piper")
"""The engines that may read under auto besides espeak-ng, when installed."""


def engines_for(setting: str) -> tuple[str, ...]:
    """The engines that may read under a setting: under auto, Kokoro and Piper when installed,
    and espeak-ng (last: it reads every language); else the one engine named."""
    if setting != AUTO:
        return (setting,)
    neural = tuple(name for name in NEURAL_ENGINES if ENGINES[name]().is_available())
    return (*neural, "espeak")


class VoiceSelection:
    """The speech service's voice choices; it needs `config`, `catalogs`, `voices` and
    `_fell_back` (languages already logged as falling back) on the instance."""

    def engine_names(self) -> tuple[str, ...]:
        """The engines that may read here, as found when the service started."""
        return tuple(self.catalogs)

    def voices_version(self) -> tuple[int, ...]:
        """Changes whenever the voices listed here or their problems do (after a new listing)."""
        return tuple(
            catalog.version for catalog in self.catalogs.values() if catalog.voices() is not None
        )

    def engine(self) -> Engine:
        """The configured engine (under auto, espeak-ng, which can read every language);
        EngineUnavailable when it cannot run here."""
        return get_engine(self.engine_names()[-1])

    def engine_version(self) -> str:
        """Every engine that may read here, with its version: part of every cache key."""
        self.engine()
        return " ".join(version for _name, version in _versions(self.engine_names()))

    def engine_description(self, lang: str | None = None) -> str:
        """The engine that reads the language (every one here without a language), with versions.

        EngineUnavailable when the configured engine cannot run here.
        """
        self.engine()
        choice = self.choice_for(lang) if lang else None
        names = (choice.engine,) if choice is not None else self.engine_names()
        return "; ".join(
            f"{ENGINE_LABELS.get(name, name)} ({version})" for name, version in _versions(names)
        )

    def choice_for(self, lang: str | None, region: str | None = None) -> voice_choice.Choice | None:
        """The engine and voice that read the language here, or None.

        `region`, the one the article's language tag names ("US" in en-US), picks espeak-ng's
        regional voice where it has one (American English, Latin American Spanish, Brazilian
        Portuguese); without one, or when that voice is not installed, the language's own.
        """
        if self.config.engine == AUTO:
            added = self.piper_voices_for(lang)
            chosen = voice_choice.choose(
                lang, self._is_listed, self.config.voices, added, region=region
            )
            wanted = voice_choice.ranked(lang, unmeasured=added, region=region)[:1]
            fell_back = chosen is not None and wanted and chosen != wanted[0]
            if fell_back and lang not in self._fell_back:
                self._fell_back.add(lang)
                log.warning("%s: %s cannot read here; %s reads instead", lang, wanted[0], chosen)
            return chosen
        override = self.config.voices.get(lang or "")
        if override and voice_choice.Choice.parse(override).engine == self.config.engine:
            chosen = voice_choice.Choice.parse(override)
            if self._is_listed(chosen):
                return chosen
        if self.config.engine == "piper":
            return next(iter(self.piper_voices_for(lang)), None)
        if self.config.engine == "kokoro":
            if not ENGINES["kokoro"].speaks(lang):
                return None
            voice = voice_choice.best_voice(lang, "kokoro") or voice_choice.KOKORO_DEFAULT
            chosen = voice_choice.Choice("kokoro", voice)
            return chosen if self._is_listed(chosen) else None
        for espeak in voice_choice.espeak_choices(lang, region):
            chosen = voice_choice.Choice(self.config.engine, espeak.voice)
            if self._is_listed(chosen):
                return chosen
        return None

    def piper_voices_for(self, lang: str | None) -> tuple[voice_choice.Choice, ...]:
        """The Piper voices listed here that speak the language, by name."""
        catalog = self.catalogs.get("piper")
        if catalog is None or not lang:
            return ()
        return tuple(
            voice_choice.Choice("piper", voice)
            for voice in sorted(catalog.voices())
            if voice_files.language_of(voice) == lang
        )

    def voice_choices(self, lang: str | None) -> list[voice_choice.Choice]:
        """Every listed voice that can read the language: the one chosen first, then the
        other neural ones, then espeak-ng's."""
        chosen = self.choice_for(lang)
        found = [chosen] if chosen is not None else []
        options = [*self.piper_voices_for(lang)]
        if lang and "kokoro" in self.catalogs and ENGINES["kokoro"].speaks(lang):
            options += [voice_choice.Choice("kokoro", v) for v in self.catalogs["kokoro"].voices()]
        espeak = voice_choice.espeak_choice(lang)
        if espeak is not None:
            options.append(espeak)
        for option in options:
            if option not in found and self._is_listed(option):
                found.append(option)
        return found

    def describe(self, choice: voice_choice.Choice) -> VoiceDescription:
        """The voice in plain words, for the voice menu and the More info page."""
        name = self.voice_name(self._public_id(choice))
        neural = choice.engine in NEURAL_ENGINES
        # "Kumo (Kokoro, male)" is Kumo; espeak-ng's "French (France)" is its whole name.
        speaker = name.split(" (")[0] if neural else name
        licence = ENGINE_LICENCES.get(choice.engine, "")
        files = voice_files.piper_voices().get(choice.voice) if choice.engine == "piper" else None
        if files is not None:
            licence = voice_files.licence(files)
        return VoiceDescription(
            self._public_id(choice),
            speaker,
            ENGINE_LABELS.get(choice.engine, choice.engine),
            neural,
            licence,
        )

    def voice_problems(self) -> list[str]:
        """Voices that cannot read here, each with why and what reads its language instead."""
        notes = []
        for engine, catalog in self.catalogs.items():
            for voice, reason in sorted(catalog.problems.items()):
                if engine == "piper":
                    lang = voice_files.language_of(voice)
                    instead = self.choice_for(lang)
                    notes.append(
                        f"piper:{voice} cannot read ({reason}); {lang} is read by "
                        f"{instead or 'no voice'}"
                    )
                elif voice == engine:  # the whole engine: each language's next choice reads
                    notes.append(f"{engine}: {reason}")
                else:
                    notes.append(f"{engine}:{voice} cannot read ({reason})")
        return notes

    def voice_for(self, lang: str | None) -> str | None:
        """The installed voice for a language as the listener names it, or None."""
        choice = self.choice_for(lang)
        return None if choice is None else self._public_id(choice)

    def voices_for(self, lang: str) -> list[tuple[str, str]]:
        """(voice id, name) of every installed voice that reads the language, the default first.

        The measured choices (a neural voice, espeak-ng's), then espeak-ng's regional variants
        of the language ("roa/fr-be"). Empty when nothing installed speaks it.
        """
        candidates = [self.choice_for(lang), *voice_choice.ranked(lang)]
        espeak = self.catalogs.get("espeak")
        if espeak is not None and self.config.engine in {AUTO, "espeak"}:
            for voice in sorted(espeak.voices()):
                own = voice.rsplit("/", 1)[-1]
                if own == lang or own.startswith(f"{lang}-"):
                    candidates.append(voice_choice.Choice("espeak", voice))
        found: dict[str, str] = {}
        for choice in candidates:
            if choice is None or not self._is_listed(choice):
                continue
            public = self._public_id(choice)
            found.setdefault(public, self.voice_name(public))
        return list(found.items())

    def _public_id(self, choice: voice_choice.Choice) -> str:
        return str(choice) if self.config.engine == AUTO else choice.voice

    def _from_public_id(self, voice: str) -> voice_choice.Choice:
        if self.config.engine != AUTO:
            return voice_choice.Choice(self.config.engine, voice)
        if ":" not in voice:  # a bare espeak-ng id, as a single-engine server names it
            return voice_choice.Choice("espeak", voice)
        return voice_choice.Choice.parse(voice)

    def _is_listed(self, choice: voice_choice.Choice) -> bool:
        catalog = self.catalogs.get(choice.engine)
        if catalog is None:
            return False
        if choice.engine != self.config.engine and self.config.engine != AUTO:
            return False
        return choice.voice in catalog.voices()

    def _options_for(self, choice: voice_choice.Choice, lang: str | None, base: SynthesisOptions):
        """The base options with this engine and voice, for text in this language."""
        engine = ENGINES.get(choice.engine)
        language = (lang or "") if engine is not None and engine.multilingual else ""
        voice_data = ""
        if choice.engine == "piper":
            files = voice_files.piper_voices().get(choice.voice)
            voice_data = voice_files.digest(files.model, files.config) if files else ""
        elif choice.engine == "kokoro":
            pack = voice_files.kokoro_packs().get(choice.voice)
            voice_data = voice_files.digest(pack) if pack else ""
        return replace(
            base,
            engine=choice.engine,
            voice=choice.voice,
            language=language,
            voice_data=voice_data,
        )

    def voice_name(self, voice: str) -> str:
        """A person-readable name for a voice id ("French (France)")."""
        return self.voices.voices().get(voice, voice)


def _versions(names) -> list[tuple[str, str]]:
    """(engine, version) for each of the engines that can run here."""
    found = []
    for name in names:
        try:
            found.append((name, get_engine(name).version()))
        except EngineUnavailable:
            continue
    return found
