"""Issue 11 findings checked once more from the command line, where the library tests
did not: `glossary coverage` inputs, the errors file beside a Parquet output, and an
alias-bomb glossary given with -g to every command that takes one."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main

BOMB = (
    "name: bomb\nversion: '1'\na: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
    + "".join(
        f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdef", "bcdefg", strict=True)
    )
    + "terms:\n  - id: x\n    term: 금리\n    aliases: *g\n"
)


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gl").mkdir()
    rows = [{"id": "a", "text": "기준금리가 동결됐다."}, {"id": "b"}]
    (tmp_path / "gl" / "a.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (tmp_path / "g.yaml").write_text("name: t\nversion: '1'\nterms:\n  - id: r\n    term: 금리\n")
    (tmp_path / "bomb.yaml").write_text(BOMB)
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.xyz").write_text("x")
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.output


@pytest.mark.parametrize("target", ["nothing/*.jsonl", "notes.xyz", "empty"])
def test_coverage_inputs_that_cannot_be_read_are_messages(target, folder: Path) -> None:
    code, out = _run("glossary", "coverage", target, "-g", "g.yaml")
    assert code != 0 and "Error" in out and target.split("/")[0] in out, out


def test_the_errors_file_of_a_parquet_output_is_not_an_input(folder: Path) -> None:
    """gl/out.parquet is not matched by gl/*.jsonl, but its gl/out.parquet.errors.jsonl is."""
    code, out = _run("tag", "gl/*.jsonl", "-o", "gl/out.parquet", "-g", "g.yaml")
    assert code != 0 and "out.parquet.errors.jsonl" in out, out
    assert sorted(p.name for p in (folder / "gl").iterdir()) == ["a.jsonl"]


@pytest.mark.parametrize(
    "args",
    [
        ["glossary", "check", "bomb.yaml"],
        ["box", "gl/a.jsonl", "-g", "bomb.yaml"],
        ["tag", "gl/a.jsonl", "-g", "bomb.yaml", "-o", "m.jsonl"],
        ["glossary", "coverage", "gl/a.jsonl", "-g", "bomb.yaml"],
        ["discover", "gl/a.jsonl", "-g", "bomb.yaml", "-o", "p.yaml"],
        ["serve", "-g", "bomb.yaml", "--port", "0"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_an_alias_bomb_given_to_any_command_is_a_quick_message(args, folder: Path) -> None:
    t0 = time.perf_counter()
    code, out = _run(*args)
    assert time.perf_counter() - t0 < 10
    assert code != 0 and "bomb.yaml" in out and "alias" in out, out
    assert not any((folder / name).exists() for name in ("m.jsonl", "p.yaml"))
