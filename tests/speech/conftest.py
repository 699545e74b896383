"""The job backends the same job tests run against: the local pool, and Celery on Redis."""

import multiprocessing

import pytest

from reader.speech.celery_jobs import CeleryRunner, make_celery
from reader.speech.jobs import JobRunner
from reader.speech.worker import render_sentence
from tests.services import celery_worker, redis_server

BACKENDS = ["local", pytest.param("celery", marks=[pytest.mark.redis, pytest.mark.slow])]


@pytest.fixture(scope="session")
def redis_service(tmp_path_factory):
    """One redis-server for the session's Celery tests, on a free port in a temp folder."""
    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(scope="session")
def celery_service(redis_service, tmp_path_factory):
    """One `reader worker` (prefork, two children) for the session's Celery tests."""
    with celery_worker(tmp_path_factory.mktemp("celery-worker"), redis_service.url) as worker:
        yield worker


@pytest.fixture(params=BACKENDS)
def job_backend(request):
    """The backend's name; for celery, its app settings (Redis, worker running)."""
    if request.param == "local":
        return "local", {}
    redis = request.getfixturevalue("redis_service")
    request.getfixturevalue("celery_service")
    redis.forget_claims()
    return "celery", {"JOB_BACKEND": "celery", "REDIS_URL": redis.url}


@pytest.fixture
def make_runner(job_backend):
    """make_runner(workers, timeout, task): a runner of the backend, shut down afterwards."""
    name, settings = job_backend
    made = []

    def make(workers: int, timeout: float, task=render_sentence):
        if name == "local":
            runner = JobRunner(workers=workers, timeout=timeout, task=task)
        else:
            celery = make_celery(settings["REDIS_URL"], timeout)
            runner = CeleryRunner(celery, max(workers, 1), timeout, task=task)
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.shutdown()


@pytest.fixture
def worker_pids(job_backend, request):
    """worker_pids(): the pids of the processes that run the backend's jobs right now."""
    name, _ = job_backend

    def pids() -> list[int]:
        if name == "local":
            return [p.pid for p in multiprocessing.active_children() if "pebble" in p.name]
        return request.getfixturevalue("celery_service").children()

    return pids
