"""The editor page: a standard-library HTTP server, its JSON API and the static page."""

from __future__ import annotations

from extract.web.server import EditorServer, make_server

__all__ = ["EditorServer", "make_server"]
