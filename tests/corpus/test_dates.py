"""Dates as news archives write them."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus._dates import parse_date

D = dt.date(2024, 1, 5)

CASES = [
    ("2024-01-05", D, "ISO date"),
    ("2024-01-05T23:30:00+09:00", D, "ISO datetime keeps its own calendar day"),
    ("2024-01-05 10:00", D, "ISO datetime with a space"),
    ("2024-01-05T10:00:00Z", D, "UTC suffix"),
    ("2024.01.05", D, "dotted"),
    ("2024. 1. 5.", D, "Naver style"),
    ("20240105", D, "compact"),
    (20240105, D, "compact integer"),
    ("Fri, 05 Jan 2024 23:30:00 +0900", D, "RFC 822"),
    ("  2024-01-05 ", D, "surrounding spaces"),
    ("", None, "blank means no date"),
    (None, None, "null"),
    (dt.datetime(2024, 1, 5, 12), D, "datetime object"),
    (D, D, "date object"),
]


@pytest.mark.parametrize(("value", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_accepted(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "match"),
    [
        ("어제", r"unparseable date '어제'; expected ISO date \(2024-01-05\)"),
        ("2024/01/05", "unparseable date"),
        ("1990-11-77", r"invalid date '1990-11-77': day is out of range for month"),
        ("2024-13-01", "month must be in 1..12"),
        ("20241301", "month must be in 1..12"),
        (2024.5, "date should be a string or a date, got float 2024.5"),
        (True, "got bool True"),
    ],
)
def test_rejected(value, match):
    with pytest.raises(ValueError, match=match):
        parse_date(value)
