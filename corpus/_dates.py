"""Publication dates as written in Korean news archives."""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime

__all__ = ["DATE_FORMATS", "parse_date"]

#: What :func:`parse_date` accepts, for error messages.
DATE_FORMATS = (
    "ISO date (2024-01-05), ISO datetime (2024-01-05T09:30:00+09:00), "
    "2024.01.05, 20240105 or RFC 822 (Fri, 05 Jan 2024 09:30:00 +0900)"
)

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
