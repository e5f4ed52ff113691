"""The editor page's server: static files, the JSON API, its errors and `kotrend serve`."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from click.testing import CliRunner

import glossary
from corpus import Document
from extract import EditorServer, build_box, make_server
from extract.cli import main
from glossary import Glossary, Term

ARTICLE = (
    "하이퍼스케일러들은 올해 자본 지출로 6600억 달러를 쓸 계획이다. "
    "메타의 CapEx는 작년보다 40% 늘었다. 시장은 투자 자본 수익률(ROI)을 묻는다."
)
SECOND = "정부는 주권 AI에 나랏돈을 쓴다. 😀 기준금리는 동결됐다."


def _serve(server: EditorServer) -> Iterator[EditorServer]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def server(test_glossary: Glossary) -> Iterator[EditorServer]:
    yield from _serve(make_server(port=0, glossaries={"test": test_glossary}, max_bytes=50_000))


def call(
    server: EditorServer,
    method: str,
    path: str,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, Any]:
    """One request; the answer's status, headers and JSON (or bytes for other types)."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=60)
    try:
        raw = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        sent = {"Content-Type": "application/json"} if raw is not None else {}
        conn.request(method, path, body=raw, headers={**sent, **(headers or {})})
        response = conn.getresponse()
        data = response.read()
        if response.headers.get_content_type() == "application/json":
            return response.status, response.headers, json.loads(data)
        return response.status, response.headers, data
    finally:
        conn.close()


# -- static files and headers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "ctype", "needle"),
    [
        ("/", "text/html", b"<textarea"),
        ("/index.html", "text/html", b'src="/app.js"'),
        ("/app.js", "text/javascript", b"textContent"),
        ("/style.css", "text/css", b".kt-c0"),
    ],
)
def test_static_files_come_from_the_package(
    server: EditorServer, path: str, ctype: str, needle: bytes
) -> None:
    status, headers, body = call(server, "GET", path)
    assert status == 200
    assert headers.get_content_type() == ctype
    assert needle in body
    assert headers["Content-Security-Policy"] == "default-src 'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_page_loads_nothing_from_elsewhere(server: EditorServer) -> None:
    for path in ("/", "/app.js", "/style.css"):
        body = call(server, "GET", path)[2].decode()
        assert "http://" not in body and "https://" not in body
        for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in body


def test_glossaries(server: EditorServer) -> None:
    status, _, data = call(server, "GET", "/api/glossaries")
    assert status == 200
    assert [g["name"] for g in data["glossaries"]] == ["test"]
    assert data["selected"] == "test" and data["max_bytes"] == 50_000


def test_default_glossaries_are_offered_and_not_loaded_up_front() -> None:
    server = make_server(port=0)
    for s in _serve(server):
        names = [
            (g["name"], g["loaded"]) for g in call(s, "GET", "/api/glossaries")[2]["glossaries"]
        ]
        assert names == [("default", False), ("default+entities", False)]


# -- /api/tag and /api/box ---------------------------------------------------------------


def test_tag_splits_articles_at_dashes(server: EditorServer) -> None:
    status, headers, data = call(
        server, "POST", "/api/tag", {"text": f"{ARTICLE}\n---\n{SECOND}\n"}
    )
    assert status == 200
    assert headers["Cache-Control"] == "no-store"
    assert data["glossary"] == "test"
    assert [d["id"] for d in data["documents"]] == ["1", "2"]
    first, second = data["documents"]
    assert first["fields"] == {"text": ARTICLE}
    assert [(m["term_id"], m["surface"]) for m in first["mentions"]] == [
        ("hyperscaler", "하이퍼스케일러"),
        ("capex", "자본 지출"),
        ("capex", "CapEx"),
        ("roi", "투자 자본 수익률"),
        ("roi", "ROI"),
    ]
    # Offsets count code points, as Python does: the emoji does not shift them.
    text = second["fields"]["text"]
    assert [text[m["start"] : m["end"]] for m in second["mentions"]] == ["주권 AI", "기준금리"]
    assert data["terms"]["capex"]["definition"] == "기업이 장기 자산에 쓰는 돈."
    assert "CapEx" in data["terms"]["capex"]["synonyms"]
    assert set(data["terms"]) == {"hyperscaler", "capex", "roi", "sovereign_ai", "base_rate"}


