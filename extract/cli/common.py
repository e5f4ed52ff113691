"""What several ``kotrend`` commands share: options, glossary and input loading, errors."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "entities_option",
    "glossary_option",
    "progress_bar",
    "progress_option",
    "text_field_option",
    "with_progress",
]

F = TypeVar("F", bound=Callable[..., Any])

glossary_option: Callable[[F], F] = click.option(
    "-g",
    "--glossary",
    "glossary_spec",
    help="Glossary file (YAML/JSON/CSV), 'default' or 'default+entities'.",
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


@contextlib.contextmanager
def progress_bar(progress: bool | None, desc: str, *, total: int | None = None) -> Iterator[Any]:
    """The one progress bar of every command: documents counted on stderr, shown when
    ``progress`` is true, or by default when stderr is a terminal. Call ``.update(n)``,
    or pass ``.update`` as a library function's ``progress`` callback."""
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    with tqdm(total=total, unit=" docs", disable=not show, desc=desc, dynamic_ncols=True) as bar:
        yield bar


def with_progress(items: Iterable[T], progress: bool | None, desc: str) -> Iterator[T]:
    """``items`` as they are consumed, counted on a :func:`progress_bar`."""
    with progress_bar(progress, desc) as bar:
        for item in items:
            yield item
            bar.update(1)


def load_glossary(spec: str | None, entities: bool) -> Any:
    """The glossary ``-g`` names (see :func:`glossary.resolve`); ``--entities`` adds the
    bundled entity list to the bundled glossary."""
    import glossary

    if spec in (None, "default"):
        spec = "default+entities" if entities else "default"
    try:
        return glossary.resolve(spec)  # type: ignore[arg-type]
    except glossary.GlossaryError as err:
        raise click.ClickException(str(err)) from None
    except (FileNotFoundError, ValueError, TypeError) as err:
        raise click.BadParameter(str(err), param_hint="'-g'") from None


class ErrorLog:
    """Collects unreadable records, reports them on stderr and to an errors file."""

    def __init__(self, errors_path: str | None) -> None:
        self.errors: list[Any] = []
        self.errors_path = errors_path

    def __call__(self, err: Any) -> None:
        self.errors.append(err)
        click.echo(f"kotrend: skipped record: {err}", err=True)

    def finish(self) -> None:
        if self.errors and self.errors_path:
            import json

            with open(self.errors_path, "w", encoding="utf-8") as fh:
                for err in self.errors:
                    fh.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
            click.echo(
                f"kotrend: {len(self.errors)} unreadable records listed in {self.errors_path}",
                err=True,
            )


def read_inputs(inputs: tuple[str, ...], text_field: str | None, log: ErrorLog) -> Any:
    import corpus

    if not inputs:
        return corpus.load_sample()
    for path in inputs:
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise click.BadParameter(f"no such file or directory: {path!r}", param_hint="INPUT")
    return corpus.read_documents(list(inputs), text_field=text_field, on_error=log)


def parse_window_option(spec: str) -> Any:
    """``--window START,END`` as two dates (see :func:`corpus.parse_window`)."""
    import corpus

    try:
        return corpus.parse_window(spec)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--window'") from None


def text_fields(text_field: tuple[str, ...]) -> Any:
    if not text_field:
        return None
    return text_field[0] if len(text_field) == 1 else list(text_field)
