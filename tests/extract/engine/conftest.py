"""Fixtures of the engine tests."""

from __future__ import annotations

import pytest

import glossary
from extract import Tagger


@pytest.fixture(scope="session")
def default_tagger() -> Tagger:
    """A fast tagger over the bundled default glossary, built once per test process (it
    loads kiwipiepy with thousands of user words: several seconds)."""
    return Tagger(glossary.default())