@pytest.mark.parametrize(
    "date", ["2026.03.02", "2026. 3. 2.", "20260302", "2026-03-02T09:30:00+09:00"]
)
def test_documents_take_dates_as_corpus_reads_them(server: EditorServer, date: str) -> None:
    docs = [{"id": "a", "body": ARTICLE, "date": date}]
    status, _, data = call(server, "POST", "/api/box", {"documents": docs, "glossary": "test"})
    assert status == 200, data
    assert data["date_from"] == "2026-03-02"


def test_tag_documents_with_title_and_body(server: EditorServer) -> None:
    docs = [
        {
            "id": "a",
            "title": "소버린 AI 경쟁",
            "body": ARTICLE,
            "date": "2026-03-02",
            "source": "한빛",
        }
    ]
    data = call(server, "POST", "/api/tag", {"documents": docs, "glossary": "test"})[2]
    (doc,) = data["documents"]
    assert doc["id"] == "a" and list(doc["fields"]) == ["title", "body"]
    assert [m["field"] for m in doc["mentions"]][:2] == ["title", "body"]
    assert doc["mentions"][0]["surface"] == "소버린 AI"


def test_box_is_the_library_box_plus_mentions(
    server: EditorServer, test_glossary: Glossary
) -> None:
    status, _, data = call(server, "POST", "/api/box", {"text": ARTICLE, "top": 2})
    assert status == 200
    expected = build_box([Document(id="1", text=ARTICLE)], test_glossary, top=2).to_dict()
    assert {k: data[k] for k in expected} == expected
    assert [e["term_id"] for e in data["entries"]] == ["capex", "hyperscaler"]  # explain order
    assert data["entries"][0]["n_examples"] == 2 and len(data["entries"][0]["examples"]) == 2
    assert len(data["documents"][0]["mentions"]) == 5
    # Terms cover every mention, not just the two in the box.
    assert set(data["terms"]) == {"hyperscaler", "capex", "roi"}


def test_box_rank_and_basic_are_the_library_options(
    server: EditorServer, test_glossary: Glossary
) -> None:
    docs = [
        {"id": "a", "title": "금리 동결", "body": "금리가 관건이다.", "date": "2026-01-05"},
        {"id": "b", "title": "수소 경제", "body": "수소 설비.", "date": "2026-10-20"},
    ]
    payload = {"documents": docs, "top": None, "rank": "trending", "basic": True}
    data = call(server, "POST", "/api/box", payload)[2]
    lib = build_box(
        [
            Document(
                id=d["id"], title=d["title"], body=d["body"], date=dt.date.fromisoformat(d["date"])
            )
            for d in docs
        ],
        test_glossary,
        top=None,
        rank="trending",
        basic=True,
    )
    assert data["rank"] == "trending" and data["warnings"] == []
    assert data["window"] == [w.isoformat() for w in lib.window]
    rendered = call(server, "POST", "/api/render", {"box": data, "format": "text"})[2]["text"]
    assert rendered == lib.to_text()  # the window survives the round trip
    assert [e["term_id"] for e in data["entries"]] == [e.term_id for e in lib.entries]
    # Undated pasted text cannot be ordered by rise: the page is told why.
    undated = call(server, "POST", "/api/box", {"text": ARTICLE, "rank": "trending"})[2]
    assert any("at least two dates" in w for w in undated["warnings"])


