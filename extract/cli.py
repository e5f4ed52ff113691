"""The ``kotrend`` command: a thin layer over the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

import click

from ._cli_discover import discover
from ._cli_options import (
    entities_option,
    glossary_option,
    progress_option,
    text_field_option,
    with_progress,
)
from ._cli_serve import serve
from ._cli_trends import trends

__all__ = ["main"]

_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
}


def _load_glossary(spec: str | None, entities: bool) -> Any:
    import glossary

    if spec in (None, "default"):
        return glossary.default(entities=entities)
    try:
        return glossary.load(spec)
    except glossary.GlossaryError as err:
        raise click.ClickException(str(err)) from None
    except FileNotFoundError:
        raise click.BadParameter(f"no glossary file {spec!r}", param_hint="'-g'") from None


class _ErrorLog:
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


def _documents(inputs: tuple[str, ...], text_field: str | None, log: _ErrorLog) -> Any:
    import corpus

    if not inputs:
        return corpus.load_sample()
    for path in inputs:
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise click.BadParameter(f"no such file or directory: {path!r}", param_hint="INPUT")
    return corpus.read_documents(list(inputs), text_field=text_field, on_error=log)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kotrend")
def main() -> None:
    """kotrend: trend keywords in Korean financial news."""


@main.command()
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

    g = _load_glossary(glossary_spec, entities)
    if fmt is None:
        fmt = (
            _FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "markdown")
            if output != "-"
            else "markdown"
        )
    if window is not None:
        if rank != "trending":
            raise click.BadParameter("needs --rank trending", param_hint="'--window'")
        window_dates = _dates(window)
    else:
        window_dates = None
    log = _ErrorLog(None)
    tagger = Tagger(g, mode="full" if full else "fast")
    result = build_box(
        with_progress(_documents(inputs, _fields(text_field), log), progress, "kotrend box"),
        tagger=tagger,
        top=top,
        example=example,
        rank=rank,
        window=window_dates,
        basic=basic,
    )
    text = result.render(fmt)
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(
            f"kotrend: wrote {fmt} box with {len(result.entries)} terms to {output}", err=True
        )


def _dates(spec: str) -> Any:
    from ._emerging import date_window

    try:
        return date_window(tuple(p.strip() for p in spec.split(",")))  # type: ignore[arg-type]
    except ValueError as err:
        raise click.BadParameter(
            f"expected START,END dates (e.g. 2026-03-01,2026-03-31), got {spec!r}: {err}",
            param_hint="'--window'",
        ) from None


def _fields(text_field: tuple[str, ...]) -> Any:
    if not text_field:
        return None
    return text_field[0] if len(text_field) == 1 else list(text_field)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@glossary_option
@entities_option
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="mentions.jsonl or mentions.parquet (one file), '-' (JSONL on stdout), or a directory "
    "(sharded Parquet tables, manifest, errors; resumable).",
)
@text_field_option
@click.option("--id-field", default="id", show_default=True, help="Field holding the document id.")
@click.option("--full", is_flag=True, help="Analyse every sentence with kiwipiepy (slower).")
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes (directory output).",
)
@click.option(
    "--chunk-size",
    default=2000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Records per shard (directory output).",
)
@click.option("--resume", is_flag=True, help="Continue an interrupted run into the same directory.")
@click.option("--overwrite", is_flag=True, help="Replace an earlier run in the directory.")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Tag on the Dask cluster at ADDRESS (tcp://host:8786) instead of local workers "
    "(directory output; same files, resumable either way).",
)
@progress_option
def tag(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    output: str,
    text_field: tuple[str, ...],
    id_field: str,
    full: bool,
    jobs: int,
    chunk_size: int,
    resume: bool,
    overwrite: bool,
    dask_address: str | None,
    progress: bool | None,
) -> None:
    """Tag INPUTS (files, folders, globs) and write one record per glossary mention."""
    from extract import MentionWriter, Tagger, tag_archive

    g = _load_glossary(glossary_spec, entities)
    fields = _fields(text_field)
    mode: Literal["fast", "full"] = "full" if full else "fast"
    if output != "-" and (Path(output).is_dir() or not Path(output).suffix):
        from tqdm import tqdm

        show = sys.stderr.isatty() if progress is None else progress
        with tqdm(unit=" docs", disable=not show, desc="kotrend tag", dynamic_ncols=True) as bar:
            try:
                run = tag_archive if dask_address is None else _on_dask(dask_address, jobs)
                summary = run(
                    list(inputs),
                    output,
                    glossary=g,
                    mode=mode,
                    jobs=jobs,
                    chunk_size=chunk_size,
                    text_field=fields,
                    id_field=id_field,
                    resume=resume,
                    overwrite=overwrite,
                    progress=bar.update,
                )
            except (FileExistsError, FileNotFoundError, ValueError) as err:
                raise click.ClickException(str(err)) from None
        rate = summary.records / summary.seconds if summary.seconds else 0.0
        click.echo(
            f"kotrend: read {summary.records:,} records = {summary.tagged:,} tagged + "
            f"{summary.errors:,} errors; {summary.mentions:,} mentions; {summary.chunks} chunks"
            + (f" ({summary.resumed_chunks} from an earlier run)" if summary.resumed_chunks else "")
            + f"; {rate:,.0f} records/s -> {summary.output}",
            err=True,
        )
        if summary.errors:
            click.echo(
                f"kotrend: unreadable records are listed in {Path(output) / 'errors.jsonl'}",
                err=True,
            )
        return
    if jobs != 1 or resume or overwrite or dask_address:
        raise click.BadParameter(
            "-j, --resume, --overwrite and --dask need a directory output", param_hint="'-o'"
        )
    try:
        writer = MentionWriter(output)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'-o'") from None
    log = _ErrorLog(None if output == "-" else f"{output}.errors.jsonl")
    tagger = Tagger(g, mode=mode)
    n_docs = 0
    with writer:
        for doc in _documents(inputs, fields, log):
            n_docs += 1
            writer.write(tagger.tag_document(doc, fields=fields))
    log.finish()
    click.echo(
        f"kotrend: read {n_docs + len(log.errors)} records: {n_docs} tagged, "
        f"{len(log.errors)} errors; {writer.count} mentions",
        err=True,
    )
    if log.errors and n_docs == 0:
        sys.exit(1)


def _on_dask(address: str, jobs: int) -> Any:
    """A stand-in for ``tag_archive`` that runs on the Dask cluster at ``address``."""
    if jobs != 1:
        raise click.BadParameter("use -j or --dask, not both", param_hint="'--dask'")
    try:
        from distributed import Client
    except ImportError:
        raise click.ClickException("--dask needs Dask: pip install 'kotrend[dask]'") from None
    from extract import tag_archive_dask

    def run(inputs: list[str], output: str, *, jobs: int, **options: Any) -> Any:
        try:
            client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise click.ClickException(
                f"cannot reach the Dask scheduler at {address}: {err}"
            ) from None
        with client:
            return tag_archive_dask(inputs, output, client=client, **options)

    return run


@main.group(name="glossary")
def glossary_group() -> None:
    """Check, import and merge glossaries."""


@glossary_group.command(name="check")
@click.argument("files", nargs=-1, required=True)
def glossary_check(files: tuple[str, ...]) -> None:
    """Validate glossary FILES ('default': the bundled glossary and entity list, checked
    as one); exit 1 with file:line errors if any."""
    import glossary

    n_errors = 0
    for path in files:
        try:
            issues = glossary.check_default() if path == "default" else glossary.check(path)
        except FileNotFoundError as err:
            raise click.BadParameter(str(err), param_hint="FILES") from None
        for issue in issues:
            click.echo(str(issue), err=True)
        errors = [i for i in issues if i.severity == "error"]
        n_errors += len(errors)
        if not errors:
            click.echo(f"{path}: ok ({len(issues)} warnings)" if issues else f"{path}: ok")
    if n_errors:
        click.echo(f"{n_errors} errors", err=True)
        sys.exit(1)


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
    except (ValueError, KeyError) as err:
        raise click.ClickException(str(err)) from None
    for issue in result.issues:
        click.echo(str(issue), err=True)
    glossary.save(result.glossary, output)
    click.echo(
        f"kotrend: wrote {len(result.glossary)} terms to {output} ({len(result.issues)} notes)",
        err=True,
    )


@glossary_group.command(name="merge")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Where to write the merged glossary.")
@click.option("--name", default=None, help="Name of the merged glossary.")
def glossary_merge(files: tuple[str, ...], output: str, name: str | None) -> None:
    """Merge glossary FILES ('default' for the bundled one); later files override earlier
    entries with the same id, and every override or moved form is reported."""
    import glossary

    parts = [_load_glossary(f, entities=False) for f in files]
    result = glossary.merge(*parts, name=name)
    for conflict in result.conflicts:
        click.echo(f"kotrend: {conflict.message}", err=True)
    glossary.save(result.glossary, output)
    click.echo(
        f"kotrend: wrote {len(result.glossary)} terms to {output}; {len(result.conflicts)} conflicts",
        err=True,
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
def glossary_coverage(
    inputs: tuple[str, ...],
    glossary_spec: str | None,
    entities: bool,
    text_field: tuple[str, ...],
    top: int,
    phrase_sample: int,
    fmt: str,
) -> None:
    """Share of documents with a mention, the most frequent terms, and the most frequent
    noun phrases the glossary does not know (candidates to add)."""
    import json

    from tqdm import tqdm

    from extract import Tagger, coverage_report

    g = _load_glossary(glossary_spec, entities)
    log = _ErrorLog(None)
    with tqdm(unit=" docs", disable=not sys.stderr.isatty(), desc="coverage") as bar:
        report = coverage_report(
            _documents(inputs, _fields(text_field), log),
            tagger=Tagger(g),
            fields=_fields(text_field),
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


main.add_command(trends)
main.add_command(serve)
main.add_command(discover)

if __name__ == "__main__":  # pragma: no cover
    main()
