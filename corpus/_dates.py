"""Publication dates as written in Korean news archives."""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["DATE_FORMATS", "WINDOW_FORMATS", "parse_date", "parse_window"]

#: What :func:`parse_date` accepts, for error messages.
DATE_FORMATS = (
    "ISO date (2024-01-05), ISO datetime (2024-01-05T09:30:00+09:00), "
    "2024.01.05, 20240105 or RFC 822 (Fri, 05 Jan 2024 09:30:00 +0900)"
)

#: What each end of a window given to :func:`parse_window` may be, for error messages.
WINDOW_FORMATS = f"a year (2026), a month (2026-03 or 2026.03) or a date: {DATE_FORMATS}"

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Korean portals write "2024.01.05" and often "2024. 1. 5." with a final dot.
_DOTTED = re.compile(r"(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?")


def parse_date(value: object) -> _dt.date | None:
    """Return the calendar date in ``value``, dropping any time of day.

    Parameters
    ----------
    value : str, int, datetime.date or None
        ``None`` and blank strings mean "no date". Datetimes keep their own (local)
        calendar day: no time-zone conversion is done.

    Returns
    -------
    datetime.date or None

    Raises
    ------
    ValueError
        If ``value`` is not one of the accepted forms (see :data:`DATE_FORMATS`).

    Examples
    --------
    >>> parse_date("2024.01.05")
    datetime.date(2024, 1, 5)
    >>> parse_date("Fri, 05 Jan 2024 23:30:00 +0900")  # 한국 시각 그대로
    datetime.date(2024, 1, 5)
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"date should be a string or a date, got {type(value).__name__} {value!r}")
    text = value.strip()
    if not text:
        return None
    match = _ISO_DATE.fullmatch(text) or _COMPACT.fullmatch(text) or _DOTTED.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        try:
            return _dt.date(year, month, day)
        except ValueError as exc:  # the right shape but no such day: say which part
            raise ValueError(f"invalid date {value!r}: {exc}") from None
    try:
        return _parse_other(text)
    except (ValueError, OverflowError):
        pass
    raise ValueError(f"unparseable date {value!r}; expected {DATE_FORMATS}")


def _parse_other(text: str) -> _dt.date:
    if text[:4].isdigit():
        # Python 3.10 does not read a trailing "Z".
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        return _dt.datetime.fromisoformat(iso).date()
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, IndexError) as exc:  # older Pythons raise these for junk
        raise ValueError(text) from exc


_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2})|\.\s?(\d{1,2})\.?)")


def _period(value: object) -> tuple[_dt.date, _dt.date]:
    """The first and last day of the year, month or day ``value`` names."""
    if isinstance(value, str):
        text = value.strip()
        year = _YEAR.fullmatch(text)
        if year:
            y = int(year.group(1))
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        month = _MONTH.fullmatch(text)
        if month:
            y, m = int(month.group(1)), int(month.group(2) or month.group(3))
            if not 1 <= m <= 12:
                raise ValueError(f"invalid month {value!r}: month must be in 1..12")
            last = _dt.date(y + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)
            return _dt.date(y, m, 1), last
    try:
        day = parse_date(value)
    except ValueError as err:
        if not str(err).startswith("unparseable"):
            raise
        day = None
    if day is None:
        raise ValueError(f"unparseable end {value!r}; expected {WINDOW_FORMATS}")
    return day, day


def parse_window(spec: object) -> tuple[_dt.date, _dt.date]:
    """The first and last day (both inclusive) of a window ``"START,END"``.

    Each end may be a year, a month or any date :func:`parse_date` reads; ``START`` counts
    from the first day of its period and ``END`` to the last, so ``"2026-10,2026-11"`` is
    1 October to 30 November.

    Parameters
    ----------
    spec : str or (start, end)
        ``"START,END"``, or a pair of strings, dates or datetimes.

    Raises
    ------
    ValueError
        If ``spec`` is not two ends, an end is not one of :data:`WINDOW_FORMATS`, or the
        window starts after it ends.

    Examples
    --------
    >>> parse_window("2026-10,2026-11")  # 10월~11월
    (datetime.date(2026, 10, 1), datetime.date(2026, 11, 30))
    >>> parse_window(("2026.03.02", "2026"))
    (datetime.date(2026, 3, 2), datetime.date(2026, 12, 31))
    """
    parts: Any = spec.split(",") if isinstance(spec, str) else spec
    start: object
    end: object
    try:
        start, end = parts
    except (TypeError, ValueError):
        raise ValueError(
            f"`window` should be START,END (e.g. 2026-03-01,2026-03-31 or 2026-10,2026-11), "
            f"got {spec!r}"
        ) from None
    try:
        first, last = _period(start)[0], _period(end)[1]
    except ValueError as err:
        raise ValueError(f"`window` {spec!r}: {err}") from None
    if first > last:
        raise ValueError(f"`window` starts after it ends: {spec!r} is {first} to {last}")
    return first, last