def test_render_copies_the_edited_box_in_the_library_format(
    server: EditorServer, test_glossary: Glossary
) -> None:
    data = call(server, "POST", "/api/box", {"text": ARTICLE, "top": None})[2]
    edited = {k: v for k, v in data.items() if k not in ("documents", "terms")}
    edited["entries"] = [data["entries"][2], data["entries"][0]]  # remove one, reorder
    edited["entries"][1]["chosen"] = 2  # page to the 2nd example of 자본 지출
    lib = build_box([Document(id="1", text=ARTICLE)], test_glossary, top=None)
    expected = replace(lib, entries=(lib.entries[2], replace(lib.entries[0], chosen=1)))
    for fmt, want in [
        ("markdown", expected.to_markdown()),
        ("html", expected.to_html(fragment=True)),
        ("text", expected.to_text()),
        ("json", expected.to_json()),
    ]:
        status, _, answer = call(server, "POST", "/api/render", {"box": edited, "format": fmt})
        assert status == 200, answer
        assert answer == {"format": fmt, "text": want}
    assert '2 / 2 "메타의 CapEx는' in expected.to_markdown()


def test_html_render_escapes_definitions() -> None:
    g = Glossary(
        [Term(id="capex", term="자본 지출", definition="<script>window.__pwned=1</script>")]
    )
    for s in _serve(make_server(port=0, glossaries={"x": g})):
        box = call(s, "POST", "/api/box", {"text": "<b>자본 지출</b>이 늘었다고 회사가 밝혔다."})[2]
        html = call(s, "POST", "/api/render", {"box": box, "format": "html"})[2]["text"]
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert "<b>" not in html


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/api/tag", b"{not json", 400, "not valid UTF-8 JSON"),
        ("/api/tag", b"\xff\xfe", 400, "not valid UTF-8 JSON"),
        ("/api/tag", [1, 2], 400, "should be a JSON object, got list"),
        ("/api/tag", {"glossary": "test"}, 400, "`text` and `documents`"),
        ("/api/tag", {"text": "a", "documents": []}, 400, "exactly one of"),
        ("/api/tag", {"text": 3}, 400, "`text` should be a string, got int"),
        ("/api/tag", {"text": " \n---\n "}, 400, "`text` is empty"),
        (
            "/api/tag",
            {"text": "금리", "glossary": "nope"},
            400,
            "`glossary` should be one of ['test'], got 'nope'",
        ),
        ("/api/box", {"text": "금리", "top": 0}, 400, "`top` should be an int from 1"),
        ("/api/box", {"text": "금리", "top": "5"}, 400, "got '5'"),
        ("/api/box", {"text": "금리", "rank": "new"}, 400, "`rank` should be one of"),
        ("/api/box", {"text": "금리", "basic": "yes"}, 400, "`basic` should be true or false"),
        ("/api/tag", {"documents": {}}, 400, "`documents` should be a non-empty list"),
        (
            "/api/tag",
            {"documents": [{"id": "a", "body": "x"}, {"id": "b"}]},
            400,
            "`documents[1]` has no `title`",
        ),
        (
            "/api/tag",
            {"documents": [{"id": "a", "body": 5}]},
            400,
            "`documents[0].body` should be a string",
        ),
        (
            "/api/tag",
            {"documents": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]},
            400,
            "repeats the id 'a'",
        ),
        (
            "/api/tag",
            {"documents": [{"text": "x", "date": "어제"}]},
            400,
            "`documents[0].date` should be a date",
        ),
        ("/api/render", {"format": "markdown"}, 400, "missing field `box`"),
        ("/api/render", {"box": {}, "format": "pdf"}, 400, "`format` should be one of"),
        ("/api/render", {"box": {"entries": "x"}}, 400, "`box.entries` should be list"),
        (
            "/api/render",
            {"box": {"n_documents": 1, "n_mentions": 0, "entries": [], "window": ["2026-03-01"]}},
            400,
            "`box.window` should be [start, end]",
        ),
        (
            "/api/render",
            {"box": {"n_documents": 1, "n_mentions": 1, "entries": [{}]}},
            400,
            "`box.entries[0].examples`",
        ),
    ],
)
def test_bad_requests_name_the_field(
    server: EditorServer, path: str, body: Any, status: int, message: str
) -> None:
    got, _, data = call(server, "POST", path, body)
    assert got == status
    assert data["status"] == status
    assert message in data["error"]


