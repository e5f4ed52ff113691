"""Coverage report and the glossary import/merge/coverage commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import Document
from extract import Tagger, coverage_report
from extract.cli import main
from glossary import Glossary, Term, load

DOCS = [
    Document(id="1", text="하이퍼스케일러들은 자본 지출을 늘렸다. 반도체 특별법 처리가 늦어졌다."),
    Document(id="2", text="반도체 특별법 논의가 재개됐다. ⓒ 한빛경제 무단 전재 및 재배포 금지"),
    Document(id="3", text="오늘은 날씨가 맑았다."),
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(
        Glossary(
            [Term(id="capex", term="자본 지출"), Term(id="hyperscaler", term="하이퍼스케일러")]
        )
    )


def test_report(tagger: Tagger) -> None:
    r = coverage_report(DOCS, tagger=tagger, top=5)
    assert (r.documents, r.covered, r.mentions) == (3, 1, 2)
    assert r.share == pytest.approx(1 / 3)
    assert r.top_terms == (("capex", 1, 1), ("hyperscaler", 1, 1))
    phrases = dict(r.unknown_phrases)
    assert phrases["반도체 특별법 처리"] == 1 and phrases["반도체 특별법 논의"] == 1
    assert not any("전재" in p or "배포" in p for p in phrases), "boilerplate is not a candidate"
    assert not any(p in ("하이퍼스케일러", "자본 지출") for p in phrases), "known terms are masked"


def test_phrase_sample_limits_analysis(tagger: Tagger) -> None:
    r = coverage_report(DOCS, tagger=tagger, phrase_sample=1)
    assert r.phrase_sample == 1
    assert "반도체 특별법 논의" not in dict(r.unknown_phrases)
    assert coverage_report(DOCS, tagger=tagger, phrase_sample=0).unknown_phrases == ()


def test_bad_top(tagger: Tagger) -> None:
    with pytest.raises(ValueError, match="`top` should be >= 1, got 0"):
        coverage_report(DOCS, tagger=tagger, top=0)


def test_coverage_command(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text(
        "".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in DOCS),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["glossary", "coverage", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 3 and data["covered"] >= 1
    assert {t[0] for t in data["top_terms"]} >= {"capex", "hyperscaler"}


def test_import_command(tmp_path: Path) -> None:
    table = tmp_path / "사전.csv"
    table.write_text(
        "용어,설명,영문\n국내총생산(GDP),한 나라 안에서 만든 부가가치의 합.,Gross Domestic Product\n"
        "기준금리,중앙은행이 정하는 정책 금리.,\n",
        encoding="cp949",
    )
    out = tmp_path / "mine.yaml"
    result = CliRunner().invoke(
        main,
        [
            "glossary",
            "import",
            str(table),
            "--columns",
            "term=용어,definition=설명,en=영문",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    g = load(out)
    gdp = next(t for t in g if t.term == "국내총생산")
    assert "GDP" in gdp.aliases and gdp.en == "Gross Domestic Product"
    assert any(t.term == "기준금리" for t in g)


def test_import_bad_columns(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("용어\n금리\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["glossary", "import", str(table), "--columns", "term", "-o", str(tmp_path / "o.yaml")],
    )
    assert result.exit_code == 2 and "expected FIELD=COLUMN pairs, got 'term'" in result.output


def test_merge_command(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "c.yaml"
    a.write_text(
        'name: a\nversion: "1"\nterms:\n  - {id: capex, term: 자본 지출, definition: 옛 정의.}\n'
        "  - {id: roi, term: 투자 자본 수익률, aliases: [ROI]}\n",
        encoding="utf-8",
    )
    b.write_text(
        'name: b\nversion: "1"\nterms:\n  - {id: capex, term: 자본 지출, definition: 새 정의.}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["glossary", "merge", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    merged = load(out)
    assert merged["capex"].definition == "새 정의." and "roi" in merged
    assert "1 conflicts" in result.stderr and "capex" in result.stderr


# One noun-phrase extractor: `glossary coverage` reports the whole noun runs that
# `discover` draws its candidates from (number and Latin pieces glued on, as written).
AGREE = [
    ("코로나19 이후 5G 투자와 R&D 지출이 늘었다.", ["코로나19 이후 5G 투자", "R&D 지출"]),
    ("초저금리 기조에서 2차전지 수출이 늘었다.", ["초저금리 기조", "2차전지 수출"]),
]


@pytest.mark.parametrize(("text", "expected"), AGREE)
def test_coverage_and_discover_see_the_same_phrases(
    tagger: Tagger, text: str, expected: list[str]
) -> None:
    from extract.discovery.phrases import phrase_spans

    spans = list(phrase_spans(tagger.kiwi.tokenize(text), text, max_units=99))
    # discover's longest candidates: spans inside no other span.
    widest = [
        text[s:e]
        for s, e, _ in spans
        if not any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in spans)
    ]
    report = coverage_report([Document(id="1", text=text)], tagger=Tagger(Glossary([])))
    assert sorted(p for p, _ in report.unknown_phrases) == sorted(widest) == sorted(expected)
