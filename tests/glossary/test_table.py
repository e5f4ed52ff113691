"""import_table: other people's tables with Korean column names and encodings."""

from __future__ import annotations

import importlib.util
import unicodedata

import pytest

import glossary
from glossary._headword import slug, split_parenthetical

COLUMNS = {
    "term": "용어",
    "en": "영문",
    "definition": "설명",
    "aliases": "동의어",
    "category": "분류",
    "related": "관련어",
}
TABLE = (
    "용어,영문,설명,동의어,분류,관련어\n"
    "국내총생산(GDP),Gross Domestic Product,한 나라에서 만든 부가가치의 합.,,거시경제,물가\n"
    "물가,,재화와 서비스의 평균 가격.,물가 수준|물가수준,거시경제,\n"
    ",,용어가 빠진 행,,,\n"
    ",,,,,\n"
    "총공급(總供給),,모든 기업이 팔려는 재화의 합.,總供給,거시경제,국내총생산|없는말\n"
    '투자 자본 수익률(ROI),Return on Investment,"투자 대비 이익, 비율",,기업재무,\n'
    "투자수익률,Return on Investment,같은 영문의 다른 행.,,기업재무,\n"
)


@pytest.fixture(params=["utf-8", "utf-8-sig", "cp949"])
def table(request, write):
    return write("용어사전.csv", TABLE, encoding=request.param)


def test_import_with_korean_columns_in_any_encoding(table):
    res = glossary.import_table(table, columns=COLUMNS)
    g = res.glossary
    assert (g.name, g.version, g.path) == ("용어사전", "0", str(table))
    assert [t.id for t in g] == [
        "gross_domestic_product",
        "term_0002",
        "term_0003",
        "return_on_investment",
        "return_on_investment_2",
    ]
    gdp = g["gross_domestic_product"]
    assert (gdp.term, gdp.en, gdp.aliases) == ("국내총생산", "Gross Domestic Product", ("GDP",))
    assert (gdp.definition, gdp.category, gdp.line) == (
        "한 나라에서 만든 부가가치의 합.",
        "거시경제",
        2,
    )
    assert gdp.related == ("term_0002",)
    assert g["term_0002"].aliases == ("물가 수준",)  # 물가수준 is the same form as 물가 수준
    assert g["term_0003"].term == "총공급"
    assert g["term_0003"].aliases == ("總供給",)
    assert g["term_0003"].related == ("gross_domestic_product",)
    assert g["return_on_investment"].aliases == ("ROI",)


def test_import_reports_skipped_rows_and_unknown_related(table):
    res = glossary.import_table(table, columns=COLUMNS)
    skipped = [i for i in res.issues if i.field == "term"]
    assert [(i.line, i.severity) for i in skipped] == [(4, "warning")]
    assert "row skipped: column '용어' is empty" in str(skipped[0])
    related = [i for i in res.issues if i.field == "related"]
    assert [(i.term_id, i.line) for i in related] == [("term_0003", 6)]
    assert "'없는말' matches no term" in str(related[0])
    # Validation runs too: the last row repeats an English name.
    errors = [i for i in res.issues if i.is_error]
    assert [(i.term_id, i.field, i.line) for i in errors] == [("return_on_investment_2", "en", 8)]
    assert "also a form of term 'return_on_investment'" in str(errors[0])


def test_imported_glossary_saves_and_loads(table, tmp_path):
    g = glossary.import_table(table, columns=COLUMNS).glossary
    out = tmp_path / "imported.yaml"
    glossary.save(g, out)
    assert glossary.load(out, validate=False).terms == g.terms


def test_id_column_and_id_from(write):
    path = write("t.csv", "코드,용어,영문\nGDP,국내총생산,\n,물가,Price Level\n")
    g = glossary.import_table(path, columns={"id": "코드", "term": "용어"}).glossary
    assert [t.id for t in g] == ["GDP", "term_0002"]
    issues = glossary.import_table(path, columns={"id": "코드", "term": "용어"}).issues
    assert [i.field for i in issues if i.is_error] == ["id"]  # GDP is not a valid id
    g = glossary.import_table(path, columns={"term": "용어", "en": "영문"}, id_from="term")
    assert [t.id for t in g.glossary] == ["term_0001", "term_0002"]


