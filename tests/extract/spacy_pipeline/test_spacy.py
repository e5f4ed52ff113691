"""spaCy integration: the ``kotrend.KiwiTokenizer`` tokenizer and ``kotrend_glossary``."""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import pickle
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

import glossary
from corpus import read_documents
from extract import Tagger
from glossary import Glossary

spacy = pytest.importorskip("spacy")

from extract.spacy_pipeline.component import GlossaryComponent  # noqa: E402
from extract.spacy_pipeline.tokenizer import KiwiTokenizer, Morph, pieces  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
KIWI = {"nlp": {"tokenizer": {"@tokenizers": "kotrend.KiwiTokenizer"}}}
SNIPPET = """
import spacy
nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kotrend.KiwiTokenizer"}}})
nlp.add_pipe("kotrend_glossary", config={"glossary": "default"})
doc = nlp("하이퍼스케일러들은 올해 자본 지출을 늘렸다.")
print([(s.text, s.kb_id_) for s in doc.spans["kotrend"]])
"""
# Invented sentences (no real-news excerpts).
SENTENCES = [
    "하이퍼스케일러들은 올해 자본 지출을 늘렸다.",
    "빅테크의 CapEx가 늘고 자본지출 경쟁이 붙었다.",
    "한국은행이 기준금리를 동결했지만 유가증권 시장은 흔들렸다.",
    "주권 AI와 소버린 AI 논의가 이어졌다. 생성형 AI 투자도 늘었다.",
    "국제 유가가 오르자  금리 인하 기대가 줄었다.\n반도체 수출은 늘었다.",
]


@pytest.fixture(scope="session")
def nlp():
    """The README pipeline: Kiwi tokenizer + the default glossary."""
    nlp = spacy.blank("ko", config=KIWI)
    nlp.add_pipe("kotrend_glossary", config={"glossary": "default"})
    return nlp


@pytest.fixture(scope="session")
def full_component() -> GlossaryComponent:
    return GlossaryComponent(glossary="default", mode="full")


@pytest.fixture(scope="session")
def glossary_file(tmp_path_factory: pytest.TempPathFactory, test_glossary: Glossary) -> Path:
    path = tmp_path_factory.mktemp("glossary") / "test.yaml"
    glossary.save(test_glossary, path)
    return path


def _file_pipeline(path: Path, lang: str = "ko", **config: Any):
    nlp = spacy.blank(lang, config=KIWI if lang == "ko" else {})
    nlp.add_pipe("kotrend_glossary", config={"glossary": str(path), **config})
    return nlp


def _spans(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)  # keep the Doc alive while its spans are read
    return [(s.text, s.kb_id_, s.label_) for s in doc.spans["kotrend"]]


# --- tokenizer ---------------------------------------------------------------------------

TOKENS = [
    # (text, tokens joined by "/", why)
    ("하이퍼스케일러들은", "하이퍼스케일러/들/은", "noun + 들 + particle"),
    ("자본 지출을 늘렸다.", "자본/지출/을/늘렸/다/.", "늘렸 = 늘리 + 었 share a character"),
    ("했다", "했/다", "하 + 었 on one character"),
    ("CapEx가 늘었다", "CapEx/가/늘/었/다", "Latin glued to a particle; 늘+었 apart"),
    ("자본  지출\n", "자본/ /지출/\n", "extra whitespace becomes space tokens"),
    ("  ", "  ", "whitespace only"),
    ("", "", "empty text"),
]


@pytest.mark.parametrize(("text", "expected", "why"), TOKENS, ids=[c[2] for c in TOKENS])
def test_tokens(nlp, text: str, expected: str, why: str) -> None:
    doc = nlp.make_doc(text)
    assert "/".join(t.text for t in doc) == expected, why
    assert doc.text == text


def test_merged_morphemes_keep_tags_and_forms(nlp) -> None:
    doc = nlp.make_doc("자본 지출을 늘렸다.")
    got = [(t.text, t.tag_, t.lemma_, t.pos_) for t in doc]
    assert got[3] == ("늘렸", "VV+EP", "늘리+었", "VERB")
    assert got[:3] == [("자본", "NNG", "자본", "NOUN"), ("지출", "NNG", "지출", "NOUN"),
                       ("을", "JKO", "을", "ADP")]  # fmt: skip
    assert (got[-1][1], got[-1][3]) == ("SF", "PUNCT")


