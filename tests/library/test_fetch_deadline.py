"""A page that trickles in is refused when the whole fetch outlasts its time, not each read."""

import socket
import threading
import time

import pytest

from reader.library import importer

TRICKLE_BYTES = 40
TRICKLE_PAUSE = 0.1  # seconds between bytes: 4 s in all, each read well inside its timeout


@pytest.fixture
def trickling_site():
    """A loopback server that sends its headers at once, then the body a byte at a time."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        connection, _address = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + f"Content-Length: {TRICKLE_BYTES}\r\n\r\n".encode()
            )
            for _ in range(TRICKLE_BYTES):
                try:
                    connection.sendall(b"a")
                except OSError:
                    return  # the client gave up: what the deadline is for
                time.sleep(TRICKLE_PAUSE)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    thread.join(10)
    listener.close()


def test_a_trickling_page_is_refused_when_the_whole_fetch_takes_too_long(
    trickling_site, monkeypatch
):
    monkeypatch.setattr(importer, "FETCH_TIMEOUT_SECONDS", 1)
    with pytest.raises(importer.ImportFailed, match="took longer than 1 s"):
        importer.draft_from_url(trickling_site, 1024 * 1024)
