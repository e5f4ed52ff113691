"""``kotrend tag``: tag documents into a mention table or a run directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import click

from extract.cli.common import (
    ErrorLog,
    UniqueIds,
    counted,
    entities_option,
    glossary_option,
    load_glossary,
    nothing_read,
    progress_bar,
    progress_option,
    read_inputs,
    refuse_output,
    report_duplicates,
    text_field_option,
    text_fields,
)

__all__ = ["tag"]

# Names that mean one output file (a table, or a format we refuse with a message);
# anything else, such as ``runs/2026.v1``, is a run folder.
_FILES = frozenset({".jsonl", ".ndjson", ".json", ".parquet", ".csv", ".tsv", ".txt", ".gz"})


@click.command()
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
    from extract.batch.archive import WorkerDied

    g = load_glossary(glossary_spec, entities)
    fields = text_fields(text_field)
    mode: Literal["fast", "full"] = "full" if full else "fast"
    if output != "-" and (Path(output).is_dir() or Path(output).suffix.lower() not in _FILES):
        with progress_bar(progress, "kotrend tag") as bar:
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
            except (FileExistsError, FileNotFoundError, ValueError, WorkerDied) as err:
                raise click.ClickException(str(err)) from None
        rate = summary.records / summary.seconds if summary.seconds else 0.0
        click.echo(
            f"kotrend: read {summary.records:,} records = {summary.tagged:,} tagged + "
            f"{counted(summary.errors, 'error')}; {counted(summary.mentions, 'mention')}; "
            f"{counted(summary.chunks, 'chunk')}"
            + (f" ({summary.resumed_chunks} from an earlier run)" if summary.resumed_chunks else "")
            + f"; {rate:,.0f} records/s -> {summary.output}",
            err=True,
        )
        if summary.errors:
            click.echo(
                f"kotrend: unreadable records are listed in {Path(output) / 'errors.jsonl'}",
                err=True,
            )
        report_duplicates(summary.duplicate_ids)
        if summary.tagged == 0:
            nothing_read(summary.errors, inputs=inputs)
        return
    if jobs != 1 or resume or overwrite or dask_address:
        raise click.BadParameter(
            "-j, --resume, --overwrite and --dask need a directory output", param_hint="'-o'"
        )
    try:
        writer = MentionWriter(output)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'-o'") from None
    log = ErrorLog(None if output == "-" else f"{output}.errors.jsonl")
    refuse_output(inputs, output, log.errors_path)
    tagger = Tagger(g, mode=mode)
    n_docs = 0
    with writer:
        docs = UniqueIds(read_inputs(inputs, fields, log))
        for doc in docs:
            n_docs += 1
            writer.write(tagger.tag_document(doc, fields=fields))
    log.finish()
    click.echo(
        f"kotrend: read {n_docs + len(log.errors)} records: {n_docs} tagged, "
        f"{counted(len(log.errors), 'error')}; {counted(writer.count, 'mention')}",
        err=True,
    )
    docs.report()
    if n_docs == 0:
        nothing_read(len(log.errors), inputs=inputs, reasons=[e.reason for e in log.errors])


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