def test_other_separator_and_explicit_encoding(write):
    path = write("t.csv", "용어;동의어\n자본 지출;Capex/CapEx\n", encoding="cp949")
    path.write_text(path.read_text("cp949").replace(";", ","), encoding="cp949")
    res = glossary.import_table(
        path, columns={"term": "용어", "aliases": "동의어"}, sep="/", encoding="cp949"
    )
    assert res.glossary["term_0001"].aliases == ("Capex",)  # CapEx matches like Capex


@pytest.mark.parametrize(
    ("columns", "id_from", "error", "match"),
    [
        ({"term": "용어", "설명": "x"}, None, ValueError, r"`columns` keys should be .*got '설명'"),
        ({"en": "영문"}, None, ValueError, r"`columns` must name the column holding 'term'"),
        (
            {"term": "단어"},
            None,
            ValueError,
            r"no column '단어'; the header has \['용어', '영문'\]",
        ),
        ({"term": "용어"}, "en", ValueError, r"`id_from` should be one of the mapped fields"),
    ],
)
def test_bad_arguments(write, columns, id_from, error, match):
    path = write("t.csv", "용어,영문\n가,a\n")
    with pytest.raises(error, match=match):
        glossary.import_table(path, columns=columns, id_from=id_from)


def test_undecodable_table(write):
    path = write("t.csv", "용어\n가\n")
    path.write_bytes(b"\xff\xfe\xfa\n\x80\x80")
    with pytest.raises(ValueError, match=r"cannot decode .*t\.csv as any of .*pass encoding="):
        glossary.import_table(path, columns={"term": "용어"})


def test_wrong_explicit_encoding_names_file_and_line(write):
    path = write("t.csv", "term\nok\n가\n", encoding="cp949")
    with pytest.raises(ValueError, match=r"t\.csv:3: not utf-8 text .*pass another encoding="):
        glossary.import_table(path, columns={"term": "term"}, encoding="utf-8")


def test_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"table not found: .*none\.csv"):
        glossary.import_table(tmp_path / "none.csv", columns={"term": "용어"})


@pytest.mark.skipif(importlib.util.find_spec("openpyxl") is not None, reason="openpyxl installed")
def test_xlsx_without_openpyxl_says_what_to_install(write):
    path = write("t.xlsx", "")
    with pytest.raises(ImportError, match="pip install openpyxl"):
        glossary.import_table(path, columns={"term": "용어"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("국내총생산(GDP)", ("국내총생산", ["GDP"], [])),
        (
            "국내총생산 (GDP; Gross Domestic Product)",
            ("국내총생산", ["GDP", "Gross Domestic Product"], []),
        ),
        ("국내총생산（GDP）", ("국내총생산", ["GDP"], [])),
        ("총공급(總供給)", ("총공급", [], ["總供給"])),
        ("연구개발(R&D)", ("연구개발", ["R&D"], [])),
        ("금리(기준)", ("금리(기준)", [], [])),
        ("(GDP)", ("(GDP)", [], [])),
        ("자본 지출", ("자본 지출", [], [])),
    ],
)
def test_split_parenthetical(text, expected):
    assert split_parenthetical(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Capital Expenditure", "capital_expenditure"),
        ("R&D", "r_d"),
        ("자본", ""),
        ("Café", "cafe"),
        ("household's total income and expenditure", "household_s_total_income_and"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.realdata
def test_import_real_bok_glossary(shared_data):
    path = shared_data / "glossary" / "bok_700_econ_fin_terms.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    columns = {"term": "term", "en": "english", "aliases": "aliases", "definition": "definition"}
    res = glossary.import_table(path, columns=columns, name="bok700")
    g = res.glossary
    assert len(g) > 500
    assert len({t.id for t in g}) == len(g)
    assert all(t.term and "(" not in t.term[-1:] for t in g)


def test_import_normalizes_to_nfc(write):
    nfd = unicodedata.normalize("NFD", "금리")
    path = write("t.csv", f"용어\n{nfd}\n")
    res = glossary.import_table(path, columns={"term": "용어"})
    assert res.glossary["term_0001"].term == "금리"
    assert res.issues == ()
