"""URL imports: public addresses only (checked at each hop, pinned), bounded in time and size."""

import socket
import threading
import time

import pytest

from reader.library import fetch, importer

PAGE = b"<html><head><title>Le pont</title></head><body><p>Le pont est ouvert.</p></body></html>"


class LoopbackSite:
    """A loopback server answering each connection with `answer(request_bytes)` bytes, sent
    `pause` seconds apart one byte at a time when `pause` is set; it notes what it saw."""

    def __init__(self, answer, pause: float = 0.0, connections: int = 1):
        self.answer, self.pause = answer, pause
        self.requests: list[bytes] = []
        self.hung_up_after: list[int] = []  # bytes sent when the client closed, per connection
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(connections)
        self.listener.settimeout(20)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, args=(connections,), daemon=True)
        self.thread.start()

    def _serve(self, connections: int):
        for _ in range(connections):
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            with connection:
                request = connection.recv(65536)
                self.requests.append(request)
                self._send(connection, self.answer(request))

    def _send(self, connection, data: bytes):
        if not self.pause:
            connection.sendall(data)
            return
        for sent in range(len(data)):
            try:
                connection.sendall(data[sent : sent + 1])
            except OSError:
                self.hung_up_after.append(sent)  # the client gave up: what the deadline is for
                return
            time.sleep(self.pause)

    def close(self):
        self.thread.join(30)
        self.listener.close()


@pytest.fixture
def sites():
    made = []

    def make(answer, pause=0.0, connections=1):
        made.append(LoopbackSite(answer, pause, connections))
        return made[-1]

    yield make
    for site in made:
        site.close()


def ok(body: bytes = PAGE, content_type: str = "text/html; charset=utf-8"):
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
    head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    return lambda _request: head.encode() + body


def redirect(location: str):
    head = f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
    return lambda _request: head.encode()


@pytest.mark.parametrize(
    "address",
    [
        *("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1"),
        *("169.254.169.254", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1"),
        *("255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1"),
        *("::ffff:10.0.0.1", "2001:db8::1", "fe80::1%eth0"),
    ],
)
def test_addresses_off_the_public_internet_are_not_public(address):
    assert not fetch.is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address):
    assert fetch.is_public(address)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)"],
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(fetch.AddressRefused, match="only http and https"):
        fetch.fetch(url, 1024, 5, allow_private=True)


def test_a_loopback_address_is_refused_by_default(sites):
    site = sites(ok())
    with pytest.raises(fetch.AddressRefused, match="not a public address"):
        fetch.fetch(f"http://127.0.0.1:{site.port}/", 1024 * 1024, 5)
    with pytest.raises(fetch.AddressRefused, match="not a public address"):
        fetch.fetch(f"http://localhost:{site.port}/", 1024 * 1024, 5)
    # Nothing was sent to it: the check comes before the connection.
    socket.create_connection(("127.0.0.1", site.port), 5).close()
    assert site.requests == [b""]


