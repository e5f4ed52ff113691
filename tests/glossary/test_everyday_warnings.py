"""`glossary check` warns about forms that would match everyday words (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import BackgroundFrequencies, Term
from glossary._validate import EVERYDAY_SHARE, everyday_warnings

BG = BackgroundFrequencies(documents=1_000, df={"rate": 40, "capex": 2, "won": 31, "rare": 30})


def T(id: str, term: str, line: int | None = 3, **kw) -> Term:
    return Term(id=id, term=term, line=line, **kw)


# (terms, keyword arguments, expected (term id, field, pattern) or None for no warning)
CASES = [
    pytest.param(
        [T("rate", "금리")],
        {"background": BG},
        ("rate", "term", r"g\.yaml:3: warning: term 'rate' field 'term': form '금리' .* 4\.0% "),
        id="share-above-threshold",
    ),
    pytest.param([T("capex", "자본 지출")], {"background": BG}, None, id="share-below"),
    pytest.param([T("rare", "희귀")], {"background": BG}, None, id="share-at-threshold"),
    pytest.param([T("won", "원화")], {"background": BG}, ("won", "term", r"3\.1%"), id="just-over"),
    pytest.param(
        [T("rate", "금리", basic=True)], {"background": BG}, None, id="basic-term-is-not-warned"
    ),
    pytest.param(
        [T("my_rate", "기준 금리", aliases=("금리",))],
        {"basic_forms": {"금리": "interest_rate"}},
        (
            "my_rate",
            "aliases",
            r"form '금리' is an everyday word: the bundled glossary marks it basic "
            r"\(term 'interest_rate'\)",
        ),
        id="user-form-equals-bundled-basic",
    ),
    pytest.param(
        [T("my_rate", "금 리")],
        {"basic_forms": {"금리": "interest_rate"}},
        ("my_rate", "term", r"form '금 리' is an everyday word"),
        id="bundled-basic-compared-without-spaces",
    ),
    pytest.param(
        [T("gold", "금")],
        {},
        ("gold", "term", r"form '금' is one Hangul syllable and the term has no exclude words"),
        id="one-syllable-without-exclude",
    ),
    pytest.param([T("gold", "금", exclude=("금요일",))], {}, None, id="one-syllable-with-exclude"),
    pytest.param([T("gold", "금값")], {}, None, id="two-syllables"),
    pytest.param([T("x", "X", case=(("X", True),))], {}, None, id="one-latin-letter-is-a-word"),
]


@pytest.mark.parametrize(("terms", "kwargs", "expected"), CASES)
def test_everyday_warnings(terms, kwargs, expected):
    issues = everyday_warnings(terms, ["g.yaml"] * len(terms), **kwargs)
    if expected is None:
        assert issues == []
        return
    term_id, field, pattern = expected
    assert len(issues) == 1
    (issue,) = issues
    assert (issue.severity, issue.term_id, issue.field) == ("warning", term_id, field)
    assert issue.path == "g.yaml"
    import re

    assert re.search(pattern, str(issue)), str(issue)


def test_threshold_is_three_percent():
    assert EVERYDAY_SHARE == 0.03


def test_user_file_check_warns_about_bundled_basic_forms(tmp_path: Path):
    path = tmp_path / "house.yaml"
    path.write_text(
        "terms:\n  - id: my_ai\n    term: 인공지능\n  - id: capex\n    term: 자본 지출\n",
        encoding="utf-8",
    )
    issues = glossary.check(path)
    assert [(i.severity, i.term_id, i.line) for i in issues] == [("warning", "my_ai", 2)]
    assert "'인공지능' is an everyday word" in str(issues[0])


def test_bundled_check_has_no_frequent_non_basic_term():
    # The bundled glossary marks every term in over 3% of the background basic, so the
    # share warning stays for real new problems.
    found = [i for i in glossary.check_default() if "background" in i.message]
    assert found == []
