"""``kotrend trends``: term trends, emerging terms and a chart, from news files or a run."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Literal

import click

from extract.cli.common import (
    ErrorLog,
    check_plot_path,
    check_table_output,
    counted,
    entities_option,
    glossary_option,
    is_run_dir,
    load_glossary,
    parse_window_option,
    progress_option,
    read_inputs,
    refuse_output,
    text_field_option,
    text_fields,
    with_progress,
    write_table_output,
)

__all__ = ["trends"]


def _window(spec: str | None) -> Any:
    if spec is None:
        return None
    return int(spec) if spec.isdigit() else parse_window_option(spec)


def _resolve(resolve_terms: Any, names: list[str] | None, known: Any, g: Any) -> Any:
    if names is None:
        return None
    try:
        return resolve_terms(names, known, glossary=g)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--terms'") from None


def _where(specs: tuple[str, ...]) -> dict[str, list[str]]:
    """``--where FIELD=VALUE`` options as ``{field: [values]}``."""
    out: dict[str, list[str]] = {}
    for spec in specs:
        field, sep, value = spec.partition("=")
        if not sep or not field.strip():
            raise click.BadParameter(
                f"{spec!r} should be FIELD=VALUE, e.g. category=경제", param_hint="'--where'"
            )
        out.setdefault(field.strip(), []).append(value.strip())
    return out


def _check_run_has_entities(run: str) -> None:
    """``--entities`` on a run tagged with the bundled glossary alone is an error: the
    run's tables hold no company or institution, so the option would change nothing."""
    import json

    import glossary

    recorded = json.loads((Path(run) / "manifest.json").read_text(encoding="utf-8"))
    sha = (recorded.get("glossary") or {}).get("sha256")
    if sha is not None and sha == glossary.resolve("default").content_hash():
        raise click.BadParameter(
            f"{run} was tagged without entities, so --entities cannot add them; tag again "
            "with `kotrend tag --entities`, or leave --entities out",
            param_hint="'--entities'",
        )


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@glossary_option
@entities_option
@click.option(
    "--freq",
    type=click.Choice(["D", "W", "M", "Q", "Y"]),
    default="W",
    show_default=True,
    help="Period: day, week, month, quarter, year.",
)
@click.option(
    "--by",
    "by",
    metavar="FIELD",
    help="One series per value of this input field as well as per term: source, or any "
    "field of the records (category, company).",
)
@click.option("--by-source", is_flag=True, help="Same as --by source.")
@click.option(
    "--where",
    "where",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Count only documents whose FIELD is VALUE (repeatable; the same FIELD twice "
    "keeps either value).",
)
@click.option(
    "--smooth", type=click.IntRange(min=1), help="Add share_smoothed: mean over this many periods."
)
@click.option(
    "--terms",
    help="Comma-separated terms to keep (default: all): ids or any form (HBM, 인공 지능).",
)
@click.option(
    "-o",
    "--output",
    default=None,
    help="trends.csv, .parquet, .xlsx or '-' (CSV on stdout; the default unless --plot is "
    "given, so a chart-only run prints no table).",
)
@click.option(
    "--plot",
    "plot_path",
    help="Also draw the trends to this image (.png, .svg, .pdf) or interactive chart (.html: "
    "one offline file, values on hover, click the legend to hide a line).",
)
@click.option("--title", help="Title of the chart.")
@click.option(
    "--basic", is_flag=True, help="Let basic terms (투자, 주가) into the chart's default lines."
)
@click.option(
    "--value",
    type=click.Choice(["share", "share_smoothed", "documents", "mentions"]),
    default="share",
    show_default=True,
    help="What --plot draws.",
)
@click.option(
    "--emerging",
    is_flag=True,
    help="Write emerging terms instead of trends (text table on stdout).",
)
@click.option(
    "--window",
    help="Emerging: START,END (each a date, month or year; END inclusive), or the last N "
    "periods (default: newest quarter).",
)
@click.option(
    "--baseline",
    help="Emerging: START,END to compare the window with (default: everything before it).",
)
@click.option(
    "--method",
    type=click.Choice(["log_ratio", "binomial"]),
    default="log_ratio",
    show_default=True,
    help="Emerging: score.",
)
@click.option(
    "--min-count",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Emerging: minimum documents in the window.",
)
@click.option(
    "--top",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="Emerging: how many terms.",
)
@text_field_option
@click.option("--full", is_flag=True, help="Analyse every sentence with kiwipiepy (slower).")
@click.option(
    "--partial", is_flag=True, help="Read a `kotrend tag` run that has not finished (warns)."
)
@progress_option
def trends(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    freq: Literal["D", "W", "M", "Q", "Y"],
    by: str | None,
    by_source: bool,
    where: tuple[str, ...],
    smooth: int | None,
    terms: str | None,
    output: str | None,
    plot_path: str | None,
    title: str | None,
    basic: bool,
    value: str,
    emerging: bool,
    window: str | None,
    baseline: str | None,
    method: Literal["log_ratio", "binomial"],
    min_count: int,
    top: int,
    text_field: tuple[str, ...],
    full: bool,
    partial: bool,
    progress: bool | None,
) -> None:
    """Term trends per period for INPUTS: news files, folders, globs (tagged on the fly) or
    the output directory of `kotrend tag`.

    \b
    kotrend trends news.jsonl --freq M --terms capex,hbm -o trends.csv --plot trends.png
    kotrend trends runs/danews --emerging --window 2026-03-01,2026-03-31
    kotrend trends runs/danews --freq M --by category --where category=경제 -o t.xlsx
    """
    from extract import Tagger, emerging_terms, plot_trends, tables_from_documents, term_trends
    from extract.trends import plot_trends_html, resolve_terms, top_surfaces
    from extract.trends.series import select_documents

    if output is None:
        output = "" if plot_path and not emerging else "-"
    # Options are checked before any tagging, which can take minutes.
    check_table_output(output)
    if plot_path:
        check_plot_path(plot_path, html=True)
    refuse_output(inputs, *([output] if output else []), plot_path)
    names = [t.strip() for t in terms.split(",") if t.strip()] if terms else None
    if by_source:
        if by not in (None, "source"):
            raise click.BadParameter(
                f"give --by {by} or --by-source, not both", param_hint="'--by'"
            )
        by = "source"
    conditions = _where(where)
    runs = [p for p in inputs if is_run_dir(p)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if runs:
            if len(inputs) > 1:
                raise click.BadParameter(
                    "give one `kotrend tag` output directory, or news files, not both",
                    param_hint="INPUT",
                )
            from extract import load_table

            try:
                doc_terms, documents = (
                    load_table(runs[0], "doc_terms", partial=partial),
                    load_table(runs[0], "documents", partial=partial),
                )
            except (ValueError, FileNotFoundError) as err:
                raise click.ClickException(str(err)) from None
            if entities:
                _check_run_has_entities(runs[0])
            # Legends name a term as the news mostly writes it, from the mentions' surfaces.
            mentions = load_table(runs[0], "mentions", partial=partial) if plot_path else None
            # Labels of a run's terms, entities included, unless -g names another glossary.
            g = (
                load_glossary(glossary_spec, entities or not glossary_spec)
                if glossary_spec or plot_path or emerging
                else None
            )
            # Without -g the run's terms are looked up in the bundled glossary with entities.
            keep = _resolve(
                resolve_terms, names, doc_terms["term_id"].unique(), g if glossary_spec else None
            )
        else:
            g = load_glossary(glossary_spec, entities)
            keep = _resolve(resolve_terms, names, (), g)
            log = ErrorLog(None)
            docs = with_progress(
                read_inputs(inputs, text_fields(text_field), log), progress, "kotrend trends"
            )
            tables = tables_from_documents(
                docs,
                tagger=Tagger(g, mode="full" if full else "fast"),
                fields=text_fields(text_field),
            )
            doc_terms, documents = tables["doc_terms"], tables["documents"]
            mentions = tables["mentions"]
        try:
            df = term_trends(
                doc_terms,
                documents,
                freq=freq,
                by=by,
                where=conditions,
                smooth=smooth,
                terms=keep,
            )
            table = df
            if emerging:
                chosen = select_documents(documents, conditions)
                table = emerging_terms(
                    doc_terms[doc_terms["doc_id"].isin(chosen["doc_id"])],
                    chosen,
                    window=_window(window),
                    baseline=parse_window_option(baseline) if baseline else None,
                    freq=freq,
                    min_count=min_count,
                    method=method,
                    glossary=g,
                ).head(top)
            if plot_path:
                draw = (
                    plot_trends_html
                    if Path(plot_path).suffix.lower() in (".html", ".htm")
                    else plot_trends
                )
                # Terms named with --terms are asked for, basic ones too.
                draw(
                    df, value=value, path=plot_path, glossary=g, title=title,
                    basic=basic or keep is not None,
                    surfaces=top_surfaces(mentions) if mentions is not None else None,
                )  # fmt: skip
        except (ValueError, TypeError, ImportError) as err:
            raise click.ClickException(str(err)) from None
    for w in caught:
        click.echo(f"kotrend: warning: {w.message}", err=True)
    if emerging:
        (w0, w1), (b0, b1) = table.attrs["window"], table.attrs["baseline"]
        click.echo(
            f"kotrend: window {w0} to {w1} ({table.attrs.get('window_documents', '?'):,} "
            f"documents) against baseline {b0} to {b1} "
            f"({table.attrs.get('baseline_documents', '?'):,} documents)",
            err=True,
        )
    if output:
        write_table_output(table, output, text=emerging)
    n_undated = int(documents["date"].isna().sum())
    click.echo(
        f"kotrend: {len(documents):,} documents ({n_undated:,} undated), "
        f"{counted(df['period'].nunique(), 'period')}, {counted(df['term_id'].nunique(), 'term')}"
        + (f"; chart in {plot_path}" if plot_path else ""),
        err=True,
    )
