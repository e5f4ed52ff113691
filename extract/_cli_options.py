"""Options several ``kotrend`` commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["entities_option", "glossary_option", "text_field_option"]

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
