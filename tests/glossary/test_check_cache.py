"""check_default's answer is kept on disk like the bundled glossary, so `kotrend glossary
check default` and each test that checks the bundle pay for the check once. (The real
issues travel through the run's cache in tests/extract/cli/test_cli.py, which reads
their files and lines; here a stand-in check keeps this test from paying for two.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import GlossaryIssue, _default


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(folder))
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    return folder


def test_check_default_is_checked_once_then_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue = GlossaryIssue(
        path="default/x.yaml",
        line=3,
        term_id="t",
        field="term",
        message="a stand-in",
        severity="warning",
    )
    calls: list[object] = []

    def check(root: object) -> list[GlossaryIssue]:
        calls.append(root)
        return [issue]

    monkeypatch.setattr(_default, "_check", check)
    fresh = glossary.check_default()
    assert fresh == [issue] and len(calls) == 1
    assert len(list(cache.glob("glossary-check-*.pickle"))) == 1
    again = glossary.check_default()
    assert again == fresh and again is not fresh and len(calls) == 1