def _resolving(monkeypatch, names: dict[str, list[str]]):
    """getaddrinfo answers these names with these addresses (and counts its calls)."""
    calls = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in names[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(fetch.socket, "getaddrinfo", getaddrinfo)
    return calls


def test_a_name_with_any_private_address_is_refused(monkeypatch):
    _resolving(monkeypatch, {"news.example": ["93.184.216.34", "10.1.2.3"]})
    with pytest.raises(fetch.AddressRefused, match=r"news\.example is not a public address"):
        fetch.fetch("http://news.example/article", 1024, 5)


def test_a_redirect_to_a_private_address_is_refused(sites, monkeypatch):
    # The loopback site stands in for a public one; where it redirects is checked again.
    public_stand_in = fetch.is_public
    monkeypatch.setattr(fetch, "is_public", lambda a: a == "127.0.0.1" or public_stand_in(a))
    site = sites(redirect("http://169.254.169.254/latest/meta-data/"))
    with pytest.raises(fetch.AddressRefused, match="169.254.169.254"):
        fetch.fetch(f"http://127.0.0.1:{site.port}/", 1024 * 1024, 5)
    assert len(site.requests) == 1


def test_the_checked_address_is_the_one_connected_to_and_the_host_is_the_name(sites, monkeypatch):
    site = sites(ok())
    calls = _resolving(monkeypatch, {"pinned.example": ["127.0.0.1"]})
    page = fetch.fetch(f"http://pinned.example:{site.port}/a?b=1", 1024 * 1024, 5, True)
    assert page.data == PAGE
    # Resolved once (connecting to the address looks up the literal only): nothing to rebind.
    assert calls == ["pinned.example", "127.0.0.1"]
    request = site.requests[0].decode()
    assert request.startswith("GET /a?b=1 HTTP/1.1\r\n")
    assert f"Host: pinned.example:{site.port}\r\n" in request


def test_redirects_are_followed_and_each_hop_checked(sites, monkeypatch):
    target = sites(ok())
    calls = _resolving(monkeypatch, {"second.example": ["127.0.0.1"]})
    first = sites(redirect(f"http://second.example:{target.port}/page"))
    page = fetch.fetch(f"http://127.0.0.1:{first.port}/", 1024 * 1024, 5, allow_private=True)
    assert page.url == f"http://second.example:{target.port}/page"
    assert page.data == PAGE
    assert "second.example" in calls


def test_a_body_over_the_limit_is_refused(sites):
    site = sites(ok(b"x" * 200_000, "text/plain"))
    with pytest.raises(fetch.FetchTooLarge):
        fetch.fetch(f"http://127.0.0.1:{site.port}/", 100_000, 5, allow_private=True)


@pytest.mark.parametrize("trickled", ["headers", "body"])
def test_a_trickling_server_is_cut_off_at_the_total_limit(sites, trickled):
    """One byte every 50 ms: each read is quick, the whole would take 10 s; the limit is 1 s."""
    body = b"a" * 200
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
    head += b"X-Padding: " + b"p" * 200 + b"\r\n" if trickled == "headers" else b""
    head += f"Content-Length: {len(body)}\r\n\r\n".encode()
    data = head + body
    site = sites(lambda _request: data, pause=0.05)
    with pytest.raises(importer.ImportFailed, match="took longer than 1 s"):
        importer.draft_from_url(f"http://127.0.0.1:{site.port}/", 1024 * 1024, 1, True)
    site.close()
    # The client hung up while the trickle went on: it did not wait for the rest.
    assert len(site.hung_up_after) == 1
    cut_at = site.hung_up_after[0]
    assert cut_at < (len(head) if trickled == "headers" else len(data))


def test_a_trickled_import_through_the_api_answers_at_the_limit(
    app, editor_client, sites, monkeypatch
):
    """The request thread is not held past the limit: the answer comes while the site trickles."""
    app.config["IMPORT_ALLOW_PRIVATE"] = True
    monkeypatch.setattr(importer, "FETCH_TIMEOUT_SECONDS", 1)
    data = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"s" * 400 + b"\r\n\r\n"
    site = sites(lambda _request: data, pause=0.05)
    response = editor_client.post(
        "/api/v1/articles", json={"url": f"http://127.0.0.1:{site.port}/slow"}
    )
    assert response.status_code == 422
    assert "took longer than 1 s" in response.get_json()["error"]["reason"]
    site.close()
    assert site.hung_up_after and site.hung_up_after[0] < len(data)


def test_the_api_refuses_a_private_address_by_default(editor_client, sites):
    site = sites(ok())
    response = editor_client.post(
        "/api/v1/articles", json={"url": f"http://127.0.0.1:{site.port}/"}
    )
    assert response.status_code == 422
    assert "not a public address" in response.get_json()["error"]["reason"]
    socket.create_connection(("127.0.0.1", site.port), 5).close()  # let the site end