def test_whitespace_goes_into_spaces_and_space_tokens(nlp) -> None:
    doc = nlp.make_doc("자본  지출\n")
    assert [t.whitespace_ for t in doc] == [" ", "", "", ""]
    assert [(t.is_space, t.tag_, t.pos_) for t in doc if t.is_space] == [
        (True, "_SP", "SPACE"),
        (True, "_SP", "SPACE"),
    ]


def test_sentences_come_from_kiwi(nlp) -> None:
    text = "첫 문장입니다. 둘째 문장은 여기에!\n셋째 문장이다"
    doc = nlp.make_doc(text)
    sents = [s.text_with_ws for s in doc.sents]
    assert sents == ["첫 문장입니다. ", "둘째 문장은 여기에!\n", "셋째 문장이다"]


_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0xAC00, 0xAC00 + 400, 7)]  # Hangul syllables
    + list("했다됐것은는이가을를의들요")
    + list("ABCxyzÉ0189%$.,!?()[]\"'·…-~#@/")
    + [" ", " ", "  ", "\n", "\t", "\u3000", "\u00a0", "\u1100", "\u1161", "\u11a8", "ㅋ", "😀"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_tokens_cover_the_text_exactly(nlp, text: str) -> None:
    doc = nlp.make_doc(text)
    assert "".join(t.text_with_ws for t in doc) == text
    for t in doc:
        assert t.text
        if t.is_space:
            assert t.text.isspace()
        else:
            assert t.text == t.text.strip(), t.text
    if len(doc):
        assert doc[0].is_sent_start


PIECES = [
    # (text, morphemes as (start, end, form, tag), pieces as (start, end, tag, lemma), why)
    ("했다", [(0, 1, "하", "VV"), (0, 1, "었", "EP"), (1, 2, "다", "EF")],
     [(0, 1, "VV+EP", "하+었"), (1, 2, "EF", "다")], "same character"),
    ("늘렸다", [(0, 2, "늘리", "VV"), (1, 2, "었", "EP"), (2, 3, "다", "EF")],
     [(0, 2, "VV+EP", "늘리+었"), (2, 3, "EF", "다")], "overlap at the end"),
    ("학생다", [(0, 2, "학생", "NNG"), (2, 2, "이", "VCP"), (2, 3, "다", "EF")],
     [(0, 2, "NNG+VCP", "학생+이"), (2, 3, "EF", "다")], "zero length joins the left piece"),
    ("다", [(0, 0, "이", "VCP"), (0, 1, "다", "EF")], [(0, 1, "VCP+EF", "이+다")],
     "zero length at the start joins the next piece"),
    ("가 ★나", [(0, 1, "가", "NNG"), (3, 4, "나", "NP")],
     [(0, 1, "NNG", "가"), (2, 3, "", "★"), (3, 4, "NP", "나")], "uncovered text"),
    ("가 나", [(0, 3, "가 나", "NNP")], [(0, 3, "NNP", "가 나")], "inner space kept"),
    ("가 ", [(0, 2, "가 ", "NNP")], [(0, 1, "NNP", "가 ")], "edges trimmed"),
    ("가나", [(0, 1, "가", "NNG"), (1, 5, "나다라", "NNG")],
     [(0, 1, "NNG", "가"), (1, 2, "NNG", "나다라")], "end clamped to the text"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "morphs", "expected", "why"), PIECES, ids=[c[3] for c in PIECES])
def test_pieces(text: str, morphs: list, expected: list, why: str) -> None:
    got = pieces(text, [Morph(s, e, f, t, 0) for s, e, f, t in morphs])
    assert [(p.start, p.end, p.tag, p.lemma) for p in got] == expected, why


def test_tokenizer_reduce_leaves_kiwi_out(nlp) -> None:
    nlp.make_doc("자본 지출")  # Kiwi now exists in this process
    cls, args = nlp.tokenizer.__reduce__()
    assert cls is KiwiTokenizer and args == (nlp.vocab,)
    assert isinstance(pickle.loads(pickle.dumps(nlp.tokenizer)), KiwiTokenizer)


# --- component ---------------------------------------------------------------------------


def test_readme_snippet(nlp) -> None:
    assert [(s, k) for s, k, _ in _spans(nlp, SENTENCES[0])] == [
        ("하이퍼스케일러", "hyperscaler"),
        ("자본 지출", "capex"),
    ]


@pytest.mark.parametrize("mode", ["fast", "full"])
@pytest.mark.parametrize("text", SENTENCES)
def test_component_gives_the_taggers_mentions(
    nlp, full_component: GlossaryComponent, text: str, mode: str
) -> None:
    g = glossary.default()
    mentions = Tagger(g, mode=mode).tag(text)
    doc = nlp(text) if mode == "fast" else full_component(nlp.make_doc(text))
    got = [(s.start_char, s.end_char, s.text, s.kb_id_, s.label_) for s in doc.spans["kotrend"]]
    want = [(m.start, m.end, m.surface, m.term_id, g[m.term_id].category) for m in mentions]
    assert mentions and got == want


def test_label_is_term_without_category(tmp_path: Path, test_glossary: Glossary) -> None:
    terms = [
        dataclasses.replace(t, category=None) if t.id == "hyperscaler" else t for t in test_glossary
    ]
    path = tmp_path / "g.yaml"
    glossary.save(Glossary(terms, name="test"), path)
    got = _spans(_file_pipeline(path), "하이퍼스케일러들은 CapEx를 늘렸다.")
    assert got == [("하이퍼스케일러", "hyperscaler", "TERM"), ("CapEx", "capex", "기업재무·회계")]


def test_other_tokenizers_get_their_tokens_split(glossary_file: Path) -> None:
    # spacy.blank("ko") needs MeCab; "xx" splits on whitespace and punctuation only.
    text = "하이퍼스케일러들은 올해 자본 지출을 늘렸다."
    doc = _file_pipeline(glossary_file, lang="xx")(text)
    assert [(s.text, s.kb_id_) for s in doc.spans["kotrend"]] == [
        ("하이퍼스케일러", "hyperscaler"),
        ("자본 지출", "capex"),
    ]
    assert [t.text for t in doc][:3] == ["하이퍼스케일러", "들은", "올해"] and doc.text == text
    kept = _file_pipeline(glossary_file, lang="xx", split_tokens=False)(text)
    assert [t.text for t in kept][:2] == ["하이퍼스케일러들은", "올해"]
    assert [s.text for s in kept.spans["kotrend"]] == ["하이퍼스케일러들은", "자본 지출을"]


def test_split_pieces_keep_the_tag(nlp) -> None:
    # One token holding a mention and more (as when Kiwi keeps a compound whole).
    doc = nlp.make_doc("하이퍼스케일러들은 늘었다")
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3], attrs={"TAG": "NNG", "LEMMA": "하이퍼스케일러들은"})
    doc = nlp.get_pipe("kotrend_glossary")(doc)
    assert [(t.text, t.tag_, t.lemma_) for t in doc][:2] == [
        ("하이퍼스케일러", "NNG", "하이퍼스케일러"),
        ("들은", "NNG", "들은"),
    ]
    assert [(s.text, s.kb_id_) for s in doc.spans["kotrend"]] == [("하이퍼스케일러", "hyperscaler")]


