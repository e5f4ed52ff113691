"""``kotrend box``: print a trend-keyword box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from extract.cli.common import (
    ErrorLog,
    UniqueIds,
    entities_option,
    glossary_option,
    load_glossary,
    nothing_read,
    parse_window_option,
    progress_option,
    read_inputs,
    refuse_output,
    text_field_option,
    text_fields,
    with_progress,
)

__all__ = ["box"]

_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
}


@click.command()
@click.argument("inputs", nargs=-1)
@glossary_option
@entities_option
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(min=1), help="How many terms."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json", "text"]),
    help="Output format (default: from -o, else markdown).",
)
@click.option("-o", "--output", default="-", show_default=True, help="Output file, '-' for stdout.")
@text_field_option
@click.option(
    "--example",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Which example (k) to show.",
)
@click.option(
    "--basic",
    is_flag=True,
    help="Also show everyday vocabulary the glossary marks basic (투자, 주가).",
)
@click.option("--full", is_flag=True, help="Analyse every sentence with kiwipiepy (slower).")
@click.option(
    "--rank",
    type=click.Choice(["frequency", "trending"]),
    default="frequency",
    show_default=True,
    help="Order: most frequent, or rising most in --window against the time before.",
)
@click.option(
    "--window",
    metavar="START,END",
    help="Dates --rank trending compares with the time before (default: newest quarter).",
)
@progress_option
def box(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    top: int,
    fmt: str | None,
    output: str,
    text_field: tuple[str, ...],
    example: int,
    basic: bool,
    full: bool,
    rank: Any,
    window: str | None,
    progress: bool | None,
) -> None:
    """Print a trend-keyword box for INPUTS (files, folders, globs; default: the bundled sample)."""
    from extract import Tagger, build_box
    from extract.batch.outputs import write_text_atomic

    g = load_glossary(glossary_spec, entities)
    if fmt is None:
        fmt = (
            _FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "markdown")
            if output != "-"
            else "markdown"
        )
    if window is not None:
        if rank != "trending":
            raise click.BadParameter("needs --rank trending", param_hint="'--window'")
        window_dates = parse_window_option(window)
    else:
        window_dates = None
    refuse_output(inputs, output)
    log = ErrorLog(None)
    tagger = Tagger(g, mode="full" if full else "fast")
    result = build_box(
        with_progress(
            docs := UniqueIds(read_inputs(inputs, text_fields(text_field), log)),
            progress,
            "kotrend box",
        ),
        tagger=tagger,
        top=top,
        example=example,
        rank=rank,
        window=window_dates,
        basic=basic,
    )
    docs.report()
    if result.n_documents == 0:
        nothing_read(len(log.errors))
    text = result.render(fmt)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
        click.echo(
            f"kotrend: wrote {fmt} box with {len(result.entries)} terms to {output}", err=True
        )
