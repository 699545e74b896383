"""Parse and analyse an import in a child process, within a time and a memory budget."""

import logging
import multiprocessing
import resource
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.library import langid
from reader.library.articles import build_article
from reader.library.draft import ArticleDraft
from reader.library.importer import TooComplex
from reader.models import Article

log = logging.getLogger(__name__)

WARM_UP_SECONDS = 300
"""How long the first import of a process may wait for the forkserver to load the models."""


@dataclass(frozen=True)
class Limits:
    """The budget of one import: seconds of analysis and megabytes of memory beyond the start."""

    seconds: float
    memory_mb: int


@dataclass(frozen=True)
class Prepared:
    """A draft and its unsaved Article, analysed (blocks, sentences, languages, date)."""

    draft: ArticleDraft
    article: Article


_warm = threading.Event()
_warm_lock = threading.Lock()


def prepare(make_draft: Callable, args: tuple, default_timezone: str, limits: Limits) -> Prepared:
    """make_draft(*args) and the article built from it, in a child process within the limits.

    A page of a million tiny paragraphs or a text with no line breaks would otherwise hold a
    server thread for minutes and grow its process by gigabytes it never gives back; the
    child's memory goes when it exits, and a child over its budget is stopped: TooComplex.
    make_draft must be a module-level function (the child imports it by name).
    """
    _warm_up()
    status, value = _run(_analyse, (make_draft, args, default_timezone), limits)
    if status == "ok":
        return value
    if status == "memory":
        raise TooComplex(
            "the article needs more memory to analyse than an import may use "
            f"({limits.memory_mb} MB)"
        )
    raise value


def _warm_up() -> None:
    # Children fork from a server process that imported the parsers and loaded the language
    # models once (~10 s); the first import waits for that, outside its own budget.
    if _warm.is_set():
        return
    with _warm_lock:
        if not _warm.is_set():
            _run(_ready, (), Limits(WARM_UP_SECONDS, 0))
            _warm.set()


def _run(task: Callable, args: tuple, limits: Limits) -> tuple[str, object]:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, task, args, limits.memory_mb), daemon=True, name="import"
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            log.warning("an import took longer than %g s to analyse; stopped", limits.seconds)
            raise TooComplex(f"the article takes longer than {limits.seconds:g} s to analyse")
        return receiver.recv()
    except EOFError:
        # Killed (by the kernel's OOM killer, or a crash in a parser's C code): it said nothing.
        log.warning("an import's analysis ended without an answer (exit %s)", child.exitcode)
        raise TooComplex("the article could not be analysed within the limits") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _child(sender, task: Callable, args: tuple, memory_mb: int) -> None:
    """In the child: the task under the memory limit; its answer, or its error, to the parent."""
    start_kb = _vm_kb("VmSize")
    if memory_mb:
        _limit_memory(start_kb, memory_mb)
    try:
        answer = ("ok", task(*args))
    except MemoryError:
        answer = ("memory", None)
    except Exception as error:  # noqa: BLE001 - the parent raises it; the child only reports
        # A parser's C code that cannot allocate gives up quietly ("no article in the page");
        # when the child came near its budget, that is the likely reason, and the one to say.
        near_budget = memory_mb and _vm_kb("VmPeak") - start_kb > memory_mb * 1024 // 2
        answer = ("memory", None) if near_budget else ("error", error)
    try:
        sender.send(answer)
    except Exception as error:  # noqa: BLE001 - an error that does not pickle still says why
        sender.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    finally:
        sender.close()


def _limit_memory(start_kb: int, memory_mb: int) -> None:
    # The address space the child has now (the forked server's), plus the budget.
    limit = start_kb * 1024 + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _vm_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(f"{field}:"))


def _analyse(make_draft: Callable, args: tuple, default_timezone: str) -> Prepared:
    draft = make_draft(*args)
    return Prepared(draft, build_article(draft, default_timezone))


def _ready() -> bool:
    return True


def _load_models() -> None:
    # Imported in the forkserver (its preload): load what every analysis needs, once.
    langid.detect("Le nouveau pont sur le Rhin est ouvert à la circulation depuis ce matin.")


def _in_forkserver() -> bool:
    # multiprocessing starts its forkserver as `python -c "from multiprocessing.forkserver
    # import main; main(...)"`, which imports its preload modules, this one, before serving.
    return sys.argv == ["-c"] and "multiprocessing.forkserver" in sys.modules


if _in_forkserver():  # pragma: no cover - runs in the forkserver only
    _load_models()