def test_spans_key_is_configurable(glossary_file: Path) -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("kotrend_glossary", config={"glossary": str(glossary_file), "spans_key": "terms"})
    doc = nlp("CapEx가 늘었다")
    assert "kotrend" not in doc.spans
    assert [s.kb_id_ for s in doc.spans["terms"]] == ["capex"]


def test_displacy_shows_the_spans(nlp) -> None:
    doc = nlp(SENTENCES[0])
    html = spacy.displacy.render(doc, style="span", options={"spans_key": "kotrend"})
    for span in doc.spans["kotrend"]:
        assert span.text.split()[0] in html
        assert span.label_ in html
    assert "AI·클라우드·데이터센터" in html and "기업재무·회계" in html


def test_to_disk_and_load_without_the_glossary_file(
    tmp_path: Path, test_glossary: Glossary
) -> None:
    source = tmp_path / "mine.yaml"
    glossary.save(test_glossary, source)
    nlp = _file_pipeline(source)
    text = "하이퍼스케일러들은 CapEx를 늘렸다. 기준금리도 올랐다."
    before = _spans(nlp, text)
    nlp.to_disk(tmp_path / "pipeline")
    source.unlink()
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.tokenizer, KiwiTokenizer)
    assert list(loaded.get_pipe("kotrend_glossary").glossary) == list(test_glossary)
    assert _spans(loaded, text) == before and len(before) == 3


