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


def counted(n: int, noun: str) -> str:
    """``n`` and an English count noun, singular for one: ``counted(1, "chunk")``."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


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

            from extract.batch.outputs import write_text_atomic

            write_text_atomic(
                self.errors_path,
                "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in self.errors),
            )
            click.echo(
                f"kotrend: {len(self.errors)} unreadable records listed in {self.errors_path}",
                err=True,
            )


def refuse_output(inputs: Any, *outputs: str | None) -> None:
    """Exit with a message if an output is, or would be read as, one of ``inputs``."""
    from extract.batch.outputs import check_output

    try:
        check_output(list(inputs), *(o for o in outputs if o is not None))
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'-o'") from None


def read_inputs(inputs: tuple[str, ...], text_field: str | None, log: ErrorLog) -> Any:
    import corpus

    if not inputs:
        return corpus.load_sample()
    for path in inputs:
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise click.BadParameter(f"no such file or directory: {path!r}", param_hint="INPUT")
    try:
        return corpus.read_documents(list(inputs), text_field=text_field, on_error=log)
    except (FileNotFoundError, ValueError, TypeError) as err:  # nothing matched, bad suffix
        raise click.BadParameter(str(err), param_hint="INPUT") from None


class UniqueIds:
    """Pass documents through, counting those whose id an earlier one already had."""

    def __init__(self, docs: Iterable[Any]) -> None:
        self.docs = docs
        self.repeated = 0
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        seen: set[str] = set()
        for doc in self.docs:
            self.count += 1
            if doc.id in seen:
                self.repeated += 1
            else:
                seen.add(doc.id)
            yield doc

    def report(self) -> None:
        report_duplicates(self.repeated)


def report_duplicates(n: int) -> None:
    if n:
        click.echo(
            f"kotrend: warning: {n:,} documents repeat an earlier id (all are kept; "
            "make ids unique to join tables by id)",
            err=True,
        )


def nothing_read(errors: int, *, inputs: Iterable[str] = (), reasons: Iterable[str] = ()) -> None:
    """Say that no document could be read, and the likely cause, and exit with status 1.

    ``reasons`` are the unreadable records' reasons: when every one is bad JSON the file
    is most likely not JSON Lines at all (a CSV saved as ``.jsonl``), and pointing at
    --text-field would send the user the wrong way.
    """
    reasons = list(reasons)
    names = ", ".join(inputs)
    if not errors:
        what = f"{names} holds no records" if names else "the inputs hold no records"
        click.echo(f"kotrend: no document could be read: {what} (an empty file?)", err=True)
        sys.exit(1)
    if reasons and all(r.startswith("invalid JSON") for r in reasons):
        hint = (
            "; is it JSON Lines (one JSON object per line)? "
            "A CSV or TSV file needs a .csv or .tsv name"
        )
    else:
        hint = "; check --text-field and --id-field"
    click.echo(
        f"kotrend: no document could be read ({errors:,} unreadable records){hint}", err=True
    )
    sys.exit(1)


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


def write_table_output(df: Any, output: str, *, text: bool) -> None:
    """Write a table to ``output`` (.csv, .parquet, .xlsx; ``-``: stdout, as text when
    ``text``), atomically."""
    suffix = Path(output).suffix.lower()
    if output == "-":
        click.echo(df.to_string(index=False) if text else df.to_csv(index=False), nl=text)
    else:
        check_table_output(output)
        from extract.batch.outputs import atomic_output

        with atomic_output(output) as tmp:
            if suffix == ".csv":
                df.to_csv(tmp, index=False)
            elif suffix == ".xlsx":
                df.to_excel(tmp, index=False, engine="openpyxl")
            else:
                df.to_parquet(tmp, index=False)


def check_table_output(output: str) -> None:
    """Fail before any work when ``-o`` names a table format we cannot write."""
    suffix = Path(output).suffix.lower()
    if not output or output == "-":
        return
    if suffix not in (".csv", ".parquet", ".xlsx"):
        raise click.BadParameter(
            f"unknown table format {suffix or output!r}; use .csv, .parquet, .xlsx or '-'",
            param_hint="'-o'",
        )
    if suffix == ".xlsx":
        import importlib.util

        if importlib.util.find_spec("openpyxl") is None:
            raise click.BadParameter(
                "writing .xlsx needs the openpyxl package (pip install openpyxl); "
                "or use .csv or .parquet",
                param_hint="'-o'",
            )


def check_plot_path(path: str, *, html: bool = False) -> None:
    """Fail before any work when ``--plot`` names an image format matplotlib cannot write
    (or, with ``html``, ``.html`` without plotly)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if html and suffix in ("html", "htm"):
        import importlib.util

        if importlib.util.find_spec("plotly") is None:
            raise click.BadParameter(
                "an HTML chart needs the plotly package: pip install 'kotrend[plot]' "
                "(or plotly); or use .png",
                param_hint="'--plot'",
            )
        return
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise click.ClickException("--plot needs matplotlib: pip install matplotlib") from None

    formats = Figure().canvas.get_supported_filetypes()
    if suffix not in formats:
        known = sorted([*formats, *(["html"] if html else [])])
        raise click.BadParameter(
            f"unknown image format {suffix or path!r}; use one of {', '.join(known)}",
            param_hint="'--plot'",
        )


def is_run_dir(path: str) -> bool:
    """Whether ``path`` is a ``kotrend tag -o DIR`` run directory."""
    return (Path(path) / "manifest.json").is_file()
