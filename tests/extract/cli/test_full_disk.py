"""A full disk is a message and exit code 1, and leaves no half-written output (issue 11:
`box > /dev/full`, full-disk outputs). The disk is "full" for the child process alone: a
file size limit of 0 bytes makes every write to a file fail (EFBIG), as ENOSPC would."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
GLOSSARY = "name: t\nversion: '1'\nterms:\n  - id: capex\n    term: 자본 지출\n"


def _full_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "leftover"),
    [
        (["box", "a.jsonl", "-g", "g.yaml"], None),  # stdout redirected to a file
        (["box", "a.jsonl", "-g", "g.yaml", "-o", "box.md"], "box.md"),
        (["tag", "a.jsonl", "-g", "g.yaml", "-o", "m.jsonl"], "m.jsonl"),
        (["tag", "a.jsonl", "-g", "g.yaml", "-o", "m.parquet"], "m.parquet"),
    ],
    ids=["box stdout", "box -o", "tag -o jsonl", "tag -o parquet"],
)
def test_a_full_disk_is_a_message_and_leaves_no_partial_file(args, leftover, tmp_path: Path):
    rows = [
        {"id": f"d{i}", "text": "기업들은 자본 지출을 늘렸다. 자본 지출 확대."} for i in range(5)
    ]
    (tmp_path / "a.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    with (tmp_path / "stdout.txt").open("wb") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "extract.cli", *args, "--no-progress"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_full_disk,
            timeout=300,
        )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "File too large" in proc.stderr, proc.stderr
    if leftover is not None:
        assert not (tmp_path / leftover).exists()
    assert not list(tmp_path.glob(".*tmp*")) and not list(tmp_path.glob("*.tmp"))