def test_to_bytes_carries_the_glossary(tmp_path: Path, test_glossary: Glossary) -> None:
    source = tmp_path / "mine.yaml"
    glossary.save(test_glossary, source)
    nlp = _file_pipeline(source)
    data = nlp.to_bytes()
    source.unlink()
    restored = spacy.util.load_model_from_config(nlp.config).from_bytes(data)
    assert _spans(restored, "CapEx가 늘었다") == [("CapEx", "capex", "기업재무·회계")]


def test_pickle_pipeline(glossary_file: Path) -> None:
    nlp = _file_pipeline(glossary_file)
    text = "하이퍼스케일러들은 CapEx를 늘렸다."
    before = _spans(nlp, text)  # after use, so Kiwi and the tagger exist
    copy = pickle.loads(pickle.dumps(nlp))
    assert _spans(copy, text) == before and before


def test_missing_glossary_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    nlp = spacy.blank("xx")
    nlp.add_pipe("kotrend_glossary", config={"glossary": str(missing)})
    with pytest.raises(FileNotFoundError, match=r"glossary file not found: '.*nope\.yaml'"):
        nlp("CapEx")
    with pytest.raises(FileNotFoundError, match=r"nope\.yaml.*'default', 'default\+entities'"):
        nlp.initialize()


@pytest.mark.parametrize(
    ("config", "match"),
    [
        ({"glossary": "nope"}, r"`glossary` should be one of \('default', .*got 'nope'"),
        (
            {"glossary": "terms.txt"},
            r"\.yaml/\.yml/\.json/\.csv glossary file, but got 'terms.txt'",
        ),
        ({"mode": "slow"}, r"`mode` should be one of \('fast', 'full'\), but got 'slow'"),
        ({"spans_key": ""}, r"`spans_key` should be a non-empty str, but got ''"),
        ({"split_tokens": "yes"}, r"`?split_tokens`?"),
    ],
)
def test_bad_config(config: dict, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        spacy.blank("xx").add_pipe("kotrend_glossary", config=config)


def test_component_repr_and_defaults() -> None:
    component = GlossaryComponent()
    assert repr(component) == (
        "GlossaryComponent(name='kotrend_glossary', glossary='default', "
        "spans_key='kotrend', mode='fast', split_tokens=True)"
    )
    assert component.glossary is glossary.default()


# --- packaging ---------------------------------------------------------------------------


ENTRY_POINTS = {
    "spacy_tokenizers": (
        "kotrend.KiwiTokenizer",
        "extract.spacy_pipeline.tokenizer:create_kiwi_tokenizer",
    ),
    "spacy_factories": (
        "kotrend_glossary",
        "extract.spacy_pipeline.component:make_glossary_component",
    ),
}


@pytest.mark.parametrize("group", sorted(ENTRY_POINTS))
def test_entry_points_are_declared_and_installed(group: str) -> None:
    name, target = ENTRY_POINTS[group]
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["entry-points"][group] == {name: target}
    installed = {ep.name: ep.value for ep in metadata.entry_points(group=group)}
    assert installed.get(name) == target, (
        f"the installed kotrend does not declare {group} {name!r}: pip install -e ."
    )
    module, _, attr = target.partition(":")
    assert callable(getattr(importlib.import_module(module), attr))


def _run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO.parent
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_snippet_works_in_a_fresh_process_through_entry_points() -> None:
    out = _run(SNIPPET)
    assert out.strip() == "[('하이퍼스케일러', 'hyperscaler'), ('자본 지출', 'capex')]"


def test_import_extract_does_not_import_spacy() -> None:
    out = _run("import sys, extract; print(sorted(m for m in sys.modules if m == 'spacy'))")
    assert out.strip() == "[]"


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["naver_news_small_samples.jsonl", "finance_phrasebank_ko.jsonl"])
def test_real_news_spans_match_the_tagger(nlp, shared_data: Path, name: str) -> None:
    path = shared_data / "news" / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    tagger = nlp.get_pipe("kotrend_glossary").tagger
    n = 0
    for document in itertools.islice(read_documents(path, on_error="skip"), 60):
        for _, text in document.texts():
            doc = nlp(text)
            assert doc.text == text
            mentions = tagger.tag(text)
            assert len(doc.spans["kotrend"]) == len(mentions)
            for span, m in zip(doc.spans["kotrend"], mentions, strict=True):
                assert span.kb_id_ == m.term_id
                assert (span.start_char, span.end_char, span.text) == (m.start, m.end, m.surface)
                n += 1
    assert n >= 10
