"""check_default's answer is kept on disk like the bundled glossary: read back, it equals
a fresh check, so `kotrend glossary check default` and each test pay for it once."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import _default


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(folder))
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    return folder


def test_check_default_is_read_back_and_equals_a_fresh_check(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = glossary.check_default()
    assert len(list(cache.glob("glossary-check-*.pickle"))) == 1
    real, calls = _default._check, []
    monkeypatch.setattr(_default, "_check", lambda root: calls.append(root) or real(root))
    again = glossary.check_default()
    assert calls == [] and again == fresh and again is not fresh
    monkeypatch.setenv("KOTREND_NO_CACHE", "1")
    assert glossary.check_default() == fresh and len(calls) == 1
