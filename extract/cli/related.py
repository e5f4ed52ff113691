"""``kotrend related``: terms that co-occur with a term (연관어), and a network picture."""

from __future__ import annotations

import warnings
from typing import Literal

import click

from extract.cli.common import (
    ErrorLog,
    entities_option,
    glossary_option,
    load_glossary,
    progress_option,
    read_inputs,
    refuse_output,
    text_field_option,
    text_fields,
    with_progress,
)

__all__ = ["related"]


@click.command()
@click.argument("term")
@click.argument("inputs", nargs=-1, required=True)
@glossary_option
@entities_option
@click.option(
    "--window",
    help="START,END (each a date, month or year; END inclusive): statistics of the window, "
    "and how each association changed from the time before it.",
)
@click.option(
    "--level",
    type=click.Choice(["document", "sentence"]),
    default="document",
    show_default=True,
    help="Co-occurrence in the same document or the same sentence.",
)
@click.option(
    "--sort",
    type=click.Choice(["g2", "together", "pmi", "rise"]),
    help="Order: g2 (log-likelihood, the default), together (count), pmi, rise (with --window).",
)
@click.option(
    "--min-count",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Minimum co-occurrences.",
)
@click.option(
    "--top", default=20, show_default=True, type=click.IntRange(min=1), help="How many terms."
)
@click.option(
    "-o",
    "--output",
    default=None,
    help="related.csv, .parquet or .xlsx (default: a text table on stdout).",
)
@click.option("--plot", "plot_path", help="Draw the network to this image (.png, .svg, .pdf).")
@click.option("--title", help="Title of the picture.")
@text_field_option
@click.option("--full", is_flag=True, help="Analyse every sentence with kiwipiepy (slower).")
@click.option(
    "--partial", is_flag=True, help="Read a `kotrend tag` run that has not finished (warns)."
)
@progress_option
def related(
    term: str,
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    window: str | None,
    level: Literal["document", "sentence"],
    sort: Literal["g2", "together", "pmi", "rise"] | None,
    min_count: int,
    top: int,
    output: str | None,
    plot_path: str | None,
    title: str | None,
    text_field: tuple[str, ...],
    full: bool,
    partial: bool,
    progress: bool | None,
) -> None:
    """Terms that appear with TERM (an id or any form: HBM, 유가) in INPUTS: news files,
    folders, globs (tagged on the fly) or the output directory of `kotrend tag`.

    \b
    kotrend related HBM runs/stocker --plot hbm.png
    kotrend related 유가 runs/danews --window 2026-03-01,2026-03-15 --sort rise
    """
    from extract import Tagger, load_table, plot_related, related_terms, tables_from_documents
    from extract.cli.common import (
        check_plot_path,
        check_table_output,
        is_run_dir,
        parse_window_option,
        write_table_output,
    )
    from extract.trends import top_surfaces

    # Every option is checked before any tagging, which can take minutes.
    if output:
        check_table_output(output)
    if plot_path:
        check_plot_path(plot_path)
    if window:
        parse_window_option(window)
    if sort == "rise" and not window:
        raise click.BadParameter("--sort rise needs --window", param_hint="'--sort'")
    refuse_output(inputs, output, plot_path)
    runs = [p for p in inputs if is_run_dir(p)]
    # Without -g a run's terms are named from the bundled glossary with its entity list.
    g = load_glossary(glossary_spec, entities or (bool(runs) and not glossary_spec))
    if g.find(term) is None:
        close = ", ".join(f"{c.id} ({c.term})" for c in g.close_matches(term))
        raise click.BadParameter(
            f"no term {term!r} in glossary {g.name!r}" + (f"; close: {close}" if close else ""),
            param_hint="TERM",
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if runs:
            if len(inputs) > 1:
                raise click.BadParameter(
                    "give one `kotrend tag` output directory, or news files, not both",
                    param_hint="INPUT",
                )
            try:
                table = load_table(
                    runs[0], "mentions" if level == "sentence" else "doc_terms", partial=partial
                )
                documents = load_table(runs[0], "documents", partial=partial)
                mentions = (
                    table
                    if level == "sentence"
                    else load_table(runs[0], "mentions", partial=partial)
                    if plot_path
                    else None
                )
            except (ValueError, FileNotFoundError) as err:
                raise click.ClickException(str(err)) from None
        else:
            docs = with_progress(
                read_inputs(inputs, text_fields(text_field), ErrorLog(None)),
                progress,
                "kotrend related",
            )
            tables = tables_from_documents(
                docs,
                tagger=Tagger(g, mode="full" if full else "fast"),
                fields=text_fields(text_field),
            )
            table = tables["mentions" if level == "sentence" else "doc_terms"]
            documents = tables["documents"]
            mentions = tables["mentions"]
        try:
            df = related_terms(
                table,
                term,
                documents=documents,
                level=level,
                window=window,
                min_count=min_count,
                top=top,
                sort=sort,
                glossary=g,
            )
            if plot_path:
                surfaces = top_surfaces(mentions) if mentions is not None else None
                plot_related(df, path=plot_path, title=title, surfaces=surfaces)
        except (ValueError, TypeError, ImportError) as err:
            raise click.ClickException(str(err)) from None
    for w in caught:
        click.echo(f"kotrend: warning: {w.message}", err=True)
    a = df.attrs
    if output:
        write_table_output(df, output, text=False)
    elif df.empty:
        # pandas would print "Empty DataFrame / Columns: [...]": say what to change instead.
        click.echo(
            f"kotrend: no term appears with {a['term']} in {min_count} or more {a['level']}s; "
            "try a lower --min-count or more input",
            err=True,
        )
    else:
        click.echo(df.to_string(index=False, float_format=lambda v: f"{v:.3g}"))
    span = a["window"]
    click.echo(
        f"kotrend: {a['term']} ({a['term_id']}) in {a['units_with_term']:,} of {a['units']:,} "
        f"{a['level']}s"
        + (f" from {span[0]} to {span[1]}" if span else "")
        + (f"; network in {plot_path}" if plot_path else ""),
        err=True,
    )
