"""``serve --corpus``: /api/box draws examples and related terms from the coverage."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner

import corpus
from corpus import Document
from extract import EditorServer, Tagger, build_box, make_server
from extract.cli import main
from glossary import Glossary

from .test_web import _serve, call

# Written for this test: capex and cloud backlog, without hyperscalers or sovereign AI.
ARTICLE = (
    "빅테크들이 올해 자본 지출을 크게 늘린다. 클라우드 백로그가 쌓이자 CapEx 계획을 올렸다. "
    "시장은 투자 자본 수익률(ROI)을 묻는다."
)


@pytest.fixture(scope="module")
def corpus_server(test_glossary: Glossary) -> Iterator[EditorServer]:
    server = make_server(
        port=0, glossaries={"test": test_glossary}, corpus=[str(corpus.sample_path())]
    )
    with server.glossaries.lock("test"):  # read the corpus now, not in a timed request
        server.glossaries.context("test")
    yield from _serve(server)


def test_api_box_returns_the_related_terms_of_the_library(
    corpus_server: EditorServer, fast_tagger: Tagger
) -> None:
    status, _, data = call(corpus_server, "POST", "/api/box", {"text": ARTICLE})
    assert status == 200, data
    lib = build_box(
        [Document(id="1", text=ARTICLE)], tagger=fast_tagger, top=10, corpus=corpus.load_sample()
    )
    assert [e["term_id"] for e in data["related"]] == [e.term_id for e in lib.related]
    assert {"hyperscaler", "sovereign_ai"} <= {e["term_id"] for e in data["related"]}
    assert data["corpus_documents"] == 40
    # the page's box renders with its related section
    rendered = call(corpus_server, "POST", "/api/render", {"box": data, "format": "text"})[2]
    assert rendered["text"] == lib.to_text()
    assert "관련 키워드" in rendered["text"]


def test_trending_order_ignores_the_corpus(corpus_server: EditorServer) -> None:
    status, _, data = call(corpus_server, "POST", "/api/box", {"text": ARTICLE, "rank": "trending"})
    assert status == 200 and "related" not in data


def test_without_corpus_no_related_field(test_glossary: Glossary) -> None:
    for server in _serve(make_server(port=0, glossaries={"test": test_glossary})):
        data = call(server, "POST", "/api/box", {"text": ARTICLE})[2]
        assert "related" not in data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--corpus", "no/such.jsonl"], "no such file or directory: 'no/such.jsonl'"),
    ],
)
def test_serve_checks_corpus_before_listening(args: list[str], message: str) -> None:
    res = CliRunner().invoke(main, ["serve", "--port", "0", *args])
    assert res.exit_code == 2 and message in res.stderr
