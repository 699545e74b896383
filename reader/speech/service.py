"""The speech service: options, voices, and starting or joining an article's render."""

import os
import threading

from reader import metrics
from reader.memo import Memo
from reader.models import Article, ArticleVersion
from reader.speech.audio.formats import (
    DEFAULT_BITRATES,
    FORMATS,
    cache_validators,
)
from reader.speech.cache import AudioCache, cache_key
from reader.speech.claims import JobsUnavailable, LocalClaims
from reader.speech.engines import kokoro_model, voice_files
from reader.speech.engines.base import EngineUnavailable
from reader.speech.engines.registry import AUTO
from reader.speech.heap import give_back_freed_memory
from reader.speech.jobs import JobRunner
from reader.speech.lexicon import EMPTY, Lexicon
from reader.speech.normalize import NORMALIZER_VERSION, normalize
from reader.speech.options import MAX_RATE, MIN_RATE, SynthesisOptions
from reader.speech.playback import CachedAudio, Playback
from reader.speech.policy import Utterance, read_in_order
from reader.speech.render import ARTICLE_KIND, PlannedFile, Render, RenderRequest
from reader.speech.settings import SpeechConfig, SpeechRequestError, VoiceUnavailable
from reader.speech.shared_jobs import SharedRunner
from reader.speech.track import TRACK_SUFFIX, TrackFile
from reader.speech.voice_selection import VoiceSelection, engines_for
from reader.speech.voices import AllVoices, VoiceCatalog
from reader.speech.worker import SentenceAudio, SentenceJob, cached_sentence
from reader.text.languages import LANGUAGES, language_of_espeak_voice

# A render with failed sentences is shown as it is for this long before trying them again.
FAILURE_GRACE_SECONDS = 60.0
# While the audio cache cannot be written, this many finished renders are kept in memory.
MAX_HELD_RENDERS = 8
# The list page shows every article's audio length, and planning an article to find its file
# takes milliseconds (normalizing every sentence): what the plan found is remembered, for this
# many article versions.
PLANS_REMEMBERED = 2048
# What a listener may ask of an article's audio besides its lexicon, as playback() names it.
_ASKED = ("rate", "voice", "audio_format", "language", "read_hashtags")
# Unplannable here (no engine, no voice): the list shows no length.
_NO_PLAN = "no plan"


