"""The README's glossary sizes stay within 5% of the bundled glossary as it grows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import glossary

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")


def _about(pattern: str) -> int:
    found = re.search(pattern, README, re.S)
    assert found, f"README no longer says {pattern!r}"
    return int(found[1].replace(",", ""))


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("concepts", r"has about ([\d,]+) concept terms"),
        ("entities", r"list of about ([\d,]+) companies and institutions"),
        ("basic", r"\(about ([\d,]+) of them,"),
    ],
)
def test_readme_glossary_sizes_are_current(what: str, pattern: str) -> None:
    concepts = glossary.default()
    actual = {
        "concepts": len(concepts),
        "entities": len(glossary.resolve("default+entities")) - len(concepts),
        "basic": sum(1 for t in concepts if t.basic),
    }[what]
    said = _about(pattern)
    assert abs(said - actual) <= 0.05 * actual, f"README says about {said:,} {what}; {actual:,}"
