"""The editor page: a small local web app over the tagger and the keyword box.

Standard library only (``http.server``); the page itself is static files in
``extract/web/`` that talk to the JSON API in :mod:`extract.web.api`.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, NoReturn

from extract.web.api import ROUTES, Glossaries, GlossarySource, default_glossaries
from extract.web.house import HouseGlossary
from extract.web.payload import ApiError

__all__ = ["DEFAULT_MAX_BYTES", "EditorServer", "make_server"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

#: Largest request body the API reads (bytes); bigger ones get 413 before being read.
DEFAULT_MAX_BYTES = 2_000_000

_STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_DRAIN_SECONDS = 1.0


#: No API request nests deeper than this (a box: object > list > object > list > ...).
_MAX_DEPTH = 32


def _check_payload(payload: Any, *, parsed: bool) -> None:
    """Refuse (400) a body nested too deeply or holding a lone surrogate (a ``\\ud800``
    escape): either would fail later, deep inside the work, as a 500."""
    stack = [(payload, 1)] if parsed else []
    deep = not parsed
    while stack and not deep:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, (dict, list)):
            deep = depth > _MAX_DEPTH
            stack.extend((child, depth + 1) for child in children)
    if deep:
        raise ApiError(400, f"the request body is nested more than {_MAX_DEPTH} levels deep")
    try:
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as err:
        where = err.object[max(0, err.start - 20) : err.start]
        raise ApiError(
            400,
            f"the request body holds a lone surrogate ({err.object[err.start]!r} after "
            f"{where!r}): send real characters, not half of a UTF-16 pair",
        ) from None


class EditorServer(ThreadingHTTPServer):
    """The editor page's HTTP server; build it with :func:`make_server`.

    Attributes
    ----------
    glossaries : Glossaries
        The glossaries the page offers, loaded on first use.
    max_bytes : int
        Largest request body accepted.
    url : str
        Where the page is served, e.g. ``http://127.0.0.1:8765/``.
    """

    daemon_threads = True
    # socketserver's 5 dropped new connections when 20 clients connected at once; the
    # kernel caps it at net.core.somaxconn.
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], *, glossaries: Glossaries, max_bytes: int) -> None:
        self.glossaries = glossaries
        self.max_bytes = max_bytes
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"

    def allowed_host(self, header: str | None) -> bool:
        """Whether a request's ``Host`` names this server. A server on a loopback address
        answers only to loopback names, so a web page cannot reach it by DNS rebinding."""
        if str(self.server_address[0]) not in _LOOPBACK:
            return True
        if not header:
            return False
        name = header[1 : header.find("]")] if header.startswith("[") else header.split(":")[0]
        return name.lower() in _LOOPBACK


def make_server(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    glossaries: Mapping[str, GlossarySource] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    house: str | os.PathLike[str] | None = None,
    corpus: Any = None,
) -> EditorServer:
    """Build (and bind) the editor page's server; run it with ``serve_forever()``.

    Parameters
    ----------
    host : str
        Address to bind; the default serves this machine only.
    port : int
        Port to bind; ``0`` picks a free one (see ``server.url``).
    glossaries : mapping of name to Glossary or zero-argument loader, optional
        What the page offers; the first is preselected. Default: ``default`` and
        ``default+entities``, the bundled glossary without and with entities.
    max_bytes : int
        Largest request body accepted (larger ones get HTTP 413).
    house : str or path-like, optional
        A glossary file (YAML, JSON or CSV; made on first save) where the page saves the
        definitions an editor rewrites; its definitions override the glossaries' own.
        The bundled glossary is never written to.
    corpus : run directory, file paths or documents, optional
        Coverage around the pasted articles: ``/api/box`` then quotes from it too and
        returns ``related`` terms (see :func:`extract.corpus_context`).

    Examples
    --------
    >>> import threading
    >>> from glossary import Glossary, Term
    >>> g = Glossary([Term(id="capex", term="자본 지출")], name="demo")
    >>> server = make_server(port=0, glossaries={"demo": g})
    >>> threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> server.url.startswith("http://127.0.0.1:")
    True
    >>> server.shutdown(); server.server_close()
    """
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 1:
        raise ValueError(f"`max_bytes` should be a positive int, got {max_bytes!r}")
    if not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValueError(f"`port` should be an int from 0 to 65535, got {port!r}")
    registry = Glossaries(
        default_glossaries() if glossaries is None else glossaries,
        house=HouseGlossary(house) if house is not None else None,
        corpus=corpus,
    )
    return EditorServer((host, port), glossaries=registry, max_bytes=max_bytes)


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer
    server_version = "kotrend"
    protocol_version = "HTTP/1.1"
    timeout = 120  # seconds: idle keep-alive connections do not hold a thread for ever
    # A request line http.server cannot parse is answered as HTTP/0.9 by default, with no
    # status line or headers, so without the security headers either: we never speak 0.9.
    default_request_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        logger.info("%s " + format, self.address_string(), *args)

    # -- responses ---------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str, **extra: str) -> None:
        self.send_response(status)
        for key, value in {**_HEADERS, **extra}.items():
            self.send_header(key, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (400, 414, 431, 501, 505: a request it cannot parse, a
        method with no ``do_`` handler) as JSON with the headers of every other answer."""
        short = self.responses.get(code, ("error",))[0]
        self.log_error("code %d, message %s", code, message or short)
        self.close_connection = True
        self._error(code, message or short, **({"Allow": "GET, HEAD, POST"} if code == 501 else {}))

    def _json(self, status: int, data: Any, **extra: str) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(
            status,
            body,
            "application/json; charset=utf-8",
            **extra,
            **{"Cache-Control": "no-store"},
        )

    def _error(self, status: int, message: str, **extra: str) -> None:
        self._json(status, {"error": message, "status": status}, **extra)

    # -- requests ----------------------------------------------------------------------

    def _guard(self) -> bool:
        if not self.server.allowed_host(self.headers.get("Host")):
            self.close_connection = True
            self._error(
                HTTPStatus.MISDIRECTED_REQUEST, f"unknown Host {self.headers.get('Host')!r}"
            )
            return False
        return True

    def do_GET(self) -> None:
        if not self._guard():
            return
        path = self.path.split("?", 1)[0]
        if path in _STATIC:
            name, ctype = _STATIC[path]
            body = (resources.files("extract.web") / "static" / name).read_bytes()
            self._send(HTTPStatus.OK, body, ctype, **{"Cache-Control": "no-cache"})
        elif path == "/api/glossaries":
            g = self.server.glossaries
            self._json(
                HTTPStatus.OK,
                {
                    "glossaries": g.describe(),
                    "selected": g.names[0],
                    "max_bytes": self.server.max_bytes,
                    "house": str(g.house.path) if g.house is not None else None,
                },
            )
        elif path in ROUTES:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, f"{path} takes POST, not GET", Allow="POST")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such path: {path}")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if not self._guard():
            return
        path = self.path.split("?", 1)[0]
        route = ROUTES.get(path)
        try:
            if route is None:
                if path in _STATIC or path == "/api/glossaries":
                    self._refuse(
                        HTTPStatus.METHOD_NOT_ALLOWED, f"{path} takes GET, not POST", Allow="GET"
                    )
                self._refuse(HTTPStatus.NOT_FOUND, f"no such path: {path}")
            payload = self._read_json()
            self._json(HTTPStatus.OK, route(self.server.glossaries, payload))
        except _Answered:
            pass
        except ApiError as err:
            self._error(err.status, err.message)
        except Exception as err:  # report, keep serving
            logger.exception("%s failed", path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(err).__name__}: {err}")

    def _read_json(self) -> Any:
        ctype = self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        length_header = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length_header is None:
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length header")
        try:
            length = int(length_header)
            if length < 0:
                raise ValueError
        except ValueError:
            self._refuse(HTTPStatus.BAD_REQUEST, f"bad Content-Length {length_header!r}")
        if length > self.server.max_bytes:
            self._refuse(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the request body has {length:,} bytes; this server takes at most "
                f"{self.server.max_bytes:,} (start it with a larger --max-bytes)",
            )
        body = self.rfile.read(length)
        # Requiring JSON makes a cross-site form post impossible without a CORS preflight.
        if ctype != "application/json":
            raise ApiError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"Content-Type should be 'application/json', got {ctype or None!r}",
            )
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ApiError(400, f"the request body is not valid UTF-8 JSON: {err}") from None
        except RecursionError:
            payload = None  # reported below, as for any other too-deep body
        _check_payload(payload, parsed=payload is not None)
        if not isinstance(payload, dict):
            raise ApiError(
                400, f"the request body should be a JSON object, got {type(payload).__name__}"
            )
        return payload

    def _refuse(self, status: int, message: str, **extra: str) -> NoReturn:
        """Answer at once without reading the body, then drop what the client still sends
        (for a moment, so that it reads the answer instead of a connection reset)."""
        self.close_connection = True
        self._error(status, message, **extra)
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(_DRAIN_SECONDS)
            deadline = time.monotonic() + _DRAIN_SECONDS
            while self.connection.recv(65536) and time.monotonic() < deadline:
                pass
        except OSError:
            pass
        raise _Answered


class _Answered(ApiError):
    """The response is already sent."""

    def __init__(self) -> None:
        super().__init__(0, "")