class SpeechService(VoiceSelection):
    """Turns stored articles into audio through the job runner and the cache."""

    def __init__(self, config: SpeechConfig, claims=None):
        """`claims`: where sentence claims are shared (the database); by default, Redis under
        the celery backend, else this process only."""
        self.config = config
        self.cache = AudioCache(config.cache_root, cache_validators())
        # Made now, not at the first write: a Celery worker on this machine writes into the
        # job's folder when it exists (else its own, the shared folder mounted elsewhere).
        os.makedirs(config.cache_root, exist_ok=True)
        kokoro_model.configure(config.model_dir, config.workers)
        voice_files.configure(config.voices_dir)
        if config.job_backend == "celery":
            from reader.speech.celery_jobs import CeleryRunner, make_celery
            from reader.speech.claims import RedisClaims

            self.celery = make_celery(config.broker_url or config.redis_url, config.timeout)
            backend = CeleryRunner(self.celery, max(config.workers, 1), config.timeout)
            claims = RedisClaims(config.redis_url)  # every machine sees Redis
        else:
            self.celery = None
            backend = JobRunner(
                config.workers,
                config.timeout,
                engine_name=config.engine,
                model_dir=config.model_dir,
            )
        self.runner = SharedRunner(
            backend, claims or LocalClaims(), self.cache, FAILURE_GRACE_SECONDS
        )
        # Under auto, each engine's voices, listed apart; ids are then `engine:voice`.
        self.catalogs = {name: VoiceCatalog(name) for name in engines_for(config.engine)}
        self.voices = (
            AllVoices(self.catalogs) if config.engine == AUTO else self.catalogs[config.engine]
        )
        self._renders: dict[str, Render] = {}
        self._fell_back: set[str | None] = set()
        self._lock = threading.Lock()
        # What an article's plan is keyed by → its file's key (the list page), or the
        # PlannedFile a listener's request found (playback()).
        self._planned = Memo(PLANS_REMEMBERED)
        self._lengths = Memo(PLANS_REMEMBERED)  # a rendered file's key → its length in seconds

    def start(self, list_voices: bool = True, workers: int | None = None) -> None:
        """What a server does once at start: list the voices and start the workers.

        A web worker forked from a server that listed the voices already starts only its own
        pool of `workers` processes (its share of the server's).
        """
        if list_voices:
            self.voices.refresh()  # an engine missing here is logged now, not met by a reader
        if workers is not None:
            self.runner.workers = workers
        self.runner.start()

    def readiness(self) -> dict[str, bool]:
        """What a load balancer asks before sending readers: workers, and a voice to read with."""
        try:
            self.engine()
            has_voices = bool(self.voices.voices())
        except EngineUnavailable:
            has_voices = False
        return {"workers": self.runner.is_ready(), "voices": has_voices}

    def cache_state(self) -> str:
        """ "writable", or why the audio cache cannot be written (renders then stay in memory)."""
        error = self.cache.write_error
        return "writable" if error is None else f"cannot be written ({error}): audio kept in memory"

    def audio_format(self, name: str | None = None) -> str:
        """The format asked for, or the configured one when it can be made here, else MP3."""
        if name is not None:
            if name not in FORMATS:
                raise SpeechRequestError(f"unknown audio format {name!r}")
            if not FORMATS[name].is_available():
                raise SpeechRequestError(f"{name} audio cannot be made on this server")
            return name
        configured = FORMATS[self.config.audio_format]
        return configured.name if configured.is_available() else "mp3"

    def options(
        self,
        lang: str | None,
        rate: int | None = None,
        voice: str | None = None,
        audio_format: str | None = None,
        region: str | None = None,
    ):
        """Validated synthesis options for an article's language (and the region its tag
        names, which may pick a regional voice)."""
        self.engine()  # EngineUnavailable (a 503) before any "no voice" answer
        rate = self.config.rate if rate is None else rate
        if not MIN_RATE <= rate <= MAX_RATE:
            raise SpeechRequestError(f"rate must be between {MIN_RATE} and {MAX_RATE}")
        audio_format = self.audio_format(audio_format)
        if voice is not None:
            try:
                choice = self._from_public_id(voice)
            except ValueError as error:
                raise SpeechRequestError(str(error)) from error
            if not self._is_listed(choice):
                raise SpeechRequestError(f"unknown voice {voice!r}")
        else:
            choice = self.choice_for(lang, region)
        if choice is None:
            raise VoiceUnavailable(lang)
        bitrate = self.config.bitrates.get(audio_format, DEFAULT_BITRATES[audio_format])
        base = SynthesisOptions(choice.voice, rate, choice.engine, audio_format, bitrate)
        return self._options_for(choice, lang, base)

    def request(
        self,
        article: Article,
        rate: int | None = None,
        voice: str | None = None,
        audio_format: str | None = None,
        start_first: bool = False,
        language: str | None = None,
        lexicon: Lexicon = EMPTY,
        read_hashtags: bool | None = None,
    ):
        """Plan the article, with the lexicon applied, and key every utterance.

        `read_hashtags`, a listener's own choice, overrides the server's READ_HASHTAGS.

        A sentence's key covers the text given to the engine, after the lexicon: an entry
        changes the keys of exactly the sentences it rewrites, and of no other.

        Nothing is synthesized, unless `start_first`: then the first utterance for each worker
        starts as soon as it is planned when its audio is not cached, ~3 ms before the rest of
        the plan is normalized and the article's own cache can be checked. The render started
        next joins those jobs in flight, or finds their audio cached. If the whole article
        turns out to be cached (its sentences pruned but not its file), that work was wasted.
        """
        if language is not None and language not in LANGUAGES:
            raise SpeechRequestError(f"unknown language {language!r}")
        lang = language or article.language
        # The source's region is its own language's: a listener's language choice has none.
        region = None if language else article.region
        base = self.options(lang, rate, voice, audio_format, region)
        engine_version = self.engine_version()
        # With a cache that cannot be written, an early sentence would be made again at every
        # poll (it lands nowhere); the render kept in memory has it already.
        early = max(self.runner.workers, 1) if start_first and not self.cache.write_error else 0
        utterances, jobs = [], []
        if read_hashtags is None:
            read_hashtags = self.config.read_hashtags
        for utterance in read_in_order(article, read_hashtags, language, lexicon):
            job = self._job(utterance, base, voice, engine_version)
            utterances.append(utterance)
            jobs.append(job)
            if len(jobs) <= early and cached_sentence(self.cache, job) is None:
                try:
                    self.runner.submit(job)
                except JobsUnavailable:
                    early = 0  # the article's file may be cached; if not, its render says so
        return RenderRequest(
            article_id=article.id,
            title=article.title,
            lang=lang or "",
            engine_version=engine_version,
            audio_format=base.audio_format,
            utterances=tuple(utterances),
            keys=tuple(job.key for job in jobs),
        ), jobs

    def _job(self, utterance, base: SynthesisOptions, chosen_voice, engine_version) -> SentenceJob:
        options = base
        # A quote in another language gets that language's engine and voice, unless the
        # listener chose a voice.
        if chosen_voice is None and utterance.lang != (base.language or _lang_of(base)):
            other = self.choice_for(utterance.lang)
            if other is not None:
                options = self._options_for(other, utterance.lang, base)
        key = cache_key(
            "sentence-v2",  # v2: with its words, timed
            utterance.spoken,
            options,
            utterance.pause_ms,
            engine_version,
            NORMALIZER_VERSION,
            FORMATS[options.audio_format].layout,
        )
        return SentenceJob(
            key, utterance.spoken, options, utterance.pause_ms, self.config.cache_root
        )

    def sentence_audio(
        self,
        article: Article,
        block_position: int,
        sentence_index: int,
        audio_format: str | None = None,
        timeout: float | None = None,
        lexicon: Lexicon = EMPTY,
    ) -> SentenceAudio | None:
        """One sentence's audio, as the article's render makes it: cached, or rendered now.

        The sentence is the `sentence_index`-th utterance of the block at `block_position`
        (a heading is one); None when the plan has no such sentence. Its audio is a whole
        file in the format (a small Ogg/Opus file, or MP3 frames) and shares the article's
        sentence cache, so a report's sentence plays exactly what the listener heard.
        """
        base = self.options(article.language, audio_format=audio_format, region=article.region)
        engine_version = self.engine().version()
        seen = 0
        plan = read_in_order(article, self.config.read_hashtags, lexicon=lexicon)
        for utterance in plan:
            if utterance.block_position != block_position:
                continue
            if seen == sentence_index:
                job = self._job(utterance, base, None, engine_version)
                return self.runner.submit(job).result(timeout or self.config.timeout * 2)
            seen += 1
        return None

    def preview(
        self, text: str, lang: str, lexicon: Lexicon, voice: str | None = None
    ) -> tuple[SentenceAudio, str]:
        """A sample sentence said as the lexicon has it (in the voice asked), by a worker:
        (audio, its mimetype)."""
        base = self.options(lang, voice=voice)
        spoken = lexicon.rewrite(normalize(text, lang), lang)
        utterance = Utterance(0, "sentence", text, spoken, lang, pause_ms=0)
        job = self._job(utterance, base, voice, self.engine().version())
        audio = self.runner.submit(job).result(timeout=self.config.timeout * 2 + 5)
        return audio, FORMATS[base.audio_format].mimetype

    def cached(self, request: RenderRequest | PlannedFile) -> CachedAudio | None:
        """The assembled file and timings, when the whole article is already rendered."""
        path = self.cache.get(ARTICLE_KIND, request.key, request.format.suffix)
        track_path = self.cache.get(ARTICLE_KIND, request.key, TRACK_SUFFIX)
        if path is None or track_path is None:
            return None
        try:
            return CachedAudio(path, TrackFile.open(track_path))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def rendered_seconds(self, article: Article, lexicon: Lexicon = EMPTY) -> float | None:
        """How long the article's audio lasts, when it is rendered whole; None otherwise.

        Plans the article (nothing is synthesized, no render starts) and looks for its file in
        the server's format, then in MP3, the fallback a browser without Opus gets. The plan's
        key is remembered for all the plan depends on (see _plan_context), so a list page
        plans an article once per revision, lexicon and voices, not at every request.
        """
        try:
            context = self._plan_context(article, lexicon)
        except (EngineUnavailable, SpeechRequestError):
            return None
        for audio_format in dict.fromkeys((self.audio_format(), "mp3")):
            key = self._planned_key(article, lexicon, audio_format, context)
            if key is None:
                return None
            seconds = self._rendered_length(key, audio_format)
            if seconds is not None:
                return seconds
        return None

    def _plan_context(self, article: Article | ArticleVersion, lexicon: Lexicon) -> tuple | None:
        """All an article's plan depends on, or None when it cannot be told (an article not
        stored yet has no revision): the article's revision (every edit, language override
        and re-import counts one), its language and region, the lexicon's rules, the voices
        installed (a quote's language may get a voice it had none for), the engines'
        versions, the normalizer's, and the settings that shape the plan."""
        if article.id is None or article.revision is None:
            return None
        return (
            article.id,
            article.revision,
            article.language,
            article.region,
            lexicon.fingerprint,
            tuple(sorted(self.voices.voices())),
            self.engine_version(),
            NORMALIZER_VERSION,
            self.config.read_hashtags,
            self.config.rate,
        )

    def _planned_key(
        self, article: Article, lexicon: Lexicon, audio_format: str, context: tuple | None
    ) -> str | None:
        """The key of the article's file in the format, planned once per context; None when
        it cannot be planned here."""
        memo_key = None if context is None else (*context, audio_format)
        key = None if memo_key is None else self._planned.get(memo_key)
        if key is None:
            try:
                request, _jobs = self.request(article, audio_format=audio_format, lexicon=lexicon)
                key = request.key
            except (EngineUnavailable, VoiceUnavailable, SpeechRequestError):
                key = _NO_PLAN
            if memo_key is not None:
                self._planned.put(memo_key, key)
        return None if key == _NO_PLAN else key

    def _rendered_length(self, key: str, audio_format: str) -> float | None:
        """The length of the article's file under `key`, when the cache holds it with its
        timings (read once: a file's key covers all it says)."""
        path = self.cache.get(ARTICLE_KIND, key, FORMATS[audio_format].suffix)
        if path is None:
            return None
        seconds = self._lengths.get(key)
        if seconds is None:
            track_path = self.cache.get(ARTICLE_KIND, key, TRACK_SUFFIX)
            if track_path is None:
                return None
            try:
                track = TrackFile.open(track_path)  # reads the head line only
            except (OSError, ValueError, KeyError, TypeError):
                return None
            if not track.count:
                return None
            seconds = track.seconds
            self._lengths.put(key, seconds)
        return seconds

    def render(self, request: RenderRequest, jobs: list[SentenceJob]) -> Render:
        """Start the article's render, or join the one in progress."""
        with self._lock:
            render = self._renders.get(request.key)
            if render is not None and render.is_reusable(FAILURE_GRACE_SECONDS):
                return render
            futures = self.runner.submit_all(jobs)
            render = Render(request, futures, self.cache, on_finished=self._forget_if_cached)
            metrics.render_started()
            kept = [
                (key, old)
                for key, old in self._renders.items()
                if old.is_reusable(FAILURE_GRACE_SECONDS)
            ]
            # Renders the cache could not take stay in memory: the most recent few.
            held = [key for key, old in kept if old.held_in_memory][:-MAX_HELD_RENDERS]
            self._renders = {key: old for key, old in kept if key not in held}
            self._renders[request.key] = render
            return render

    def _forget_if_cached(self, render: Render) -> None:
        """Let a render go once the cache holds its file: its sentences' audio, held for the
        listeners who joined it, may be hundreds of megabytes for a long article, and nothing
        else would let it go until the next render starts."""
        with self._lock:
            if self._renders.get(render.request.key) is render and not render.is_reusable(
                FAILURE_GRACE_SECONDS
            ):
                del self._renders[render.request.key]
        give_back_freed_memory()

    def cached_or_render(self, request: RenderRequest, jobs: list[SentenceJob]) -> Playback:
        """The article's finished audio when it is cached, else its render (started or joined)."""
        cached = self.cached(request)
        metrics.cache_lookup("article", hit=cached is not None)
        if cached is not None:
            return Playback(request.file, request, cached=cached)
        return Playback(request.file, request, render=self.render(request, jobs))

    def remembered_playback(
        self,
        article: Article | ArticleVersion,
        lexicon: Lexicon = EMPTY,
        **asked,
    ) -> Playback | None:
        """The article's cached file as a listener asks (playback()'s `asked`), found from a
        remembered plan without the article's body; None when it is not remembered or not
        cached. The Playback's `request` is None.

        A player seeking in a cached article asks again and again, and planning it costs
        2.8 ms for a short article where sending the piece asked takes 0.2 ms.
        """
        memo_key = self._listen_key(article, lexicon, asked)
        known = None if memo_key is None else self._planned.get(memo_key)
        if known is None:
            return None
        cached = self.cached(known)
        if cached is None:
            return None
        metrics.cache_lookup("article", hit=True)
        return Playback(known, cached=cached)

    def playback(
        self,
        article: Article,
        lexicon: Lexicon = EMPTY,
        rate: int | None = None,
        voice: str | None = None,
        audio_format: str | None = None,
        language: str | None = None,
        read_hashtags: bool | None = None,
    ) -> Playback:
        """The article's audio as a listener asks (see request()): cached, or its render
        started or joined, its first sentences at once.

        The file's key is remembered for all the plan depends on (_plan_context) and all the
        listener asked, for remembered_playback(). Only what was planned is remembered: a
        rate, voice, format or language that cannot be read here never is, and gets its error
        from the plan.
        """
        asked = {
            "rate": rate,
            "voice": voice,
            "audio_format": audio_format,
            "language": language,
            "read_hashtags": read_hashtags,
        }
        found = self.remembered_playback(article, lexicon, **asked)
        if found is not None:
            return found
        request, jobs = self.request(article, start_first=True, lexicon=lexicon, **asked)
        memo_key = self._listen_key(article, lexicon, asked)
        if memo_key is not None:
            self._planned.put(memo_key, request.file)
        return self.cached_or_render(request, jobs)

    def _listen_key(self, article, lexicon: Lexicon, asked: dict) -> tuple | None:
        """What a listener's file is remembered by: the plan's context and all they asked."""
        try:
            context = self._plan_context(article, lexicon)
        except EngineUnavailable:
            return None  # the plan says so, in the listener's words
        if context is None:
            return None
        return ("listen", *context, *(asked.get(name) for name in _ASKED))

    def shutdown(self) -> None:
        """Stop the worker processes."""
        self.runner.shutdown()


def _lang_of(options: SynthesisOptions) -> str | None:
    """The one language a single-language voice speaks (espeak-ng's, Piper's), or None."""
    if options.engine == "piper":
        return voice_files.language_of(options.voice)
    return language_of_espeak_voice(options.voice)
