"""`kotrend trends` and `kotrend box --rank trending`, through click's test runner."""

from __future__ import annotations

import importlib.util
import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import glossary
from extract.cli import main

# Three articles a week for four weeks and one undated: 기준금리 in all, 소버린 AI only in
# the last week's.
RECORDS = [
    {
        "id": f"w{i}",
        "date": f"2026-03-{2 + 7 * (i // 3):02d}" if i < 12 else None,
        "source": "한빛경제",
        "section": "경제" if i % 3 else "정책",
        "title": "기준금리 동결" + (", 소버린 AI 예산 확대" if 9 <= i < 12 else ""),
        "body": "한국은행이 기준금리를 묶었다.",
    }
    for i in range(13)
]


@pytest.fixture(scope="module")
def files(
    tmp_path_factory: pytest.TempPathFactory, test_glossary: glossary.Glossary
) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli_trends")
    news = root / "news.jsonl"
    news.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    gloss = root / "g.yaml"
    glossary.save(test_glossary, gloss)
    run = root / "run"
    result = CliRunner().invoke(main, ["tag", str(news), "-g", str(gloss), "-o", str(run)])
    assert result.exit_code == 0, result.output
    return {"news": news, "glossary": gloss, "run": run, "root": root}


def _invoke(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_trends_csv_on_stdout(files: dict[str, Path]) -> None:
    out, err = _invoke("trends", str(files["news"]), "-g", str(files["glossary"]), "--smooth", "2")
    df = pd.read_csv(io.StringIO(out))
    assert df.columns.tolist() == [
        "period",
        "term_id",
        "mentions",
        "documents",
        "total_documents",
        "share",
        "share_smoothed",
    ]
    sov = df[df["term_id"] == "sovereign_ai"]
    assert sov["share"].tolist() == [0.0, 0.0, 0.0, 1.0]
    assert sov["share_smoothed"].tolist() == [0.0, 0.0, 0.0, 0.5]
    assert "1 of 13 documents have no date" in err
    assert "13 documents (1 undated), 4 periods, 2 terms" in err


def test_run_directory_gives_the_same_table(files: dict[str, Path], tmp_path: Path) -> None:
    a, b = tmp_path / "a.parquet", tmp_path / "b.csv"
    _invoke("trends", str(files["news"]), "-g", str(files["glossary"]), "--by-source", "-o", str(a))
    _invoke("trends", str(files["run"]), "--by-source", "-o", str(b))
    from_files, from_run = pd.read_parquet(a), pd.read_csv(b, parse_dates=["period"])
    pd.testing.assert_frame_equal(from_files, from_run, check_dtype=False)


def test_terms_plot_and_monthly(files: dict[str, Path], tmp_path: Path) -> None:
    png = tmp_path / "t.png"
    out, err = _invoke(
        "trends",
        str(files["news"]),
        "-g",
        str(files["glossary"]),
        "--freq",
        "M",
        "--terms",
        "sovereign_ai",
        "--plot",
        str(png),
    )
    assert out == ""  # a chart-only run prints no table
    assert png.read_bytes()[:4] == b"\x89PNG" and f"chart in {png}" in err
    out, _ = _invoke(
        "trends", str(files["news"]), "-g", str(files["glossary"]), "--freq", "M",
        "--terms", "소버린ai", "--plot", str(png), "-o", "-",
    )  # fmt: skip
    df = pd.read_csv(io.StringIO(out))
    assert df[["period", "term_id", "documents", "total_documents"]].values.tolist() == [
        ["2026-03-01", "sovereign_ai", 3, 12]
    ]


def test_emerging_table(files: dict[str, Path]) -> None:
    out, _ = _invoke(
        "trends",
        str(files["run"]),
        "-g",
        str(files["glossary"]),
        "--emerging",
        "--window",
        "2026-03-16,2026-03-31",
        "--min-count",
        "1",
    )
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["term_id", "term", "window_mentions"]
    assert lines[1].split()[:3] == ["sovereign_ai", "주권", "AI"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "t.xls"], "unknown table format '.xls'; use .csv, .parquet, .xlsx or '-'"),
        pytest.param(
            ["-o", "t.xlsx"],
            "needs the openpyxl package",
            marks=pytest.mark.skipif(
                importlib.util.find_spec("openpyxl") is not None, reason="openpyxl installed"
            ),
        ),
        (["--emerging", "--window", "March"], "`window` should be START,END"),
        (["--emerging", "--window", "2027-01-01,2027-01-31"], "holds no documents"),
        (["--value", "share_smoothed", "--plot", "x.png"], r"pass smooth="),
        (["--terms", "소버린 A"], "'소버린 A' (close: sovereign_ai"),
        (["--plot", "x.pnj"], "unknown image format 'pnj'; use one of"),
    ],
)
def test_errors(files: dict[str, Path], args: list[str], message: str) -> None:
    result = CliRunner().invoke(
        main, ["trends", str(files["news"]), "-g", str(files["glossary"]), *args]
    )
    assert result.exit_code != 0
    assert message in result.output


