"""``kotrend glossary``: check, import, merge glossaries and measure their coverage."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from extract.cli.common import (
    ErrorLog,
    counted,
    entities_option,
    glossary_option,
    load_glossary,
    progress_bar,
    progress_option,
    read_inputs,
    text_field_option,
    text_fields,
)

__all__ = ["glossary_group"]


@click.group(name="glossary")
def glossary_group() -> None:
    """Check, import and merge glossaries."""


@glossary_group.command(name="check")
@click.argument("files", nargs=-1, required=True)
def glossary_check(files: tuple[str, ...]) -> None:
    """Validate glossary FILES ('default' or 'default+entities': the bundled glossary and
    entity list, checked as one); exit 1 with file:line errors if any. Warns about forms
    that are everyday words (in over 3% of the bundled background, or basic in the bundled
    glossary) and one-syllable Hangul forms without exclude words."""
    import glossary

    n_errors = 0
    for path in files:
        try:
            issues = glossary.check_default() if path in glossary.BUNDLED else glossary.check(path)
        except (FileNotFoundError, ValueError) as err:
            raise click.BadParameter(str(err), param_hint="FILES") from None
        for issue in issues:
            click.echo(str(issue), err=True)
        errors = [i for i in issues if i.severity == "error"]
        n_errors += len(errors)
        if not errors:
            click.echo(f"{path}: ok ({len(issues)} warnings)" if issues else f"{path}: ok")
    if n_errors:
        click.echo(counted(n_errors, "error"), err=True)
        sys.exit(1)


@glossary_group.command(name="find")
@click.argument("words", nargs=-1, required=True)
@glossary_option
@click.option(
    "--no-entities",
    is_flag=True,
    help="Look only in the bundled glossary, not its company and institution list.",
)
def glossary_find(words: tuple[str, ...], glossary_spec: str | None, no_entities: bool) -> None:
    """The term each of WORDS names (its id or any form, ignoring case and spacing), or the
    terms close to it; exit 1 if a word names no term.

    \b
    kotrend glossary find HBM 삼성전자 "인공 지능"
    """
    g = load_glossary(glossary_spec, not no_entities)
    missing = 0
    for word in words:
        t = g.find(word)
        if t is not None:
            forms = ", ".join(t.synonyms)
            click.echo(f"{word}\t{t.id}\t{t.term}" + (f"\t({forms})" if forms else ""))
            continue
        missing += 1
        close = g.close_matches(word)
        hint = "; close: " + ", ".join(f"{c.id} ({c.term})" for c in close) if close else ""
        click.echo(f"{word}\t-\tno such term{hint}")
    if missing:
        sys.exit(1)


def _write(g: Any, output: str, notes: list[str], what: str) -> None:
    """Report ``notes`` on stderr, then save ``g`` to ``output`` and say so."""
    import glossary

    for note in notes:
        click.echo(note, err=True)
    glossary.save(g, output)
    click.echo(
        f"kotrend: wrote {counted(len(g), 'term')} to {output}; {len(notes)} {what}", err=True
    )


@glossary_group.command(name="import")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--columns",
    required=True,
    help="How your columns map to glossary fields: term=용어,definition=설명[,en=영문,aliases=동의어,...].",
)
@click.option(
    "--sep", default="|", show_default=True, help="Separator inside list cells (aliases, related)."
)
@click.option("--encoding", default=None, help="File encoding (default: utf-8, then cp949).")
@click.option("--name", default=None, help="Name of the new glossary.")
@click.option("-o", "--output", required=True, help="Where to write it (.yaml, .json or .csv).")
def glossary_import(
    table: str, columns: str, sep: str, encoding: str | None, name: str | None, output: str
) -> None:
    """Turn a dictionary TABLE (CSV/TSV) with your own column names into a glossary file."""
    import glossary

    _check_format(output)
    mapping = {}
    for pair in filter(None, (p.strip() for p in columns.split(","))):
        field, eq, column = pair.partition("=")
        if not eq or not field.strip() or not column.strip():
            raise click.BadParameter(
                f"expected FIELD=COLUMN pairs, got {pair!r}", param_hint="'--columns'"
            )
        mapping[field.strip()] = column.strip()
    try:
        result = glossary.import_table(
            table, columns=mapping, sep=sep, encoding=encoding, name=name
        )
    except (ValueError, LookupError) as err:  # LookupError: an unknown --encoding
        raise click.ClickException(str(err)) from None
    _write(result.glossary, output, [str(i) for i in result.issues], "notes")


@glossary_group.command(name="merge")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Where to write the merged glossary.")
@click.option("--name", default=None, help="Name of the merged glossary.")
def glossary_merge(files: tuple[str, ...], output: str, name: str | None) -> None:
    """Merge glossary FILES ('default' or 'default+entities' for the bundled one); later
    files override earlier entries with the same id, and every override or moved form is
    reported."""
    import glossary

    _check_format(output)
    parts = [load_glossary(f, entities=False) for f in files]
    result = glossary.merge(*parts, name=name)
    _write(
        result.glossary, output, [f"kotrend: {c.message}" for c in result.conflicts], "conflicts"
    )


@glossary_group.command(name="coverage")
@click.argument("inputs", nargs=-1, required=True)
@glossary_option
@entities_option
@text_field_option
@click.option(
    "--top",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="Terms and phrases to list.",
)
@click.option(
    "--phrase-sample",
    default=2000,
    show_default=True,
    type=click.IntRange(min=0),
    help="Documents analysed for unknown noun phrases (full morphology is slow).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@progress_option
def glossary_coverage(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    text_field: tuple[str, ...],
    top: int,
    phrase_sample: int,
    fmt: str,
    progress: bool | None,
) -> None:
    """Share of documents with a mention, the most frequent terms, and the most frequent
    noun phrases the glossary does not know (candidates to add)."""
    import json

    from extract import Tagger, coverage_report

    g = load_glossary(glossary_spec, entities)
    log = ErrorLog(None)
    with progress_bar(progress, "kotrend glossary coverage") as bar:
        report = coverage_report(
            read_inputs(inputs, text_fields(text_field), log),
            tagger=Tagger(g),
            fields=text_fields(text_field),
            top=top,
            phrase_sample=phrase_sample,
            progress=bar.update,
        )
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"documents: {report.documents:,}  with a mention: {report.covered:,} "
        f"({report.share:.1%})  mentions: {report.mentions:,}  unreadable: {len(log.errors)}"
    )
    click.echo("\ntop terms (documents, mentions):")
    for term_id, n_docs, n_mentions in report.top_terms:
        click.echo(f"  {g[term_id].term} [{term_id}]  {n_docs:,}  {n_mentions:,}")
    click.echo(
        f"\nunknown noun phrases (documents, in the first {report.phrase_sample:,} documents):"
    )
    for phrase, n in report.unknown_phrases:
        click.echo(f"  {phrase}  {n:,}")


def _check_format(output: str) -> None:
    """Refuse an output name that is not a glossary format, before doing the work."""
    suffixes = (".yaml", ".yml", ".json", ".csv")
    if Path(output).suffix.lower() not in suffixes:
        raise click.BadParameter(
            f"cannot tell the glossary format of {output!r}: the name should end in one of "
            f"{suffixes}",
            param_hint="'-o'",
        )
