"""The listening pipeline: policy, normalize, segment, engines, audio, cache, jobs, stream."""

import atexit
import os


def init_app(app) -> None:
    """Hang a SpeechService on the app and stop its workers when the process exits."""
    from reader.speech.claims import DatabaseClaims
    from reader.speech.service import SpeechService
    from reader.speech.settings import SpeechConfig

    config = app.config
    service = SpeechService(
        SpeechConfig(
            cache_root=os.path.join(config["DATA_DIR"], "audio"),
            engine=config["SPEECH_ENGINE"],
            workers=config["SPEECH_WORKERS"],
            timeout=config["SPEECH_TIMEOUT"],
            rate=config["SPEECH_RATE"],
            audio_format=config["AUDIO_FORMAT"],
            bitrates={"opus": config["OPUS_BITRATE"], "mp3": config["MP3_BITRATE"]},
            read_hashtags=config["READ_HASHTAGS"],
            model_dir=config.get("MODEL_DIR") or os.path.join(config["DATA_DIR"], "models"),
            voices_dir=config.get("VOICES_DIR") or os.path.join(config["DATA_DIR"], "voices"),
            voices=dict(config.get("VOICES") or {}),
            job_backend=config["JOB_BACKEND"],
            redis_url=config["REDIS_URL"],
            broker_url=config["CELERY_BROKER_URL"],
        ),
        # Under the local backend, the render state is shared through the database.
        claims=DatabaseClaims(app.extensions["reader.engine"]),
    )
    app.extensions["reader.speech"] = service
    atexit.register(service.shutdown)