def test_render_checks_the_chosen_example(server: EditorServer) -> None:
    box = call(server, "POST", "/api/box", {"text": ARTICLE})[2]
    box["entries"][0]["chosen"] = 9
    status, _, data = call(server, "POST", "/api/render", {"box": box})
    assert status == 400
    assert data["error"] == "`box.entries[0].chosen` should be from 1 to 2, got 9"


def test_json_is_required(server: EditorServer) -> None:
    status, _, data = call(
        server, "POST", "/api/tag", b"text=x", headers={"Content-Type": "text/plain"}
    )
    assert status == 415 and "'application/json'" in data["error"]


def test_large_body_is_refused_before_it_is_read(server: EditorServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=60)
    try:
        start = time.monotonic()
        conn.putrequest("POST", "/api/box")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(500_000_000))
        conn.endheaders(b'{"text": "')  # the remaining 500 MB never come
        response = conn.getresponse()
        data = json.loads(response.read())
        elapsed = time.monotonic() - start
    finally:
        conn.close()
    assert response.status == 413
    assert "500,000,000 bytes" in data["error"] and "at most 50,000" in data["error"]
    assert elapsed < 2


def test_large_body_sent_whole_still_gets_413(server: EditorServer) -> None:
    status, _, data = call(server, "POST", "/api/tag", {"text": "가" * 60_000})
    assert status == 413 and "--max-bytes" in data["error"]


def test_chunked_body_needs_a_length(server: EditorServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=60)
    try:
        conn.request(
            "POST",
            "/api/tag",
            body=iter([b'{"text": "x"}']),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = conn.getresponse()
        assert response.status == 411
        assert "Content-Length" in json.loads(response.read())["error"]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("method", "path", "status", "message"),
    [
        ("GET", "/nope", 404, "no such path: /nope"),
        ("POST", "/api/nope", 404, "no such path: /api/nope"),
        ("GET", "/../../etc/passwd", 404, "no such path"),
        ("GET", "/api/tag", 405, "takes POST"),
        ("POST", "/api/glossaries", 405, "takes GET"),
    ],
)
def test_unknown_paths_and_methods(
    server: EditorServer, method: str, path: str, status: int, message: str
) -> None:
    got, headers, data = call(server, method, path, {} if method == "POST" else None)
    assert got == status and message in data["error"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_foreign_host_names_are_refused(server: EditorServer) -> None:
    # A page on another site that rebinds its name to 127.0.0.1 sends its own Host.
    status, _, data = call(server, "GET", "/api/glossaries", headers={"Host": "evil.example:8765"})
    assert status == 421 and "evil.example" in data["error"]
    assert call(server, "GET", "/", headers={"Host": "localhost:1"})[0] == 200


def test_a_glossary_that_does_not_load_is_a_500_with_the_reason() -> None:
    def broken() -> Glossary:
        raise FileNotFoundError("no *.yaml files in glossary/data/default")

    for s in _serve(make_server(port=0, glossaries={"broken": broken})):
        status, _, data = call(s, "POST", "/api/tag", {"text": "금리"})
        assert status == 500
        assert (
            data["error"]
            == "glossary 'broken' could not be loaded: no *.yaml files in glossary/data/default"
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_bytes": 0}, "`max_bytes` should be a positive int, got 0"),
        ({"port": 70000}, "`port` should be"),
    ],
)
def test_make_server_checks_its_options(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        make_server(**kwargs)


# -- kotrend serve ------------------------------------------------------------------------


def test_cli_serve_offers_files_first(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nterms:\n  - id: capex\n    term: 자본 지출\n", encoding="utf-8")
    seen: dict[str, Any] = {}

    def fake_serve_forever(self: EditorServer, poll_interval: float = 0.5) -> None:
        seen["names"] = self.glossaries.names
        seen["max_bytes"] = self.max_bytes
        raise KeyboardInterrupt

    monkeypatch.setattr(EditorServer, "serve_forever", fake_serve_forever)
    result = CliRunner().invoke(
        main, ["serve", "--port", "0", "-g", str(path), "--max-bytes", "1000"]
    )
    assert result.exit_code == 0, result.output
    assert seen == {"names": ["mine", "default", "default+entities"], "max_bytes": 1000}
    assert "editor page on http://127.0.0.1:" in result.output


def test_cli_serve_reports_a_bad_glossary_and_a_busy_port(
    tmp_path: Any, server: EditorServer
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms:\n  - term: 자본 지출\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "-g", str(bad)])
    assert result.exit_code == 1 and "bad.yaml" in result.output
    port = server.server_address[1]
    result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output


# -- the editor's additions: search, one term, inline HTML, the house glossary -----------


def test_glossaries_have_korean_labels() -> None:
    for s in _serve(make_server(port=0)):
        data = call(s, "GET", "/api/glossaries")[2]
        assert [g["label"] for g in data["glossaries"]] == [
            "기본 용어집",
            "기본 용어집 + 기업·기관",
        ]
        assert data["house"] is None


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("자본지출", ["capex"]),  # spacing ignored
        ("capital expenditure", ["capex"]),  # English, case ignored
        ("rpo", ["cloud_backlog"]),  # an alias
        ("sovereign_ai", ["sovereign_ai"]),  # the id
        ("클라우드", ["cloud", "cloud_backlog"]),  # exact match first, then prefix
        ("금리", ["interest_rate", "rate_cut", "base_rate"]),  # then substring
    ],
)
def test_search_finds_terms_by_any_form(server: EditorServer, query: str, ids: list[str]) -> None:
    status, _, data = call(server, "POST", "/api/search", {"query": query})
    assert status == 200, data
    assert [t["id"] for t in data["terms"]] == ids


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"query": " "}, "`query` should be a non-empty string"),
        ({"query": "금리", "limit": 0}, "`limit` should be an int from 1 to 50, got 0"),
        ({"query": "금리", "glossary": "nope"}, "`glossary` should be one of ['test']"),
    ],
)
def test_search_errors(server: EditorServer, body: dict[str, Any], message: str) -> None:
    status, _, data = call(server, "POST", "/api/search", body)
    assert status == 400 and message in data["error"]


