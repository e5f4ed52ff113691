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


W = dt.date

WINDOWS = [
    ("2026-03-01,2026-03-31", (W(2026, 3, 1), W(2026, 3, 31)), "two days"),
    ("2026-10,2026-11", (W(2026, 10, 1), W(2026, 11, 30)), "months: END takes its whole month"),
    ("2026.10, 2026.12", (W(2026, 10, 1), W(2026, 12, 31)), "dotted months, December"),
    ("2025,2026", (W(2025, 1, 1), W(2026, 12, 31)), "years"),
    ("2026.03.02,2026. 3. 5.", (W(2026, 3, 2), W(2026, 3, 5)), "dates as corpus reads them"),
    ("20260302,2026-03", (W(2026, 3, 2), W(2026, 3, 31)), "compact date, then a month"),
    (("2026-02", dt.date(2026, 2, 10)), (W(2026, 2, 1), W(2026, 2, 10)), "a pair"),
    ("2024-02,2024-02", (W(2024, 2, 1), W(2024, 2, 29)), "leap February"),
]


@pytest.mark.parametrize(
    ("spec", "expected"), [w[:2] for w in WINDOWS], ids=[w[2] for w in WINDOWS]
)
def test_window_accepted(spec, expected):
    from corpus import parse_window

    assert parse_window(spec) == expected


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        ("2026-03-01", r"`window` should be START,END .*got '2026-03-01'"),
        ("2026-03-01,2026-03-31,2026-04-30", "`window` should be START,END"),
        ("2026-11,2026-10", r"`window` starts after it ends: '2026-11,2026-10' is 2026-11-01"),
        ("2026-13,2026-14", r"invalid month '2026-13': month must be in 1\.\.12"),
        ("2026-02-30,2026-03", r"`window` '2026-02-30,2026-03': invalid date '2026-02-30'"),
        ("어제,오늘", r"unparseable end '어제'; expected a year \(2026\), a month"),
        ("2026-01-01,", r"unparseable end ''; expected a year"),
        (None, "`window` should be START,END"),
    ],
)
def test_window_rejected(spec, match):
    from corpus import parse_window

    with pytest.raises(ValueError, match=match):
        parse_window(spec)