@pytest.mark.parametrize("source", ["news", "run"])
def test_by_and_where_fields(files: dict[str, Path], source: str) -> None:
    args = ["trends", str(files[source]), "-g", str(files["glossary"]), "--terms", "base_rate"]
    df = pd.read_csv(io.StringIO(_invoke(*args, "--by", "section", "--freq", "M")[0]))
    assert df.columns.tolist()[:3] == ["period", "section", "term_id"]
    assert df.set_index("section")["total_documents"].to_dict() == {"경제": 8, "정책": 4}
    out, _ = _invoke(*args, "--where", "section=정책", "--where", "source=한빛경제")
    assert pd.read_csv(io.StringIO(out))["total_documents"].sum() == 4
    result = CliRunner().invoke(main, [*args, "--by", "sector"])
    assert result.exit_code != 0
    assert "one of ['section', 'source'], but got 'sector'" in result.output
    result = CliRunner().invoke(main, [*args, "--where", "section"])
    assert result.exit_code != 0 and "should be FIELD=VALUE" in result.output


@pytest.mark.parametrize("command", ["trends", "related"])
def test_xlsx_tables(files: dict[str, Path], tmp_path: Path, command: str) -> None:
    out = tmp_path / f"{command}.xlsx"
    extra = ["base_rate"] if command == "related" else []
    _invoke(command, *extra, str(files["run"]), "-g", str(files["glossary"]), "-o", str(out))
    csv_out, _ = _invoke(
        command, *extra, str(files["run"]), "-g", str(files["glossary"]), "-o", "-"
    )
    got = pd.read_excel(out, engine="openpyxl")
    want = pd.read_csv(io.StringIO(csv_out)) if command == "trends" else None
    assert len(got) > 0
    if want is not None:
        assert got.columns.tolist() == want.columns.tolist() and len(got) == len(want)


@pytest.mark.parametrize("source", ["news", "run"])
def test_interactive_html_chart(files: dict[str, Path], tmp_path: Path, source: str) -> None:
    pytest.importorskip("plotly")
    chart = tmp_path / "chart.html"
    out, err = _invoke(
        "trends", str(files[source]), "-g", str(files["glossary"]), "--plot", str(chart)
    )
    assert out == "" and f"chart in {chart}" in err  # a chart-only run prints no table
    html = chart.read_text(encoding="utf-8")
    assert chart.stat().st_size > 1_000_000 and "Plotly.newPlot" in html
    # Most mentions write "소버린 AI", not the name "주권 AI": the legend says both.
    assert json.dumps("소버린 AI (주권 AI)")[1:-1] in html


def test_xlsx_without_openpyxl_says_what_to_install(files: dict[str, Path], monkeypatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a)
    )
    result = CliRunner().invoke(main, ["trends", str(files["run"]), "-o", "t.xlsx"])
    assert result.exit_code != 0
    assert "needs the openpyxl package (pip install openpyxl)" in result.output


def test_bad_options_fail_before_tagging(files: dict[str, Path], monkeypatch) -> None:
    import extract

    def boom(*a, **k):
        raise AssertionError("tagged before checking options")

    monkeypatch.setattr(extract, "tables_from_documents", boom)
    for bad in (["--plot", "x.pnj"], ["--terms", "nosuch"], ["-o", "t.xls"]):
        result = CliRunner().invoke(
            main, ["trends", str(files["news"]), "-g", str(files["glossary"]), *bad]
        )
        assert result.exit_code == 2, (bad, result.output)


