"""Problems found in a glossary, and the exception that carries them."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["GlossaryError", "GlossaryIssue", "Severity", "describe", "short_repr"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class GlossaryIssue:
    """One problem in a glossary file or object.

    Attributes
    ----------
    path : str or None
        File the glossary was read from (None for a glossary built in memory).
    line : int or None
        1-based line of the entry (or field) in that file, when known.
    term_id : str or None
        Id of the entry concerned (None for problems with the whole file).
    field : str or None
        Field concerned: ``id``, ``term``, ``aliases``, ...
    message : str
        What is wrong, with the offending value.
    severity : {"error", "warning"}
        Errors make :func:`glossary.load` raise; warnings never do.

    Examples
    --------
    >>> issue = GlossaryIssue("my.yaml", 12, "capex", "related", "unknown id 'rio'")
    >>> str(issue)
    "my.yaml:12: term 'capex' field 'related': unknown id 'rio'"
    """

    path: str | None
    line: int | None
    term_id: str | None
    field: str | None
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path or "<glossary>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.severity == "warning":
            parts.append("warning")
        what = []
        if self.term_id:
            what.append(f"term {self.term_id!r}")
        if self.field:
            what.append(f"field {self.field!r}")
        if what:
            parts.append(" ".join(what))
        parts.append(self.message)
        return ": ".join(parts)


class GlossaryError(ValueError):
    """A glossary has errors; ``issues`` holds every problem found (not just the first).

    Examples
    --------
    >>> err = GlossaryError([GlossaryIssue("g.yaml", 3, "capex", "term", "missing term")])
    >>> print(err)
    g.yaml: 1 error
      g.yaml:3: term 'capex' field 'term': missing term
    """

    def __init__(self, issues: Iterable[GlossaryIssue]) -> None:
        self.issues: tuple[GlossaryIssue, ...] = tuple(issues)
        super().__init__(_summary(self.issues))

    def __reduce__(self) -> tuple[type[GlossaryError], tuple[tuple[GlossaryIssue, ...]]]:
        return (type(self), (self.issues,))

    @property
    def errors(self) -> tuple[GlossaryIssue, ...]:
        return tuple(i for i in self.issues if i.is_error)


def _summary(issues: tuple[GlossaryIssue, ...]) -> str:
    n_err = sum(i.is_error for i in issues)
    n_warn = len(issues) - n_err
    counts = [f"{n_err} error{'s' * (n_err != 1)}"]
    if n_warn:
        counts.append(f"{n_warn} warning{'s' * (n_warn != 1)}")
    paths = {i.path for i in issues}
    head = f"{paths.pop()}: " if len(paths) == 1 and None not in paths else ""
    # Errors first: they are why this was raised; warnings follow for context.
    ordered = sorted(issues, key=lambda i: not i.is_error)
    return head + ", ".join(counts) + "".join(f"\n  {i}" for i in ordered)


def short_repr(value: object, *, limit: int = 60) -> str:
    """A repr of ``value`` cut to ``limit`` characters, built without ever making the
    whole repr (a value read from a file can stand for an exponential tree).

    Examples
    --------
    >>> short_repr(["기준금리"] * 100)
    "['기준금리', '기준금리', '기준금리', '기준금리', ...]"
    """
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(value: object, *, limit: int = 60) -> str:
    """``int 5``, ``str 'Capex'``: a value's type and a short repr, for messages."""
    return f"{type(value).__name__} {short_repr(value, limit=limit)}"


# Bounded at every level: at most 4 items of at most 3 levels, strings cut to 60.
_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
