"""`reader serve`: gunicorn with the app preloaded, one speech pool per web worker, and hooks."""

import faulthandler
import logging
import logging.config
import math
import os
import time

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from reader import logs, metrics

log = logging.getLogger(__name__)

# A request may wait this long for its sentences (a render on a busy machine) before gunicorn
# takes the worker for hung; gthread workers stay alive while their threads stream.
WORKER_TIMEOUT_SECONDS = 120
# On SIGTERM, requests in progress get this long to finish before their worker is killed.
GRACEFUL_TIMEOUT_SECONDS = 10


class NoAccessLogger(Logger):
    """gunicorn's logger without its access log: the app writes one line per request itself,
    with its id (reader.views.request_log). With a logging configuration given, gunicorn
    worked out every request's access-log fields for a log that goes nowhere: a tenth of a
    cached page's time in a web worker."""

    def access(self, resp, req, environ, request_time) -> None:
        return None


class GunicornServer(BaseApplication):
    """A WSGI app under gunicorn, configured from a mapping rather than a command line."""

    def __init__(self, application, options: dict):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        return self.application


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict:
    """The gunicorn settings every server here shares: the reader app and the bench's hello."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        # Threads, so that a worker streaming a long article's audio still answers other readers.
        "worker_class": "gthread",
        "threads": threads,
        "timeout": WORKER_TIMEOUT_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
        # gthread closes a kept-alive connection whose next request it has not read within
        # this time, even when the request is there: 5 s dropped readers' requests whenever a
        # busy machine made one wait that long.
        "keepalive": 30,
        "backlog": 1024,
        "proc_name": "reader",
        # Its default is one path per user: two servers on one machine would share it.
        "control_socket_disable": True,
        # One log format for everything: the app logs each request itself, with its id.
        "accesslog": None,
        "logger_class": NoAccessLogger,
        "logconfig_dict": logs.logging_config(),
        "post_fork": _enable_fault_tracebacks,
    }


def serve(app, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the app with gunicorn until SIGTERM (graceful) or SIGINT; restarts dead workers.

    The app was made in this process and is preloaded: language models, dates, templates and
    the voice list are made once here and shared copy-on-write by the forked workers.
    """
    metrics.use_directory(os.path.join(app.config["DATA_DIR"], "metrics"))
    started = time.monotonic()
    warm_before_fork(app)
    # SQLite's state for an open file (its locks, the WAL index it maps) must not cross a fork:
    # workers that inherited the connections the migrations and the warm-up opened here
    # crashed (SIGSEGV) in SQLite under load. None is open when they fork.
    app.extensions["reader.engine"].dispose()
    log.info(
        "app preloaded and warmed in %.1f s; %d web workers fork from here",
        time.monotonic() - started,
        workers,
    )
    speech = app.extensions["reader.speech"]
    # The local pool's processes are shared out among the web workers; Celery's run elsewhere.
    local = app.config.get("JOB_BACKEND", "local") == "local"
    share = speech_workers_per_web_worker(app.config["SPEECH_WORKERS"], workers) if local else None

    def post_fork(_server, _worker) -> None:
        _enable_fault_tracebacks()
        # Connections opened before the fork belong to the parent: each worker opens its own.
        app.extensions["reader.engine"].dispose(close=False)
        # Synthesis never runs in a web process: each worker gets its own pool of speech
        # processes (spawned, not forked), so a crash in an engine costs one sentence a retry.
        speech.start(list_voices=False, workers=share)

    def worker_exit(_server, _worker) -> None:
        speech.shutdown()

    def child_exit(_server, worker) -> None:
        metrics.process_dead(worker.pid)

    options = gunicorn_options(host, port, workers, threads)
    options.update(
        preload_app=True, post_fork=post_fork, worker_exit=worker_exit, child_exit=child_exit
    )
    GunicornServer(app, options).run()


def speech_workers_per_web_worker(speech_workers: int, web_workers: int) -> int:
    """SPEECH_WORKERS is the whole server's: each web worker's pool gets its share (at least 1).

    0 keeps synthesis inline (tests and tiny installs).
    """
    if speech_workers <= 0:
        return 0
    return max(1, math.ceil(speech_workers / max(web_workers, 1)))


def warm_before_fork(app) -> None:
    """What every worker would otherwise load on its first request, loaded once before the fork."""
    from reader.library.langid import detection
    from reader.text.languages import LANGUAGES

    detection.warm_up()
    app.extensions["reader.speech"].voices.refresh()
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
    from babel import Locale

    for code in LANGUAGES:
        Locale.parse(code).datetime_formats  # noqa: B018 - loads the locale's data now


def serve_debug(app, host: str, port: int) -> None:
    """Flask's development server (reloader and debugger): `reader serve --debug` only."""
    app.extensions["reader.speech"].start()
    app.run(host=host, port=port, debug=True, threaded=True)


def _enable_fault_tracebacks(_server=None, _worker=None) -> None:
    # A crash in C code (a speech library, an encoder) prints every thread's Python stack.
    faulthandler.enable()


def configure_logging() -> None:
    """One line per event on standard error, each with its request id (see reader.logs)."""
    logging.config.dictConfig(logs.logging_config())
