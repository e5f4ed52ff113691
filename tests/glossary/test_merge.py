"""merge: later glossaries override earlier ones, and every change is reported."""

from __future__ import annotations

import pytest

import glossary
from glossary import Glossary, MergeConflict, MergeResult, Term

BASE = Glossary(
    [
        Term(id="oil", term="유가", aliases=("국제유가", "oil price"), line=3),
        Term(id="roi", term="투자수익률", aliases=("ROI",), line=7),
        Term(id="gdp", term="국내총생산", aliases=("GDP",), related=("roi",), line=10),
    ],
    name="base",
    version="1",
    path="base.yaml",
)


def test_same_content_merges_without_conflicts():
    res = glossary.merge(BASE, BASE)
    assert isinstance(res, MergeResult)
    assert res.glossary.terms == BASE.terms
    assert res.conflicts == ()
    assert (res.glossary.name, res.glossary.version) == ("base+base", "1+1")


def test_later_entry_overrides_and_keeps_position():
    mine = Glossary(
        [Term(id="roi", term="투자 자본 수익률", aliases=("ROI",), line=2)],
        name="mine",
        path="mine.yaml",
    )
    res = glossary.merge(BASE, mine, name="merged", version="2")
    assert [t.id for t in res.glossary] == ["oil", "roi", "gdp"]
    assert res.glossary["roi"].term == "투자 자본 수익률"
    assert (res.glossary.name, res.glossary.version) == ("merged", "2")
    (c,) = res.conflicts
    assert (c.kind, c.term_id, c.other_id, c.form) == ("override", "roi", None, None)
    assert (c.earlier, c.later) == ("base.yaml:7", "mine.yaml:2")
    assert str(c) == "term 'roi' at mine.yaml:2 overrides the different entry at base.yaml:7"


@pytest.mark.parametrize(
    ("later", "other_id", "form", "oil_aliases"),
    [
        (Term(id="intl_oil", term="국제 유가", line=5), "oil", "국제 유가", ("oil price",)),
        (
            Term(id="brent", term="브렌트유", aliases=("Oil Price",), line=5),
            "oil",
            "Oil Price",
            ("국제유가",),
        ),
    ],
)
def test_form_claimed_by_another_id_goes_to_the_later_term(later, other_id, form, oil_aliases):
    res = glossary.merge(BASE, Glossary([later], name="mine", path="mine.yaml"))
    assert res.glossary["oil"].aliases == oil_aliases
    assert res.glossary[later.id] == later
    (c,) = res.conflicts
    assert (c.kind, c.term_id, c.other_id, c.form) == ("form", later.id, other_id, form)
    assert (c.earlier, c.later) == ("base.yaml:3", "mine.yaml:5")
    assert f"form {form!r} of term {later.id!r}" in c.message
    assert "'oil' loses" in c.message
    assert glossary.validate(res.glossary) == []


def test_term_losing_its_display_form_is_dropped_with_references():
    mine = Glossary([Term(id="return_on_investment", term="투자 수익률", line=1)], name="mine")
    res = glossary.merge(BASE, mine)
    assert "roi" not in res.glossary
    assert res.glossary["gdp"].related == ()
    (c,) = res.conflicts
    assert (c.other_id, c.earlier, c.later) == ("roi", "base.yaml:7", "mine:1")
    assert "'roi' is dropped, since that was its display term" in str(c)
    assert glossary.validate(res.glossary) == []


def test_case_sensitive_forms_that_differ_do_not_conflict():
    a = Glossary([Term(id="fed", term="연준", aliases=("Fed",), case=(("Fed", True),))], name="a")
    b = Glossary([Term(id="fed_word", term="먹인", aliases=("FED",))], name="b")
    assert glossary.merge(a, b).conflicts == ()


def test_forms_within_one_later_glossary_are_left_to_validation():
    dup = Glossary([Term(id="a", term="가"), Term(id="b", term="가")], name="dup")
    res = glossary.merge(dup)
    assert res.conflicts == ()
    assert [i.field for i in glossary.validate(res.glossary)] == ["term"]


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((), ValueError, r"merge\(\) needs at least one glossary"),
        (
            (BASE, [Term(id="a", term="가")]),
            TypeError,
            r"takes glossary.Glossary objects, got list",
        ),
    ],
)
def test_bad_arguments(args, error, match):
    with pytest.raises(error, match=match):
        glossary.merge(*args)


def test_conflict_is_a_frozen_record():
    c = MergeConflict("form", "a", "b", "가", "x:1", "y:2", "msg")
    with pytest.raises(AttributeError):
        c.term_id = "z"  # type: ignore[misc]


def test_later_entry_keeps_fields_it_leaves_empty() -> None:
    from glossary import Glossary, Term, merge

    base = Glossary(
        [
            Term(
                id="capex",
                term="자본 지출",
                definition="장기 자산에 쓰는 돈.",
                related=("roi",),
                category="기업재무·회계",
            ),
            Term(id="roi", term="투자 자본 수익률"),
        ],
        name="base",
    )
    proposal = Glossary(
        [Term(id="capex", term="자본 지출", aliases=("Capex", "설비 투자비"))], name="p"
    )
    merged = merge(base, proposal).glossary["capex"]
    assert merged.aliases == ("Capex", "설비 투자비")
    assert (merged.definition, merged.related, merged.category) == (
        "장기 자산에 쓰는 돈.",
        ("roi",),
        "기업재무·회계",
    )
    replaced = merge(
        base, Glossary([Term(id="capex", term="자본 지출", definition="새 정의.")])
    ).glossary
    assert replaced["capex"].definition == "새 정의." and replaced["capex"].related == ("roi",)
