"""Property: any glossary the writers accept reads back unchanged, in every format."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import glossary
from glossary import Glossary, Term


# Cells are stripped when CSV is read and "|" separates list items there, so the
# strategy keeps to what every format can hold: no "|" and no spaces at the ends.
def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|")
# Files are read as NFC (decomposed forms would never match), so glossaries are NFC.
_text = st.text(_chars, min_size=1, max_size=12).map(_nfc).map(str.strip).filter(bool)
_ids = st.from_regex(r"[a-z0-9_]{1,10}", fullmatch=True)
_definition = (
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(_nfc).map(str.strip)
)


@st.composite
def _terms(draw: st.DrawFn) -> Glossary:
    ids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    terms = []
    for term_id in ids:
        aliases = tuple(draw(st.lists(_text, max_size=3, unique=True)))
        case_forms = draw(st.lists(st.sampled_from(aliases), unique=True)) if aliases else []
        terms.append(
            Term(
                id=term_id,
                term=draw(_text),
                en=draw(st.none() | _text),
                aliases=aliases,
                definition=draw(_definition) or None,
                category=draw(st.none() | _text),
                related=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
                exclude=tuple(draw(st.lists(_text, max_size=2, unique=True))),
                case=tuple((f, draw(st.booleans())) for f in case_forms),
                basic=draw(st.booleans()),
                split=draw(st.booleans()),
            )
        )
    return Glossary(terms, name=draw(_text), version=draw(_text))


@settings(max_examples=150, deadline=None)
@given(g=_terms())
def test_any_glossary_round_trips_in_every_format(g):
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("yaml", "json", "csv"):
            path = Path(tmp) / f"g.{fmt}"
            glossary.save(g, path)
            back = glossary.load(path, validate=False, name=g.name, version=g.version)
            assert back.terms == g.terms, fmt
            assert back.content_hash() == g.content_hash(), fmt
            if fmt != "csv":
                back = glossary.load(path, validate=False)
                assert (back.name, back.version) == (g.name, g.version), fmt
