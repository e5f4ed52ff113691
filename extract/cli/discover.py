"""``kotrend discover``: candidate terms and aliases the glossary is missing, for review."""

from __future__ import annotations

import sys

import click

from extract.cli.common import (
    ErrorLog,
    entities_option,
    glossary_option,
    load_glossary,
    progress_bar,
    progress_option,
    read_inputs,
    refuse_output,
    text_field_option,
    text_fields,
)

__all__ = ["discover"]


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@glossary_option
@entities_option
@click.option(
    "--background",
    multiple=True,
    help="Files of another period or corpus; phrases common there rank lower (repeatable).",
)
@click.option(
    "--window",
    default=None,
    metavar="START,END",
    help="Rank by rise: documents dated in this window (years, months or days, inclusive) "
    "against the documents before it; later and undated ones are left out.",
)
@click.option(
    "--top",
    default=50,
    show_default=True,
    type=click.IntRange(min=1),
    help="New terms to propose from noun phrases (and at most as many from parentheses).",
)
@click.option(
    "--min-df",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Documents a noun phrase must occur in.",
)
@click.option(
    "--min-support",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Documents a pair of unknown names in parentheses must occur in.",
)
@text_field_option
@click.option("-o", "--output", required=True, help="The proposals file to write (.yaml).")
@progress_option
def discover(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    background: tuple[str, ...],
    window: str | None,
    top: int,
    min_df: int,
    min_support: int,
    text_field: tuple[str, ...],
    output: str,
    progress: bool | None,
) -> None:
    """Propose new terms and aliases found in INPUTS, as a glossary file to review.

    New terms come from noun phrases the glossary does not know (ranked by C-value,
    TF-IDF against --background, document frequency and how glossary terms end) and
    from names in parentheses (고대역폭메모리(HBM)); aliases come from parentheses
    where one side is a glossary form. Evidence sentences are in comments. After
    review: kotrend glossary merge default OUTPUT -o new.yaml

    With --window, what is new: phrases ranked by how much more often they occur in
    the window than before it (the statistics of emerging terms).
    """
    import glossary as glossary_pkg
    from extract import TermDiscoverer, mine_aliases, write_proposals

    if not output.lower().endswith((".yaml", ".yml")):
        raise click.BadParameter(
            f"the proposals file is YAML (comments carry the evidence), got {output!r}",
            param_hint="'-o'",
        )
    refuse_output((*inputs, *background), output)
    g = load_glossary(glossary_spec, entities)
    fields = text_fields(text_field)
    log = ErrorLog(None)
    docs = list(read_inputs(inputs, fields, log))
    back = list(read_inputs(background, fields, log)) if background else None
    if window is not None:
        from corpus import parse_window

        if background:
            raise click.BadParameter(
                "--window takes the time before the window as background; "
                "give --background or --window, not both",
                param_hint="'--window'",
            )
        try:
            start, end = parse_window(window)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="'--window'") from None
        dated = [d for d in docs if d.date is not None]
        back = [d for d in dated if d.date < start]
        docs = [d for d in dated if start <= d.date <= end]
        click.echo(
            f"kotrend: {len(docs):,} documents in the window and {len(back):,} before it",
            err=True,
        )
        if not docs or not back:
            raise click.UsageError(
                f"--window {window} needs documents in the window and before it, "
                f"got {len(docs)} and {len(back)}"
            )
    total = len(docs) + len(back or ())
    with progress_bar(progress, "kotrend discover", total=total) as bar:
        finder = TermDiscoverer(
            glossary=g,
            min_df=min_df,
            max_candidates=top,
            background=back,
            fields=fields,
            rank="rise" if window is not None else "termhood",
        ).fit(docs, progress=bar.update)
    proposals = mine_aliases(docs, glossary=g, min_support=min_support, fields=fields)
    additions = [p for p in proposals if p.kind == "alias"]
    news = [p for p in proposals if p.kind == "new"][:top]
    write_proposals(output, finder.candidates_, [*additions, *news], g)
    problems = [i for i in glossary_pkg.check(output) if i.is_error]
    for issue in problems:
        click.echo(f"kotrend: {issue}", err=True)
    click.echo(
        f"kotrend: read {len(docs):,} documents"
        + (f" and {len(back or ()):,} background documents" if back else "")
        + f"; wrote {len(finder.candidates_)} noun-phrase terms, {len(news)} terms from "
        f"parentheses and aliases for {len(additions)} existing terms to {output}",
        err=True,
    )
    if problems:
        sys.exit(1)
