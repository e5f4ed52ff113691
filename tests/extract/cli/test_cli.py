"""The kotrend command, through click's test runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from extract.cli import main

FIVE = {
    "capex": "자본 지출",
    "hyperscaler": "하이퍼스케일러",
    "roi": "투자 자본 수익률",
    "cloud_backlog": "클라우드 백로그",
    "sovereign_ai": "주권 AI",
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def sample_box(runner: CliRunner) -> str:
    # The sample was written around the seed's five terms; in the default "explain" order
    # other specialised terms of it (PPA, 수주잔고) may come first, so look a little deeper.
    result = runner.invoke(main, ["box", "--top", "15"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("term_id", sorted(FIVE))
def test_default_box_shows_the_five_terms(sample_box: str, term_id: str) -> None:
    term = FIVE[term_id]
    block = re.search(
        rf"^- \*\*{re.escape(term)}\*\* \((?P<syn>[^)]+)\):\n  (?P<defn>.+)\n  (?P<k>\d+) / (?P<n>\d+) \"(?P<ex>.+)\"",
        sample_box,
        re.M,
    )
    assert block, f"{term} missing or malformed in:\n{sample_box}"
    assert block["syn"] and block["defn"].endswith(".")
    assert 1 <= int(block["k"]) <= int(block["n"])


def test_box_formats_and_output_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "box.html"
    result = runner.invoke(main, ["box", "--top", "3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="kt-entry"') == 3
    data = json.loads(runner.invoke(main, ["box", "--top", "2", "--format", "json"]).stdout)
    assert len(data["entries"]) == 2 and data["n_documents"] == 40


def test_box_on_a_text_file(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "하이퍼스케일러들은 올해 자본지출을 크게 늘릴 계획이라고 밝혔다.\n", encoding="utf-8"
    )
    result = runner.invoke(main, ["box", str(article), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "- 하이퍼스케일러 (Hyperscaler):" in result.stdout
    assert '1 / 1 "하이퍼스케일러들은 올해 자본지출을' in result.stdout


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_tag_to_file(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    from corpus import sample_path

    out = tmp_path / f"mentions{suffix}"
    result = runner.invoke(main, ["tag", str(sample_path()), "-o", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_json(out, lines=True) if suffix == ".jsonl" else pd.read_parquet(out)
    assert {"doc_id", "field", "term_id", "surface", "start", "end"} <= set(df.columns)
    assert len(df) > 100 and "capex" in set(df["term_id"])
    assert "read 40 records: 40 tagged, 0 errors" in result.stderr


def test_tag_to_stdout_with_text_field(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "headline": "소버린 AI 경쟁", "body": "무관"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["tag", str(src), "--text-field", "headline", "-o", "-"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["field"], r["term_id"], r["surface"]) for r in rows] == [
        ("headline", "sovereign_ai", "소버린 AI")
    ]


def test_tag_reports_bad_records(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "기준금리 동결"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "m.jsonl"
    result = runner.invoke(main, ["tag", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert (
        "in.jsonl:2" in result.stderr
        and "read 2 records: 1 tagged, 1 error; 1 mention" in result.stderr
    )
    assert json.loads((tmp_path / "m.jsonl.errors.jsonl").read_text())["line"] == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tag", "nope.jsonl"], "no such file or directory: 'nope.jsonl'"),
        (["tag", "{sample}", "-o", "out.csv"], "cannot tell the output format of 'out.csv'"),
        (["box", "-g", "missing.yaml"], "glossary file not found: 'missing.yaml'"),
    ],
)
def test_bad_arguments(
    runner: CliRunner,
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corpus import sample_path

    monkeypatch.chdir(tmp_path)

    args = [a.replace("{sample}", str(sample_path())) for a in args]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert not any(tmp_path.iterdir()), "a failed command must not leave files behind"


def test_glossary_check(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        'name: g\nversion: "1"\nterms:\n  - id: capex\n    term: 자본 지출\n', encoding="utf-8"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        'name: g\nversion: "1"\nterms:\n  - id: capex\n    term: 자본 지출\n'
        "  - id: capex2\n    term: 자본지출\n  - id: Bad-Id\n    term: 금리\n",
        encoding="utf-8",
    )
    ok = runner.invoke(main, ["glossary", "check", str(good)])
    assert ok.exit_code == 0 and "good.yaml: ok" in ok.stdout
    res = runner.invoke(main, ["glossary", "check", str(bad)])
    assert res.exit_code == 1
    assert re.search(r"bad\.yaml:6: .*capex2.*capex", res.stderr), res.stderr
    assert re.search(r"bad\.yaml:8: .*'Bad-Id'", res.stderr), res.stderr


def test_default_glossary_checks_clean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["glossary", "check", "default"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("default: ok")
    for line in result.stderr.splitlines():  # warnings name the bundled file and line
        assert re.match(r".*/data/(default|entities)/[\w.]+\.yaml:\d+: warning: ", line), line


def test_box_window_needs_trending_and_two_dates(runner: CliRunner) -> None:
    res = runner.invoke(main, ["box", "--window", "2026-09-01,2026-10-31"])
    assert res.exit_code == 2 and "needs --rank trending" in res.stderr
    res = runner.invoke(main, ["box", "--rank", "trending", "--window", "2026-09-01"])
    assert res.exit_code == 2 and "`window` should be START,END" in res.stderr
    ok = runner.invoke(
        main, ["box", "--rank", "trending", "--window", "2026-09-01,2026-10-31", "--format", "json"]
    )
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["rank"] == "trending"


@pytest.mark.parametrize(
    "args", [["box", "--format", "json"], ["trends", "--freq", "M", "-o", "-"]]
)
def test_progress_bar_counts_the_documents(runner: CliRunner, args: list[str]) -> None:
    from corpus import sample_path

    res = runner.invoke(main, [args[0], str(sample_path()), *args[1:], "--progress"])
    assert res.exit_code == 0, res.stderr
    assert f"kotrend {args[0]}: 40 docs" in res.stderr, res.stderr  # all 40 sample articles
    quiet = runner.invoke(main, [args[0], str(sample_path()), *args[1:], "--no-progress"])
    assert f"kotrend {args[0]}:" not in quiet.stderr
    assert quiet.stdout == res.stdout
