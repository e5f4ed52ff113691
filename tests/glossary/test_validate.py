"""Validation rules, one row per case: the terms, then the issues expected."""

from __future__ import annotations

import re
import unicodedata

import pytest

import glossary
from glossary import Glossary, GlossaryError, GlossaryIssue, Term


def T(id: str, term: str, line: int | None = None, **kw) -> Term:
    return Term(id=id, term=term, line=line, **kw)


def _messages(terms: list[Term]) -> list[tuple[str, str | None, str]]:
    g = Glossary(terms, path="g.yaml")
    return [(i.severity, i.field, str(i)) for i in glossary.validate(g)]


# (terms, severity, field, pattern matched against str(issue))
CASES = [
    pytest.param([T("", "가", 3)], "error", "id", r"g\.yaml:3: field 'id': missing id", id="no-id"),
    pytest.param(
        [T("a", "", 3)], "error", "term", r"term 'a' field 'term': missing term", id="no-term"
    ),
    pytest.param(
        [T("Cap-Ex", "가", 5)],
        "error",
        "id",
        r"g\.yaml:5: term 'Cap-Ex' field 'id': bad id 'Cap-Ex': use lower-case letters",
        id="bad-id",
    ),
    pytest.param(
        [T("a", "가", 2), T("a", "나", 9)],
        "error",
        "id",
        r"g\.yaml:9: term 'a' field 'id': duplicate id 'a': also used at line 2",
        id="duplicate-id",
    ),
    pytest.param(
        [T("capex", "자본 지출", 2), T("capex2", "자본지출", 7)],
        "error",
        "term",
        r"g\.yaml:7: term 'capex2' field 'term': form '자본지출' is also a form of term 'capex' "
        r"\(term '자본 지출' at line 2\)",
        id="collision-by-spacing",
    ),
    pytest.param(
        [T("capex", "자본 지출", 2, aliases=("Capex",)), T("c2", "설비투자", 7, en="CAPEX")],
        "error",
        "en",
        r"term 'c2' field 'en': form 'CAPEX' is also a form of term 'capex' \(aliases 'Capex'",
        id="collision-by-case",
    ),
    pytest.param(
        [T("per", "주가수익비율", 2, aliases=("PER",)), T("per_x", "퍼", 7, aliases=("per",))],
        "error",
        "aliases",
        r"form 'per' is also a form of term 'per' \(aliases 'PER' at line 2\)",
        id="insensitive-form-matches-acronym",
    ),
    pytest.param(
        [T("a", "에이", aliases=("Fed", "fed"), case=(("Fed", True), ("fed", True)))],
        None,
        None,
        None,
        id="two-case-sensitive-forms-differ",
    ),
    pytest.param(
        [T("capex", "자본 지출", 2, aliases=("자본지출",))],
        "warning",
        "aliases",
        r"g\.yaml:2: warning: term 'capex' field 'aliases': form '자본지출' repeats '자본 지출'",
        id="form-repeated-in-one-term",
    ),
    pytest.param(
        # Spellings that differ in letter case are how writers write the term (the box
        # shows them in its parenthesis), not a repeat to warn about.
        [
            T("capex", "자본 지출", 2, aliases=("Capex", "CapEx", "CAPEX")),
            T("mou", "양해각서", 4, aliases=("MOU", "MoU")),
        ],
        None,
        None,
        None,
        id="case-spellings-in-one-term",
    ),
    pytest.param(
        [T("a", "가", 2, related=("roi",))],
        "error",
        "related",
        r"term 'a' field 'related': unknown id 'roi'",
        id="unknown-related",
    ),
    pytest.param(
        [T("roi", "수익률", 2), T("a", "가", 4, related=("rio",))],
        "error",
        "related",
        r"unknown id 'rio': no term has this id \(did you mean 'roi'\?\)",
        id="unknown-related-suggests",
    ),
    pytest.param(
        [T("a", "가", 2, related=("a",))],
        "warning",
        "related",
        r"lists itself \('a'\) as related",
        id="related-to-itself",
    ),
    pytest.param(
        [T("a", "가", 2, en="")], "error", "en", r"field 'en': empty string ''", id="empty-en"
    ),
    pytest.param(
        [T("a", "가", 2, aliases=("x", " "))],
        "error",
        "aliases",
        r"field 'aliases': empty string ' ' in the list",
        id="empty-alias",
    ),
    pytest.param(
        [T("a", "가", 2, definition="")],
        "error",
        "definition",
        r"empty string",
        id="empty-definition",
    ),
    pytest.param(
        [T("oil", "유가", 2, exclude=("유가",))],
        "error",
        "exclude",
        r"exclude word '유가' is a form of the term itself",
        id="exclude-is-a-form",
    ),
    pytest.param(
        [T("oil", "유가", 2, exclude=("주가",))],
        "warning",
        "exclude",
        r"exclude word '주가' contains none of the term's forms \('유가'\)",
        id="exclude-without-the-form",
    ),
    pytest.param(
        [T("ai", "인공지능", 2, aliases=("AI",), exclude=("RAISE",))],
        None,
        None,
        None,
        id="exclude-contains-form-ignoring-case",
    ),
    pytest.param(
        [T("fed", "연준", 2, aliases=("Fed",), case=(("FED", True),))],
        "warning",
        "case_sensitive",
        r"'FED' is not a form of this term",
        id="case-override-for-unknown-form",
    ),
    pytest.param(
        [T("a", "가 ", 2)],
        "warning",
        "term",
        r"form '가 ' has spaces at its ends",
        id="untrimmed-form",
    ),
    pytest.param(
        [T("a", unicodedata.normalize("NFD", "금리"), 2)],
        "warning",
        "term",
        r"is not in Unicode NFC",
        id="decomposed-hangul",
    ),
    pytest.param(
        [T("ask", "매도 호가", 4, aliases=("매수 호가",))],
        "warning",
        "aliases",
        r"alias '매수 호가' says '매수' where the term says '매도'",
        id="opposite-alias",
    ),
    pytest.param(
        [T("hold", "매파적 동결", 4, aliases=("비둘기파적 동결",))],
        "warning",
        "aliases",
        r"says '비둘기파' where the term says '매파'",
        id="opposite-alias-longer-word",
    ),
    pytest.param(
        [T("hawk", "hawkish hold", 4, aliases=("dovish hold",))],
        "warning",
        "aliases",
        r"says 'dovish' where the term says 'hawkish'",
        id="opposite-alias-latin",
    ),
    # A neutral term may name both directions; a Latin word inside another is no word.
    pytest.param(
        [T("pt", "프로그램 매매", 4, aliases=("프로그램 매수", "프로그램 매도"))],
        "warning",
        "aliases",
        None,
        id="neutral-term-both-directions",
    ),
    pytest.param(
        [T("lt", "long-term bond", 4, aliases=("shortlist bond",))],
        "warning",
        "aliases",
        None,
        id="latin-opposite-inside-a-word",
    ),
]


