"""``kotrend box ARTICLE --corpus ...`` and trending boxes, through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import corpus
from extract.cli import main

# Written for this test: big-tech AI spending, without hyperscalers or sovereign AI.
ARTICLE = (
    "빅테크들이 올해 AI 인프라에 쏟아붓는 자본 지출이 사상 최대를 기록할 전망이다. "
    "클라우드 백로그가 빠르게 쌓이자 회사들은 CapEx 가이던스를 올렸다. "
    "월가는 막대한 투자에 걸맞은 투자 자본 수익률(ROI)이 언제 나올지 묻고 있다.\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def test_box_with_corpus_lists_related_terms(runner: CliRunner, article: str) -> None:
    res = runner.invoke(
        main, ["box", article, "--corpus", str(corpus.sample_path()), "--format", "json"]
    )
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert {"hyperscaler", "sovereign_ai"} <= {e["term_id"] for e in data["related"]}
    assert data["corpus_documents"] == 40
    text = runner.invoke(
        main, ["box", article, "--corpus", str(corpus.sample_path()), "--related", "1"]
    )
    assert text.exit_code == 0, text.stderr
    assert text.stdout.count("#### 관련 키워드") == 1
    assert len(text.stdout.split("#### 관련 키워드")[1].split("\n- ")) == 2  # one related term


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--corpus", "no/such.jsonl"], "no such file or directory: 'no/such.jsonl'"),
        (
            ["--corpus", "SAMPLE", "--rank", "trending"],
            "works with --rank explain or frequency, not trending",
        ),
    ],
)
def test_bad_corpus(runner: CliRunner, article: str, extra: list[str], message: str) -> None:
    args = [str(corpus.sample_path()) if a == "SAMPLE" else a for a in extra]
    res = runner.invoke(main, ["box", article, *args])
    assert res.exit_code == 2 and message in res.stderr


def test_run_dir_and_files_together_are_refused(
    runner: CliRunner, article: str, tmp_path: Path
) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "manifest.json").write_text("{}", encoding="utf-8")
    res = runner.invoke(
        main, ["box", article, "--corpus", str(run), "--corpus", str(corpus.sample_path())]
    )
    assert res.exit_code == 2 and "give one run directory or files, not both" in res.stderr


def test_trending_box_on_the_sample(runner: CliRunner) -> None:
    res = runner.invoke(
        main,
        ["box", "--rank", "trending", "--window", "2026-08-01,2026-10-31", "--top", "25"],
    )
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert "상승 기준 2026-08-01 ~ 2026-10-31: 문서 10건" in out
    assert "비교 기간 2026-01-05 ~ 2026-07-31: 문서 30건" in out
    entries = out.split("\n- ")[1:]
    assert 0 < len(entries) < 25  # only terms that rose: no padding to --top
    assert all("문서 30건 중 " in e and " → 10건 중 " in e for e in entries)
