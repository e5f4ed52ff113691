"""A glossary file cannot make kotrend use unbounded work or memory (issue 11)."""

from __future__ import annotations

import json
import time

import pytest

import glossary
from glossary import GlossaryError
from glossary._issues import describe

# "Billion laughs": each level lists the one above nine times; 9**9 strings expanded.
LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def _laughs_glossary() -> str:
    return LAUGHS + "name: x\nversion: '1'\nterms:\n  - id: a\n    term: 금리\n    aliases: *i\n"


@pytest.mark.parametrize("api", ["check", "load"])
def test_alias_bomb_is_a_glossary_error_naming_the_file(api, tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(_laughs_glossary())
    t0 = time.perf_counter()
    if api == "check":
        issues = glossary.check(path)
        message = "\n".join(map(str, issues))
    else:
        with pytest.raises(GlossaryError) as info:
            glossary.load(path)
        message = str(info.value)
    assert time.perf_counter() - t0 < 2
    assert str(path) in message and "alias" in message


def test_self_referencing_alias_is_an_error(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("name: x\nversion: '1'\nterms:\n  - &t\n    id: a\n    term: 금리\n    x: *t\n")
    with pytest.raises(GlossaryError, match="contains itself"):
        glossary.load(path)


def test_a_few_aliases_are_still_fine(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(
        "name: x\nversion: '1'\nterms:\n  - id: a\n    term: 금리\n    category: &c 금융\n"
        "  - id: b\n    term: 환율\n    category: *c\n"
    )
    assert glossary.load(path)["b"].category == "금융"


@pytest.mark.parametrize("levels", [150, 5_000, 200_000])
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_too_deep_glossary_is_a_clear_error(levels, suffix, tmp_path):
    path = tmp_path / f"deep{suffix}"
    nested = "[" * levels + "]" * levels
    path.write_text('{"name": "x", "version": "1", "terms": [{"id": "a", "term": ' + nested + "}]}")
    with pytest.raises(GlossaryError, match="nest") as info:
        glossary.load(path)
    assert str(path) in str(info.value)


def test_describe_never_builds_the_whole_repr():
    big: list = ["x" * 1000] * 9
    for _ in range(12):
        big = [big] * 9  # 9**12 strings if repr()-ed whole
    t0 = time.perf_counter()
    text = describe(big)
    assert time.perf_counter() - t0 < 0.5
    assert text.startswith("list ") and len(text) <= 70


def test_describe_still_shows_short_values():
    assert describe(5) == "int 5"
    assert describe("Capex") == "str 'Capex'"
    assert json.loads(describe(["금리"])[5:].replace("'", '"')) == ["금리"]


def test_csv_unclosed_quote_is_an_error_not_swallowed_rows(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text('id,term,definition\na,금리,"unclosed\nb,환율,x\nc,유가,y\n', encoding="utf-8")
    issues = [i for i in glossary.check(path) if i.is_error]
    assert issues and "CSV" in str(issues[0]) and issues[0].line == 2
    with pytest.raises(GlossaryError, match="unexpected end of data"):
        glossary.load(path)


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        (".", "no letter"),
        ("1", "no letter"),
        ("3.5%", "no letter"),
        ("\u200b", "invisible"),
        ("\u200b\u200d", "invisible"),
        ("ア", "one kana"),
        ("の", "one kana"),
    ],
)
def test_forms_that_would_match_anywhere_are_errors(form, problem):
    from glossary import Glossary, Term

    g = Glossary([Term(id="a", term="금리", aliases=(form,))])
    errors = [i for i in glossary.validate(g) if i.is_error]
    assert [problem in i.message for i in errors] == [True]


@pytest.mark.parametrize("form", ["금", "金", "5G", "AI", "X", "K-칩스법"])
def test_short_real_forms_are_fine(form):
    from glossary import Glossary, Term

    g = Glossary([Term(id="a", term="금리", aliases=(form,))])
    assert [i for i in glossary.validate(g) if i.is_error] == []


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_decomposed_forms_in_a_file_are_read_as_nfc(suffix, tmp_path):
    import unicodedata

    from glossary import Glossary, Term

    nfd = unicodedata.normalize("NFD", "기준금리")
    assert nfd != "기준금리"
    path = tmp_path / f"g{suffix}"
    glossary.save(Glossary([Term(id="a", term=nfd, aliases=(nfd + " 인상",))]), path)
    g = glossary.load(path)
    assert (g["a"].term, g["a"].aliases) == ("기준금리", ("기준금리 인상",))
    assert not [i for i in glossary.check(path) if "NFC" in i.message]