@pytest.mark.parametrize(("terms", "severity", "field", "pattern"), CASES)
def test_validation_rules(terms, severity, field, pattern):
    found = _messages(terms)
    if pattern is None:
        assert found == []
        return
    assert len(found) == 1, found
    assert found[0][:2] == (severity, field)
    assert re.search(pattern, found[0][2]), found[0][2]


def test_a_valid_glossary_has_no_issues(expected):
    assert glossary.validate(expected) == []


def test_collision_issue_names_both_ids_lines_and_forms():
    issues = glossary.validate(
        Glossary([T("oil", "유가", 3), T("oil_price", "국제 유가", 8, aliases=("유가",))])
    )
    assert len(issues) == 1
    (issue,) = issues
    assert (issue.term_id, issue.line, issue.field) == ("oil_price", 8, "aliases")
    text = str(issue)
    for part in ["'oil_price'", "'oil'", "line 3", ":8:", "'유가'"]:
        assert part in text


def test_glossary_error_lists_every_issue():
    issues = [
        GlossaryIssue("g.yaml", 3, "a", "id", "first"),
        GlossaryIssue("g.yaml", 5, "b", "related", "second", "warning"),
        GlossaryIssue("g.yaml", 9, "c", "term", "third"),
    ]
    err = GlossaryError(issues)
    assert isinstance(err, ValueError)
    assert err.issues == tuple(issues)
    assert str(err).splitlines() == [
        "g.yaml: 2 errors, 1 warning",
        "  g.yaml:3: term 'a' field 'id': first",
        "  g.yaml:9: term 'c' field 'term': third",
        "  g.yaml:5: warning: term 'b' field 'related': second",
    ]
    with pytest.raises(GlossaryError, match=r"(?s)first.*third.*second"):
        raise err


@pytest.mark.parametrize(
    ("issue", "text"),
    [
        (
            GlossaryIssue("my.yaml", 12, "capex", "aliases", "bad"),
            "my.yaml:12: term 'capex' field 'aliases': bad",
        ),
        (GlossaryIssue(None, None, None, None, "bad"), "<glossary>: bad"),
        (GlossaryIssue("g.csv", 1, None, None, "bad", "warning"), "g.csv:1: warning: bad"),
    ],
)
def test_issue_str(issue, text):
    assert str(issue) == text


def test_issues_and_errors_pickle():
    import pickle

    err = GlossaryError([GlossaryIssue("g.yaml", 3, "a", "id", "bad")])
    back = pickle.loads(pickle.dumps(err))
    assert back.issues == err.issues and str(back) == str(err)
