"""Problems in glossary files: each is reported with its file, line and field."""

from __future__ import annotations

import re

import pytest

import glossary
from glossary import GlossaryError

# Each case: file name, text, then the expected "file:line: ... field ...: message" pattern.
BAD_FILES = [
    *(
        pytest.param(
            "g.yaml",
            f'terms:\n  - id: x\n    term: 투자\n    {flag}: "yes"\n',
            rf"g\.yaml:4: term 'x' field '{flag}': expected true or false, got str 'yes'",
            id=f"yaml-{flag}-not-a-boolean",
        )
        for flag in ("basic", "split")
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: capex\n    term: 자본 지출\n    aliases: Capex\n",
        r"g\.yaml:4: term 'capex' field 'aliases': expected a list of strings, got str 'Capex'",
        id="yaml-aliases-not-a-list",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: roi\n    term: 투자수익률\n    aliases: [ROI, No]\n",
        r"g\.yaml:4: term 'roi' field 'aliases': item 1 should be a string.*, got bool False; "
        r"put it in quotes",
        id="yaml-norway-problem",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - term: 가\n    id: 5\n",
        r"g\.yaml:3: term '5' field 'id': expected a string, got int 5",
        id="yaml-id-is-a-number",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: a\n    term: 가\n    alias: [x]\n",
        r"g\.yaml:4: term 'a' field 'alias': unknown field 'alias' \(did you mean 'aliases'\?\)",
        id="yaml-unknown-field",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: a\n    term: 가\n    case_sensitive: [Fed]\n",
        r"g\.yaml:4: term 'a' field 'case_sensitive': expected a mapping of form: true/false",
        id="yaml-case-not-a-mapping",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: a\n    term: 가\n    aliases: [{form: Fed, case: true}]\n",
        r"g\.yaml:4: term 'a' field 'aliases': item 0 .*expected keys 'form'",
        id="yaml-bad-alias-mapping",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - id: a\n    term: 가\n    en: x\n    en: y\n",
        r"g\.yaml:5: term 'a' field 'en': field 'en' is given twice .*first at line 4",
        id="yaml-duplicate-key",
    ),
    pytest.param(
        "g.yaml",
        "name: x\nterms:\n  - id: a\n    term: [가\n",
        r"g\.yaml:5: not valid YAML",
        id="yaml-syntax",
    ),
    pytest.param("g.yaml", "", r"g\.yaml: the file is empty", id="yaml-empty"),
    pytest.param(
        "g.yaml", "- id: a\n", r"g\.yaml:1: expected a mapping with keys", id="yaml-top-list"
    ),
    pytest.param(
        "g.yaml", "name: x\n", r"g\.yaml: field 'terms': missing list of terms", id="no-terms"
    ),
    pytest.param(
        "g.yaml",
        "name: x\nterm: []\n",
        r"g\.yaml:2: field 'term': unknown field 'term' \(did you mean 'terms'\?\)",
        id="yaml-unknown-top-key",
    ),
    pytest.param(
        "g.yaml",
        "terms:\n  - just a string\n",
        r"g\.yaml:2: each entry of 'terms' should be a mapping",
        id="yaml-entry-not-mapping",
    ),
    pytest.param(
        "g.json",
        '{"terms": [\n  {"id": "a", "term": "가"},\n'
        '  {"id": "b", "term": "나", "related": "a"}\n]}',
        r"g\.json:3: term 'b' field 'related': expected a list of strings, got str 'a'",
        id="json-related-not-a-list",
    ),
    pytest.param(
        "g.json", '{"terms": [\n  {"id": "a",}\n]}', r"g\.json:2: not valid JSON", id="json-syntax"
    ),
    pytest.param(
        "g.csv",
        "id,term,alias\na,가,x\n",
        r"g\.csv:1: bad header row: unknown column 'alias'; valid columns",
        id="csv-bad-header",
    ),
    pytest.param(
        "g.csv",
        "id,term,case_sensitive\na,가,\nb,나,Fed=yes\n",
        r"g\.csv:3: term 'b' field 'case_sensitive': bad item 'Fed=yes'",
        id="csv-bad-case",
    ),
    pytest.param(
        "g.csv",
        'id,term,definition\na,가,"two\nlines"\nb,나,x,extra\n',
        r"g\.csv:4: row has 4 cells but the header has 3",
        id="csv-line-after-multiline-cell",
    ),
]


@pytest.mark.parametrize(("name", "text", "match"), BAD_FILES)
def test_reading_errors_name_file_line_and_field(write, name, text, match):
    path = write(name, text)
    with pytest.raises(GlossaryError, match=match) as info:
        glossary.load(path, validate=False)
    assert any(i.is_error for i in info.value.issues)
    assert any(re.search(match, str(i)) for i in glossary.check(path))


def test_not_utf8_is_reported_with_its_line(write):
    path = write("g.csv", "id,term\na,자본\n", encoding="cp949")
    with pytest.raises(GlossaryError, match=r"g\.csv:2: not UTF-8 text"):
        glossary.load(path)


def test_error_lists_every_problem_not_just_the_first(write):
    path = write(
        "g.yaml",
        "terms:\n"
        "  - id: A\n    term: 가\n"
        "  - id: b\n    term: 나\n    related: [zz]\n"
        "  - id: c\n    term: 3\n",
    )
    with pytest.raises(GlossaryError) as info:
        glossary.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: 4 errors")
    for part in [":2: term 'A' field 'id'", ":4: term 'b' field 'related'", ":8: term 'c'"]:
        assert part in message
    assert len(info.value.errors) == 4  # term 3: a number, and no letter


def test_check_never_raises_for_content_and_sorts_by_line(write):
    path = write("g.yaml", "terms:\n  - id: b\n    term: 가\n    related: [x]\n  - id: 1A\n")
    issues = glossary.check(path)
    assert [i.line for i in issues] == sorted(i.line or 0 for i in issues)
    assert {i.field for i in issues} >= {"related", "id", "term"}


def test_load_with_validate_false_skips_content_checks(write):
    path = write("g.yaml", "terms:\n  - {id: a, term: 가, related: [nope]}\n")
    assert glossary.load(path, validate=False)["a"].related == ("nope",)
    with pytest.raises(GlossaryError, match="unknown id 'nope'"):
        glossary.load(path)


def test_warnings_do_not_raise(write):
    # (자본 지출, not 유가: the bundled glossary marks 유가 basic, a second warning)
    path = write("g.yaml", "terms:\n  - {id: a, term: 자본 지출, exclude: [주가]}\n")
    assert glossary.load(path)["a"].exclude == ("주가",)
    assert [i.severity for i in glossary.check(path)] == ["warning"]
