"""Shared fixtures: one Kiwi-backed tagger per session, and the real-data location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path | None:
    """``$KOTREND_DATA``, else ``../shared/data`` beside the checkout, if it exists."""
    env = os.environ.get("KOTREND_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared" / "data")
    for path in candidates:
        if (path / "news").is_dir():
            return path
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("real data not found: set KOTREND_DATA or put shared/data beside the checkout")
    return path
