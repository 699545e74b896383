"""`reader serve`: a supervisor that holds the listening socket and keeps a server process on it."""

import faulthandler
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time

log = logging.getLogger(__name__)

# A server that dies this soon after starting is failing to start, not crashing under load:
# wait before the next try so a broken install does not spin.
QUICK_DEATH_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 30.0
STOP_GRACE_SECONDS = 10.0


def configure_logging() -> None:
    """One line per event, with the time and the process, on standard error."""
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s",
    )


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, made here so that it outlives any one server process."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    # While a dead server is replaced, new connections wait in this backlog instead of being
    # refused.
    listener.listen(1024)
    listener.set_inheritable(True)
    return listener


def describe_exit(returncode: int) -> str:
    """How a process ended, in words: "signal SIGSEGV (Segmentation fault)" or "exit status 1"."""
    if returncode < 0:
        number = -returncode
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"signal {name} ({signal.strsignal(number)})"
    return f"exit status {returncode}"


class Supervisor:
    """Runs the server command, and starts it again whenever it dies, until told to stop."""

    def __init__(self, command: list[str], pass_fds: tuple[int, ...] = ()):
        self.command = command
        self.pass_fds = pass_fds
        self.restarts = 0
        self._stopping = threading.Event()
        self._child: subprocess.Popen | None = None

    def run(self) -> int:
        """Serve until stop(); the last server's exit status."""
        backoff = 0.0
        returncode = 0
        while not self._stopping.is_set():
            started = time.monotonic()
            # Its own process group, so its speech workers can be cleaned up with it.
            self._child = subprocess.Popen(
                self.command, pass_fds=self.pass_fds, start_new_session=True
            )
            log.info("server process %d started", self._child.pid)
            returncode = self._child.wait()
            _end_group(self._child.pid)
            if self._stopping.is_set():
                break
            self.restarts += 1
            log.error(
                "server process %d died (%s); starting a new one",
                self._child.pid,
                describe_exit(returncode),
            )
            quick = time.monotonic() - started < QUICK_DEATH_SECONDS
            backoff = min(MAX_BACKOFF_SECONDS, max(1.0, backoff * 2)) if quick else 0.0
            if backoff:
                log.warning(
                    "it died within %.0f s of starting; waiting %.0f s",
                    QUICK_DEATH_SECONDS,
                    backoff,
                )
                self._stopping.wait(backoff)
        return returncode

    def stop(self, *_signal_args) -> None:
        """Stop the server gracefully (SIGTERM, then SIGKILL after a grace period)."""
        self._stopping.set()
        child = self._child
        if child is None or child.poll() is not None:
            return
        child.terminate()
        threading.Thread(target=_kill_later, args=(child,), daemon=True).start()


def _kill_later(child: subprocess.Popen) -> None:
    try:
        child.wait(STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        log.warning("server process %d did not stop in time; killing it", child.pid)
        child.kill()


def _end_group(pgid: int) -> None:
    """Stop what a dead server left behind in its group (its speech workers)."""
    try:
        os.killpg(pgid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass


def serve_supervised(host: str, port: int, server_args: list[str]) -> int:
    """Bind, then run `reader serve --fd N ...` under a Supervisor until SIGINT or SIGTERM."""
    listener = bind(host, port)
    command = [sys.executable, "-m", "reader", "serve", "--fd", str(listener.fileno())]
    supervisor = Supervisor(command + server_args, pass_fds=(listener.fileno(),))
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    try:
        return supervisor.run()
    finally:
        listener.close()


def prepare_server_process() -> None:
    """In the server process: fault tracebacks to the log, exit on SIGTERM or orphaning."""
    # A crash in C code (a speech library, an encoder) prints every thread's Python stack.
    faulthandler.enable()
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _raise_keyboard_interrupt(*_args) -> None:
    # waitress closes its sockets and returns on KeyboardInterrupt; our finally stops workers.
    raise KeyboardInterrupt


def _exit_when_orphaned(parent: int) -> None:
    # A supervisor killed outright must not leave a server holding its port.
    while os.getppid() == parent:
        time.sleep(1.0)
    log.error("the supervisor %d is gone; this server stops", parent)
    os.kill(os.getpid(), signal.SIGTERM)
