"""Fetch a page to import: public addresses only (pinned), bounded in total time and size."""

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
USER_AGENT = "reader/0.1 (article import)"
REDIRECTS = {301, 302, 303, 307, 308}


class FetchFailed(ValueError):
    """The page could not be fetched; the message says why."""


class FetchTooLarge(FetchFailed):
    """The page is larger than the limit."""


class FetchTooSlow(FetchFailed):
    """The page took longer than the limit to arrive (headers, body and redirects in all)."""


class AddressRefused(FetchFailed):
    """The address is not a public HTTP(S) one: loopback, private, link-local and the like."""


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its body, its Content-Type, and the address it came from in the end."""

    data: bytes
    content_type: str | None
    url: str


def fetch(url: str, max_bytes: int, seconds: float, allow_private: bool = False) -> Fetched:
    """GET the URL (following redirects), refusing non-public addresses unless allowed.

    Every address the name resolves to is checked, at each redirect, and the connection
    goes to the checked address (the Host header and TLS name stay the name's): a name
    that resolves again to 127.0.0.1 between the check and the connection changes nothing.
    `seconds` bounds the whole fetch: a server trickling its headers or body a byte at a
    time is cut off then, however quick each read is.
    """
    deadline = time.monotonic() + seconds
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise AddressRefused("only http and https addresses can be imported")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise FetchFailed(f"the address is malformed: {error}") from error
        address = checked_address(parts.hostname, port, allow_private, deadline, seconds)
        connection = _connection(parts.scheme, parts.hostname, port, address, deadline)
        try:
            with _Watchdog(connection, deadline):
                response = _get(connection, parts, deadline, seconds)
                location = response.getheader("Location")
                if response.status in REDIRECTS and location:
                    url = urljoin(url, location)
                    continue
                if response.status >= 400:
                    raise FetchFailed(f"the page could not be fetched: HTTP {response.status}")
                data = _read(response, max_bytes, deadline, seconds)
                return Fetched(data, response.getheader("Content-Type"), url)
        finally:
            connection.close()
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects")


def checked_address(host: str, port: int, allow_private: bool, deadline: float, seconds: float):
    """The first address the host resolves to, once every one of them is public (or allowed)."""
    addresses = _resolve(host, port, deadline, seconds)
    if not addresses:
        raise FetchFailed(f"the page could not be fetched: {host} has no address")
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise AddressRefused(f"{host} is not a public address ({address})")
    return addresses[0]


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private, link-local…)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_reserved
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
        or ip.is_unspecified
    )


def _resolve(host: str, port: int, deadline: float, seconds: float) -> list[str]:
    # getaddrinfo cannot be interrupted: it runs in a thread of its own, waited for no longer
    # than the time left (a slow resolver then holds that thread, not the request).
    found: list = []

    def lookup():
        try:
            found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as error:
            found.append(error)

    thread = threading.Thread(target=lookup, daemon=True, name="import-resolve")
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()))
    if not found:
        raise FetchTooSlow(f"the page took longer than {seconds:g} s to arrive")
    if isinstance(found[0], OSError):
        raise FetchFailed(f"the page could not be fetched: {found[0]}")
    return list(dict.fromkeys(info[4][0] for info in found[0]))


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the checked address, for the host named in the URL."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to the checked address; the certificate is checked for the name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _connection(scheme: str, host: str, port: int, address: str, deadline: float):
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    return kind(host, port, address, timeout=max(0.01, deadline - time.monotonic()))


def _get(connection, parts, deadline: float, seconds: float):
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        return connection.getresponse()
    except (OSError, http.client.HTTPException) as error:
        _raise_late(deadline, seconds)
        raise FetchFailed(f"the page could not be fetched: {error}") from error


def _read(response, max_bytes: int, deadline: float, seconds: float) -> bytes:
    chunks, size = [], 0
    while size <= max_bytes:
        try:
            chunk = response.read1(CHUNK_BYTES)
        except (OSError, http.client.HTTPException) as error:
            _raise_late(deadline, seconds)
            raise FetchFailed(f"the page could not be fetched: {error}") from error
        _raise_late(deadline, seconds)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise FetchTooLarge("the page is larger than the upload limit")


def _raise_late(deadline: float, seconds: float) -> None:
    if time.monotonic() >= deadline:
        raise FetchTooSlow(f"the page took longer than {seconds:g} s to arrive")


class _Watchdog:
    """Shuts the connection's socket at the deadline, ending whatever read is waiting on it.

    Socket timeouts bound each read, not their sum; this bounds the sum.
    """

    def __init__(self, connection, deadline: float):
        self.connection = connection
        self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._cut)
        self.timer.daemon = True

    def _cut(self):
        sock = self.connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed: nothing left to cut

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        return False