def test_glossary_find() -> None:
    result = CliRunner().invoke(main, ["glossary", "find", "hbm", "삼성 전자", "반도채"])
    assert result.exit_code == 1
    lines = [line.split("\t")[:2] for line in result.stdout.splitlines()]
    assert lines == [["hbm", "hbm"], ["삼성 전자", "samsung_electronics"], ["반도채", "-"]]
    assert "close: semiconductor (반도체)" in result.stdout


def test_run_directory_and_files_do_not_mix(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["trends", str(files["run"]), str(files["news"])])
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.parametrize(("rank", "first"), [("frequency", "기준금리"), ("trending", "주권 AI")])
def test_box_rank(files: dict[str, Path], rank: str, first: str) -> None:
    out, _ = _invoke(
        "box", str(files["news"]), "-g", str(files["glossary"]), "--rank", rank, "--format", "json"
    )
    data = json.loads(out)
    assert data["rank"] == rank and data["entries"][0]["term"] == first


def test_related_on_a_run_and_on_files(files: dict[str, Path], tmp_path: Path) -> None:
    png, csv = tmp_path / "net.png", tmp_path / "r.csv"
    g = str(files["glossary"])
    out, err = _invoke("related", "소버린 AI", str(files["run"]), "-g", g, "--plot", str(png))
    assert out.split()[:2] == ["term_id", "term"] and "기준금리" in out
    assert "sovereign_ai" in err and "3 of 13 documents" in err  # the undated one counts too
    assert png.read_bytes()[:4] == b"\x89PNG"
    _invoke("related", "sovereign_ai", str(files["news"]), "-g", g, "-o", str(csv))
    df = pd.read_csv(csv)
    assert df.loc[0, ["term_id", "together", "units"]].tolist() == ["base_rate", 3, 13]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["소버린 A"], "close: sovereign_ai"),
        (["sovereign_ai", "--plot", "x.pnj"], "unknown image format"),
        (["sovereign_ai", "--sort", "rise"], "--sort rise needs --window"),
    ],
)
def test_related_errors(files: dict[str, Path], args: list[str], message: str) -> None:
    term, *rest = args
    result = CliRunner().invoke(
        main, ["related", term, str(files["news"]), "-g", str(files["glossary"]), *rest]
    )
    assert result.exit_code == 2 and message in result.output


def test_emerging_states_window_and_baseline(files: dict[str, Path]) -> None:
    out, err = _invoke(
        "trends", str(files["run"]), "-g", str(files["glossary"]), "--emerging",
        "--window", "2026-03-16,2026-03-31", "--baseline", "2026-03-02,2026-03-08",
        "--min-count", "1",
    )  # fmt: skip
    assert "window 2026-03-16 to 2026-03-31 (6 documents)" in err
    assert "baseline 2026-03-02 to 2026-03-08 (3 documents)" in err
    assert out.splitlines()[1].split()[0] == "sovereign_ai"


def test_entities_on_a_run_without_them_is_an_error(tmp_path: Path) -> None:
    news = tmp_path / "n.jsonl"
    news.write_text(
        json.dumps({"id": "1", "date": "2026-03-02", "text": "유가가 올랐다."}) + "\n",
        encoding="utf-8",
    )
    run = tmp_path / "run"
    _invoke("tag", str(news), "-o", str(run))
    result = CliRunner().invoke(main, ["trends", str(run), "--entities"])
    assert result.exit_code == 2 and "tagged without entities" in result.output
    out, _ = _invoke("trends", str(run), "--terms", "유가", "--freq", "Y")
    assert "oil_price" in out


def test_a_chart_draws_every_term_asked_for_basic_ones_too(
    files: dict[str, Path], tmp_path: Path, test_glossary: glossary.Glossary
) -> None:
    # Basic terms are left out of the default lines only; naming one with --terms asks for it.
    g = tmp_path / "basic.yaml"
    glossary.save(
        glossary.Glossary(
            [replace(t, basic=t.id == "base_rate") for t in test_glossary], name="b", version="1"
        ),
        g,
    )
    chart = tmp_path / "t.html"
    _invoke(
        "trends", str(files["news"]), "-g", str(g), "--terms", "기준금리,sovereign_ai",
        "--plot", str(chart),
    )  # fmt: skip
    html = chart.read_text(encoding="utf-8")
    assert json.dumps("기준금리")[1:-1] in html and json.dumps("소버린 AI")[1:-1] in html
