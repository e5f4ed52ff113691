"""Reading and writing glossary files: formats, line numbers, type errors, round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import glossary
from glossary import Glossary, Term

FORMATS = ["yaml", "json", "csv"]


def _entry_lines(path: Path) -> dict[str, int]:
    """Where each entry starts, found independently of the reader."""
    text = path.read_text("utf-8").splitlines()
    out: dict[str, int] = {}
    for n, line in enumerate(text, start=1):
        if path.suffix == ".yaml" and (m := re.match(r"- id: (\w+)", line)):
            out[m.group(1)] = n
        elif path.suffix == ".json" and (m := re.search(r'"id": "(\w+)"', line)):
            # json.dumps(indent=2) puts the object's "{" on the line above.
            out[m.group(1)] = n - 1
        elif path.suffix == ".csv" and n > 1:
            out[line.split(",", 1)[0]] = n
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_loads_the_same_glossary(glossary_files, expected, fmt):
    g = glossary.load(glossary_files[fmt])
    assert g.terms == expected.terms
    assert g.path == str(glossary_files[fmt])
    if fmt != "csv":
        assert (g.name, g.version) == (expected.name, expected.version)


@pytest.mark.parametrize("fmt", FORMATS)
def test_entry_lines_are_where_entries_start(glossary_files, fmt):
    path = glossary_files[fmt]
    g = glossary.load(path)
    assert {t.id: t.line for t in g} == _entry_lines(path)


def test_csv_name_and_version_come_from_keywords_or_file_stem(glossary_files):
    g = glossary.load(glossary_files["csv"])
    assert (g.name, g.version) == ("finance-ko", "0")
    g = glossary.load(glossary_files["csv"], name="mine", version="3")
    assert (g.name, g.version) == ("mine", "3")


@pytest.mark.parametrize("fmt", FORMATS)
def test_content_hash_is_the_same_in_every_format(glossary_files, expected, fmt):
    g = glossary.load(glossary_files[fmt], name=expected.name, version=expected.version)
    assert g.content_hash() == expected.content_hash()


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_keyword_overrides_the_extension(glossary_files, expected, tmp_path, fmt):
    odd = tmp_path / f"terms.{fmt}.txt"
    odd.write_bytes(glossary_files[fmt].read_bytes())
    assert glossary.load(odd, format=fmt).terms == expected.terms


@pytest.mark.parametrize(
    ("name", "fmt", "match"),
    [
        ("terms.txt", None, r"cannot tell the format of .*terms\.txt.*'\.txt'"),
        ("terms.yaml", "xml", r"`format` should be one of \('yaml', 'json', 'csv'\), got 'xml'"),
    ],
)
def test_unknown_format_is_a_value_error(tmp_path, name, fmt, match):
    path = tmp_path / name
    path.write_text("", "utf-8")
    with pytest.raises(ValueError, match=match):
        glossary.load(path, format=fmt)


def test_yml_extension_and_format_alias(glossary_files, expected, tmp_path):
    path = tmp_path / "terms.yml"
    path.write_bytes(glossary_files["yaml"].read_bytes())
    assert glossary.load(path).terms == expected.terms
    assert glossary.load(glossary_files["yaml"], format="YML").terms == expected.terms


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(FileNotFoundError, match=r"glossary file not found: .*nope\.yaml"):
        glossary.load(missing)
    with pytest.raises(FileNotFoundError, match=r"nope\.yaml"):
        glossary.check(missing)


def test_alias_mapping_sets_case_sensitivity(write):
    path = write(
        "g.yaml",
        "terms:\n"
        "  - id: fed\n"
        "    term: 연준\n"
        "    aliases: [{form: Fed, case_sensitive: true}, {form: FRB}, 연방준비제도]\n",
    )
    t = glossary.load(path)["fed"]
    assert t.aliases == ("Fed", "FRB", "연방준비제도")
    assert t.case == (("Fed", True),)
    assert t.is_case_sensitive("Fed") and t.is_case_sensitive("FRB")


def test_unquoted_yaml_version_keeps_its_text(write):
    g = glossary.load(write("g.yaml", "name: x\nversion: 2026.10\nterms: []\n"))
    assert (g.name, g.version, len(g)) == ("x", "2026.10", 0)


def test_yaml_without_name_uses_file_stem(write):
    g = glossary.load(write("my-terms.yaml", "terms:\n  - {id: a, term: 가}\n"))
    assert (g.name, g.version) == ("my-terms", "0")


ROUND_TRIP = Glossary(
    [
        Term(
            id="capex",
            term="자본 지출",
            en="Capital Expenditure",
            aliases=("자본적 지출", "Capex", "Fed"),
            definition='줄바꿈과 "따옴표", 쉼표가\n있는 설명',
            category="기업재무·회계",
            related=("roi",),
            exclude=("자본 지출액표",),
            case=(("Fed", True), ("Capex", False)),
        ),
        Term(id="roi", term="투자 자본 수익률", aliases=("ROI", "No", "0x1F", "true")),
        Term(id="x", term="{중괄호}: 콜론 - 대시"),
    ],
    name="round-trip",
    version="2026.10",
)


@pytest.mark.parametrize("fmt", FORMATS)
def test_save_then_load_gives_the_same_glossary(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    glossary.save(ROUND_TRIP, path)
    kw = {"name": "round-trip", "version": "2026.10"} if fmt == "csv" else {}
    back = glossary.load(path, **kw)
    assert back.terms == ROUND_TRIP.terms
    assert (back.name, back.version) == (ROUND_TRIP.name, ROUND_TRIP.version)
    assert back.content_hash() == ROUND_TRIP.content_hash()


def test_saved_yaml_is_readable(tmp_path):
    path = tmp_path / "out.yaml"
    glossary.save(ROUND_TRIP, path)
    text = path.read_text("utf-8")
    assert text.startswith("name: round-trip\nversion: '2026.10'\nterms:\n- id: capex\n")
    assert "  aliases: [자본적 지출, Capex, Fed]\n" in text
    assert "  case_sensitive: {Fed: true, Capex: false}\n" in text


def test_empty_glossary_round_trips(tmp_path):
    for fmt in FORMATS:
        path = tmp_path / f"empty.{fmt}"
        glossary.save(Glossary([], name="empty"), path)
        assert len(glossary.load(path)) == 0


def test_csv_cannot_hold_the_list_separator(tmp_path):
    g = Glossary([Term(id="a", term="가", aliases=("x|y",))])
    with pytest.raises(ValueError, match=r"term 'a' field 'aliases': 'x\|y' contains the CSV"):
        glossary.save(g, tmp_path / "out.csv")
