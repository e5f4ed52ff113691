"""A run stopped before its first chunk finished is called unfinished, not "not a kotrend
tag output" (issue 11: trends on an unfinished run must say so and how much it covers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import load_table
from extract.cli import main


@pytest.fixture()
def started(tmp_path: Path) -> Path:
    """What `tag -o run` leaves when killed during its first chunk: a manifest, no table."""
    run = tmp_path / "run"
    run.mkdir()
    inputs = [{"path": "a.jsonl", "bytes": 1234}]
    (run / "manifest.json").write_text(json.dumps({"status": "running", "inputs": inputs}))
    return run


@pytest.mark.parametrize("partial", [False, True])
def test_load_table_of_a_run_with_no_finished_chunk_says_unfinished(started, partial):
    with pytest.raises(ValueError, match=r"unfinished run: 0 chunks.*--resume"):
        load_table(started, "doc_terms", partial=partial)


def test_trends_on_a_run_with_no_finished_chunk_says_unfinished(started):
    result = CliRunner().invoke(main, ["trends", str(started)])
    assert result.exit_code != 0
    assert "unfinished run: 0 chunks" in result.output, result.output
    assert "a kotrend tag output" not in result.output