def test_box_for_given_terms_adds_one_the_editor_clicked(
    server: EditorServer, test_glossary: Glossary
) -> None:
    data = call(server, "POST", "/api/box", {"text": ARTICLE, "top": 1})[2]
    assert [e["term_id"] for e in data["entries"]] == ["capex"]
    one = call(server, "POST", "/api/box", {"text": ARTICLE, "terms": ["hyperscaler"]})[2]
    lib = build_box([Document(id="1", text=ARTICLE)], test_glossary, terms=["hyperscaler"])
    assert one["entries"] == lib.to_dict()["entries"]
    assert [e["term_id"] for e in one["entries"]] == ["hyperscaler"]
    status, _, err = call(server, "POST", "/api/box", {"text": ARTICLE, "terms": ["nope"]})
    assert status == 400 and "['nope']" in err["error"]
    status, _, err = call(server, "POST", "/api/box", {"text": ARTICLE, "terms": "capex"})
    assert status == 400 and "`terms` should be a list of term ids" in err["error"]


def test_html_with_inline_styles_has_no_classes(server: EditorServer) -> None:
    box = call(server, "POST", "/api/box", {"text": ARTICLE})[2]
    plain = call(server, "POST", "/api/render", {"box": box, "format": "html"})[2]["text"]
    answer = call(
        server, "POST", "/api/render", {"box": box, "format": "html", "inline_styles": True}
    )[2]["text"]
    assert "class=" in plain and "class=" not in answer and "data-" not in answer
    assert answer.startswith('<section style="font-family:')
    assert "word-break:keep-all" in answer
    assert '<mark style="background:#fff2a8' in answer
    # The same text, only the markup's attributes differ.
    strip = re.compile(r"<[^>]+>")
    assert strip.sub("", answer) == strip.sub("", plain)
    status, _, err = call(
        server, "POST", "/api/render", {"box": box, "format": "text", "inline_styles": True}
    )
    assert status == 400 and "`inline_styles` applies to format 'html' only" in err["error"]


