"""Terms and glossaries travel as pickles (the on-disk cache, worker processes)."""

from __future__ import annotations

import dataclasses
import pickle

from glossary import Context, Glossary, Term

FULL = Term(
    id="capex",
    term="자본 지출",
    en="Capital Expenditure",
    aliases=("CapEx", "자본지출"),
    definition="기업이 설비에 쓰는 돈.",
    category="기업재무·회계",
    related=("opex",),
    exclude=("자본지출액",),
    case=(("CapEx", True),),
    basic=True,
    split=False,
    context=Context(avoid=("선물",), forms=("CapEx",)),
    line=12,
)


def test_a_term_comes_back_from_a_pickle_with_every_field():
    back = pickle.loads(pickle.dumps(FULL))
    for f in dataclasses.fields(Term):
        assert getattr(back, f.name) == getattr(FULL, f.name), f.name
    assert back.context is not None and back.context.applies_to("CapEx")
    assert not back.context.applies_to("자본 지출")


def test_a_term_read_back_stays_frozen():
    back = pickle.loads(pickle.dumps(FULL))
    try:
        back.term = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a term read back from a pickle can be changed")


def test_the_content_hash_follows_the_name_and_version():
    g = Glossary([FULL], name="a", version="1")
    first = g.content_hash()
    assert pickle.loads(pickle.dumps(g)).content_hash() == first
    g.version = "2"
    assert g.content_hash() != first
    assert g.content_hash() == Glossary([FULL], name="a", version="2").content_hash()
    g.version = "1"
    assert g.content_hash() == first
