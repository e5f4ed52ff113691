"""``kotrend box``: print a trend-keyword box."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from extract.cli.common import (
    ErrorLog,
    UniqueIds,
    counted,
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

__all__ = ["box", "corpus_option_context"]

_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
}


def corpus_option_context(
    inputs: tuple[str, ...], *, tagger: Any, text_field: Any, rank: str = "explain"
) -> Any:
    """The :class:`extract.CorpusContext` of ``--corpus`` (one run directory, or files)."""
    from extract.box.context import corpus_context

    if rank == "trending":
        raise click.BadParameter(
            "works with --rank explain or frequency, not trending", param_hint="'--corpus'"
        )
    runs = [p for p in inputs if (Path(p) / "manifest.json").is_file()]
    if runs and len(inputs) > 1:
        raise click.BadParameter(
            f"give one run directory or files, not both: {list(inputs)!r}", param_hint="'--corpus'"
        )
    try:
        return corpus_context(inputs[0] if runs else list(inputs), tagger=tagger, fields=text_field)
    except FileNotFoundError as err:
        raise click.BadParameter(
            str(err).replace("`corpus`: ", ""), param_hint="'--corpus'"
        ) from None


@click.command()
@click.argument("inputs", nargs=-1)
@glossary_option
@entities_option
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="At most this many terms (an explain box shows only terms worth explaining).",
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
    type=click.Choice(["explain", "frequency", "trending"]),
    default="explain",
    show_default=True,
    help="Order: terms a reader most needs explained (central here, rare in everyday "
    "news), most frequent, or rising most in --window against the time before.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    help="Explain order: leave out terms scoring below this, 0 to 1 (default 0.4; "
    "0 shows all up to --top). 1 = unseen in everyday news and central to the input.",
)
@click.option(
    "--never",
    "never",
    multiple=True,
    metavar="TERM[,TERM]",
    help="Never show these terms (ids or any form; repeatable): a house list.",
)
@click.option(
    "--background",
    "background",
    multiple=True,
    metavar="FILES",
    help="Explain order: how familiar terms are, from these news files (tagged with the "
    "glossary) or a background JSON (bench/build_background.py); 'none' for no background. "
    "Default: the one bundled with the default glossary.",
)
@click.option(
    "--window",
    metavar="START,END",
    help="Dates --rank trending compares with the time before, each a date, month or year "
    "(default: newest quarter).",
)
@click.option(
    "--corpus",
    "corpus_inputs",
    multiple=True,
    metavar="RUN_DIR|FILE",
    help="Coverage around INPUTS: a `kotrend tag -o` run directory, or files, folders, globs "
    "(repeatable). Examples also come from it, and rising terms that co-occur with the box's "
    "are listed apart (관련 키워드).",
)
@click.option(
    "--related",
    default=3,
    show_default=True,
    type=click.IntRange(min=0),
    help="At most how many related terms --corpus lists.",
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
    corpus_inputs: tuple[str, ...],
    related: int,
    min_score: float | None,
    never: tuple[str, ...],
    background: tuple[str, ...],
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
    if rank != "explain":
        for name, value in (("--min-score", min_score), ("--background", background or None)):
            if value is not None:
                raise click.BadParameter("needs --rank explain", param_hint=f"'{name}'")
    refuse_output(inputs, output)
    log = ErrorLog(None)
    tagger = Tagger(g, mode="full" if full else "fast")
    context = None
    if corpus_inputs:
        context = corpus_option_context(
            corpus_inputs, tagger=tagger, text_field=text_fields(text_field), rank=rank
        )
    exclude = [t for spec in never for t in spec.split(",") if t.strip()]
    if exclude:
        # Check the house list before the (long) tagging, with close matches for a typo.
        from extract.trends import resolve_terms

        try:
            resolve_terms(exclude, glossary=g)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="'--never'") from None
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
        corpus=context,
        related=related,
        min_score=min_score,
        exclude_terms=exclude or None,
        background=_background(background, log),
    )
    docs.report()
    if docs.count and result.n_documents == 0:  # all read, none dated inside --window
        click.echo(
            f"kotrend: none of the {docs.count:,} documents read is dated in "
            + (f"--window {window}" if window else "the newest quarter (are they dated?)"),
            err=True,
        )
        sys.exit(1)
    if result.n_documents == 0:
        nothing_read(len(log.errors), inputs=inputs, reasons=[e.reason for e in log.errors])
    if not result.entries and rank == "explain" and not (basic and min_score == 0):
        # The box alone says "no term found" although everyday (basic) terms or terms
        # below the score bar may be there: tell the editor how to see them.
        click.echo(
            "kotrend: no term here needs explaining; --basic adds everyday terms "
            "(투자, 금리) and --min-score 0 shows terms below the bar",
            err=True,
        )
    text = result.render(fmt)
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
        click.echo(
            f"kotrend: wrote {fmt} box with {counted(len(result.entries), 'term')} to {output}",
            err=True,
        )


def _background(specs: tuple[str, ...], log: ErrorLog) -> Any:
    """``--background``: none given -> the library default; 'none' -> no background; one
    background JSON -> its counts; else news files whose documents are tagged."""
    from glossary import BackgroundFrequencies

    if not specs:
        return None
    if specs == ("none",):
        return False
    if len(specs) == 1 and specs[0].endswith(".json") and Path(specs[0]).is_file():
        try:
            data = json.loads(Path(specs[0]).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and "df" in data:
            try:
                return BackgroundFrequencies.from_dict(data, where=specs[0])
            except (TypeError, ValueError) as err:
                raise click.BadParameter(str(err), param_hint="'--background'") from None
    for path in specs:
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise click.BadParameter(
                f"no such file or directory: {path!r}", param_hint="'--background'"
            )
    import corpus

    return list(corpus.read_documents(list(specs), on_error=log))