def test_house_glossary_saves_atomically_and_overrides_definitions(
    tmp_path: Any, test_glossary: Glossary
) -> None:
    house = tmp_path / "house.yaml"
    bundled = tmp_path / "bundled.yaml"
    glossary.save(test_glossary, bundled)
    before = bundled.read_bytes()
    g = glossary.load(bundled)
    for s in _serve(make_server(port=0, glossaries={"test": g}, house=house)):
        assert call(s, "GET", "/api/glossaries")[2]["house"] == str(house)
        status, _, data = call(
            s, "POST", "/api/house", {"term_id": "capex", "definition": " 설비에 쓰는 돈. "}
        )
        assert status == 200, data
        assert data == {
            "saved": True,
            "path": str(house),
            "term_id": "capex",
            "definition": "설비에 쓰는 돈.",
        }
        saved = glossary.load(house)
        assert [(t.id, t.term, t.definition) for t in saved] == [
            ("capex", "자본 지출", "설비에 쓰는 돈.")
        ]
        assert saved["capex"].aliases == test_glossary["capex"].aliases
        # A second save replaces the entry; no temporary file is left beside it.
        call(s, "POST", "/api/house", {"term_id": "capex", "definition": "둘째 정의."})
        call(s, "POST", "/api/house", {"term_id": "roi", "definition": "수익률."})
        assert [(t.id, t.definition) for t in glossary.load(house)] == [
            ("capex", "둘째 정의."),
            ("roi", "수익률."),
        ]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bundled.yaml", "house.yaml"]
        # Every box and tag answer shows the house definition from now on.
        box = call(s, "POST", "/api/box", {"text": ARTICLE})[2]
        by_id = {e["term_id"]: e["definition"] for e in box["entries"]}
        assert by_id["capex"] == "둘째 정의." and by_id["roi"] == "수익률."
        assert box["terms"]["capex"]["definition"] == "둘째 정의."
        assert box["terms"]["capex"]["house"] is True
        assert box["terms"]["hyperscaler"]["house"] is False
        hit = call(s, "POST", "/api/search", {"query": "capex"})[2]["terms"][0]
        assert hit["definition"] == "둘째 정의."
        for body, message in [
            ({"term_id": "nope", "definition": "x"}, "`term_id` 'nope' is not in glossary"),
            ({"term_id": "capex", "definition": "  "}, "`definition` should be a non-empty"),
            ({"term_id": 3, "definition": "x"}, "`term_id` should be a term id"),
        ]:
            status, _, err = call(s, "POST", "/api/house", body)
            assert status == 400 and message in err["error"]
    assert bundled.read_bytes() == before


def test_without_a_house_glossary_saving_is_refused(server: EditorServer) -> None:
    status, _, err = call(server, "POST", "/api/house", {"term_id": "capex", "definition": "x"})
    assert status == 409 and "--house FILE.yaml" in err["error"]


def test_house_glossary_must_be_a_glossary_file(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match=r"`house` should be a glossary file ending in one of"):
        make_server(port=0, house=tmp_path / "house.txt")


def test_cli_serve_takes_a_house_glossary(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_serve_forever(self: EditorServer, poll_interval: float = 0.5) -> None:
        seen["house"] = self.glossaries.house
        raise KeyboardInterrupt

    monkeypatch.setattr(EditorServer, "serve_forever", fake_serve_forever)
    house = tmp_path / "house.yaml"
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--house", str(house)])
    assert result.exit_code == 0, result.output
    assert seen["house"].path == house
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--house", str(tmp_path / "h.txt")])
    assert result.exit_code == 2 and "--house" in result.output
