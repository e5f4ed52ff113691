"""A folder that cannot be listed is an error naming it, never silently skipped (issue 11:
an unreadable subfolder). Simulated by failing ``os.scandir`` on it, since chmod does not
stop root, who runs some CI containers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus import iter_files


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for sub in ("", "ok", "locked"):
        (tmp_path / "in" / sub).mkdir(parents=True, exist_ok=True)
        line = json.dumps({"id": sub or "top", "text": "기준금리 동결"}, ensure_ascii=False)
        (tmp_path / "in" / sub / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    return tmp_path / "in"


def _lock(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def test_unlistable_subfolder_is_an_error_naming_it(folder: Path, monkeypatch) -> None:
    assert len(iter_files(str(folder))) == 3
    _lock(monkeypatch, folder / "locked")
    with pytest.raises(PermissionError) as info:
        iter_files(str(folder))
    assert info.value.filename == str(folder / "locked")


def test_cli_says_which_folder_it_cannot_read(folder: Path, monkeypatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from extract.cli import main

    glossary = tmp_path / "g.yaml"
    glossary.write_text("name: t\nversion: '1'\nterms:\n  - id: r\n    term: 기준금리\n")
    _lock(monkeypatch, folder / "locked")
    args = ["box", str(folder), "-g", str(glossary), "-o", str(tmp_path / "box.md")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "locked" in result.output and "Permission denied" in result.output
    assert not (tmp_path / "box.md").exists()


def test_a_symlink_loop_in_a_folder_ends(folder: Path) -> None:
    (folder / "ok" / "loop").symlink_to(folder, target_is_directory=True)
    files = iter_files(str(folder))
    assert len(files) == 3  # each file once, the loop not followed
