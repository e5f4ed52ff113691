"""Mistakes a new user makes on the command line: each gets one clear line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["box", "tag"])
def test_an_empty_input_is_named_as_empty(runner: CliRunner, tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    args = [command, str(empty)] + (["-o", str(tmp_path / "m.jsonl")] if command == "tag" else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "empty.jsonl" in last and "no records" in last, result.stderr
    assert "Traceback" not in result.output


def test_a_csv_named_jsonl_is_suspected(runner: CliRunner, tmp_path: Path) -> None:
    wrong = tmp_path / "news.jsonl"
    wrong.write_text("id,title,body\n1,금리,기준금리 인상\n", encoding="utf-8")
    result = runner.invoke(main, ["box", str(wrong)])
    assert result.exit_code == 1
    assert "news.jsonl:1: invalid JSON" in result.stderr  # each line named, nothing hidden
    last = result.stderr.strip().splitlines()[-1]
    # Not "check --text-field": the fields were never reached; the format is the problem.
    assert "JSON Lines" in last and ".csv" in last and "--text-field" not in last, last


@pytest.mark.parametrize(("n", "word"), [(1, "1 error"), (2, "2 errors")])
def test_glossary_check_counts_errors_in_english(
    runner: CliRunner, tmp_path: Path, n: int, word: str
) -> None:
    bad = "\n".join(f"  - id: Bad{i}\n    term: 용어{i}" for i in range(n))
    path = tmp_path / "typo.yaml"
    path.write_text(f'name: t\nversion: "1"\nterms:\n{bad}\n', encoding="utf-8")
    result = runner.invoke(main, ["glossary", "check", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == word


def test_related_with_no_partner_says_so_not_an_empty_dataframe(
    runner: CliRunner, tmp_path: Path
) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(
        '{"id": "1", "date": "2026-03-02", "text": "국제 유가가 급등했다."}\n'
        '{"id": "2", "date": "2026-03-03", "text": "반도체 수출이 늘었다."}\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["related", "유가", str(news)])
    assert result.exit_code == 0, result.output
    assert "Empty DataFrame" not in result.output
    assert "--min-count" in result.stderr and "유가" in result.stderr


@pytest.fixture(scope="module")
def march_news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("walk") / "news.jsonl"
    path.write_text(
        '{"id": "1", "date": "2026-03-02", "text": "하이퍼스케일러들의 자본지출이 늘었다."}\n'
        '{"id": "2", "date": "2026-03-20", "text": "소버린 AI 투자가 이어졌다."}\n',
        encoding="utf-8",
    )
    return path


def test_an_unknown_never_term_is_a_usage_error(runner: CliRunner, march_news: Path) -> None:
    result = runner.invoke(main, ["box", str(march_news), "--never", "capex,엉터리"])
    assert result.exit_code == 2, result.output
    assert "'--never'" in result.stderr and "엉터리" in result.stderr
    assert not isinstance(result.exception, ValueError)  # no traceback


def test_a_window_without_documents_is_not_called_an_empty_file(
    runner: CliRunner, march_news: Path
) -> None:
    args = ["box", str(march_news), "--rank", "trending", "--window", "2025-01,2025-02"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert "--window" in last and "2 documents" in last and "no records" not in last, last


def test_an_empty_box_says_how_to_see_more(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("은행 지점에서 투자 상담을 했다.\n", encoding="utf-8")  # everyday words only
    result = runner.invoke(main, ["box", str(article)])
    assert result.exit_code == 0, result.output
    assert "--basic" in result.stderr and "--min-score" in result.stderr
    full = runner.invoke(main, ["box", str(article), "--basic", "--min-score", "0"])
    assert "--basic" not in full.stderr  # nothing left to suggest once both are given


@pytest.mark.parametrize(
    ("n", "noun", "says"),
    [
        (0, "chunk", "0 chunks"),
        (1, "chunk", "1 chunk"),
        (1, "period", "1 period"),
        (2, "term", "2 terms"),
        (12345, "mention", "12,345 mentions"),
    ],
)
def test_counts_in_messages_are_singular_for_one(n: int, noun: str, says: str) -> None:
    from extract.cli.common import counted

    assert counted(n, noun) == says
