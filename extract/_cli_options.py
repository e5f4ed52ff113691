"""Options several ``kotrend`` commands share, declared once."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

__all__ = [
    "entities_option",
    "glossary_option",
    "progress_option",
    "text_field_option",
    "with_progress",
]

F = TypeVar("F", bound=Callable[..., Any])

glossary_option: Callable[[F], F] = click.option(
    "-g", "--glossary", "glossary_spec", help="Glossary file (YAML/JSON/CSV) or 'default'."
)
entities_option: Callable[[F], F] = click.option(
    "--entities/--no-entities",
    default=False,
    help="Include companies and institutions (default glossary).",
)
text_field_option: Callable[[F], F] = click.option(
    "--text-field", multiple=True, help="Field(s) to read (default: text, else title and body)."
)
progress_option: Callable[[F], F] = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when stderr is a terminal).",
)

T = TypeVar("T")


def with_progress(items: Iterable[T], progress: bool | None, desc: str) -> Iterator[T]:
    """``items`` as they are consumed, counted on a progress bar on stderr (shown when
    ``progress`` is true, or by default when stderr is a terminal)."""
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(items, unit=" docs", disable=not show, desc=desc, dynamic_ncols=True) as bar:
        yield from bar
