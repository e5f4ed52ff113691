"""The API answers 400, not 500, for JSON it cannot use (issue 11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from extract import EditorServer, make_server
from glossary import Glossary

from .test_web import _serve, call


@pytest.fixture(scope="module")
def server(test_glossary: Glossary) -> Iterator[EditorServer]:
    yield from _serve(make_server(port=0, glossaries={"test": test_glossary}, max_bytes=500_000))


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested"),
        (b'{"text": ' + b"[" * 900 + b"]" * 900 + b"}", "nested"),
        (b'{"text": "\\ud800 \xea\xb8\x88\xeb\xa6\xac"}', "surrogate"),
        (b'{"documents": [{"id": "\\udfff", "title": "t"}]}', "surrogate"),
    ],
    ids=["deep", "900 deep", "lone surrogate in text", "lone surrogate in an id"],
)
@pytest.mark.parametrize("path", ["/api/tag", "/api/box"])
def test_unusable_json_is_a_400(path, body, reason, server: EditorServer) -> None:
    status, _, data = call(server, "POST", path, body)
    assert status == 400, data
    assert reason in data["error"]
    assert call(server, "POST", path, {"text": "기준금리 동결"})[0] == 200  # still serving
