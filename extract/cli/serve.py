"""``kotrend serve``: the editor page (a thin layer over :func:`extract.make_server`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from extract.web.server import DEFAULT_MAX_BYTES

__all__ = ["serve"]


def _file_glossaries(paths: tuple[str, ...]) -> dict[str, Any]:
    import glossary

    out: dict[str, Any] = {}
    for path in paths:
        try:
            g = glossary.resolve(path)
        except glossary.GlossaryError as err:
            raise click.ClickException(str(err)) from None
        except (ValueError, TypeError) as err:
            raise click.BadParameter(str(err), param_hint="'-g'") from None
        name = Path(path).stem
        n = 2
        while name in out or name in glossary.BUNDLED:
            name, n = f"{Path(path).stem}-{n}", n + 1
        out[name] = g
    return out


def _corpus_source(inputs: tuple[str, ...]) -> Any:
    """``--corpus`` checked now (read on the first box): one run directory, or files."""
    if not inputs:
        return None
    runs = [p for p in inputs if (Path(p) / "manifest.json").is_file()]
    if runs:
        if len(inputs) > 1:
            raise click.BadParameter(
                f"give one run directory or files, not both: {list(inputs)!r}",
                param_hint="'--corpus'",
            )
        return runs[0]
    for path in inputs:
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise click.BadParameter(
                f"no such file or directory: {path!r}", param_hint="'--corpus'"
            )
    return list(inputs)


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (the default serves this machine only).",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option(
    "-g",
    "--glossary",
    "glossary_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Glossary file (YAML/JSON/CSV) to offer besides the bundled one; repeatable. "
    "The first is preselected.",
)
@click.option(
    "--max-bytes",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest request the page may send (bytes).",
)
@click.option(
    "--house",
    type=click.Path(dir_okay=False),
    default=None,
    help="House glossary file (YAML/JSON/CSV; made on first save) where the page saves "
    "definitions you rewrite; they override the glossaries' own. The bundled glossary is "
    "never written to.",
)
@click.option(
    "--corpus",
    "corpus_inputs",
    multiple=True,
    metavar="RUN_DIR|FILE",
    help="Coverage around the pasted articles: a `kotrend tag -o` run directory, or files, "
    "folders, globs (repeatable). The box then quotes from it too and lists related terms.",
)
def serve(
    host: str,
    port: int,
    glossary_files: tuple[str, ...],
    max_bytes: int,
    house: str | None,
    corpus_inputs: tuple[str, ...],
) -> None:
    """Start the editor page: paste articles, see every glossary mention highlighted, edit
    the keyword box and copy it as Markdown or HTML."""
    from extract.web.api import default_glossaries
    from extract.web.server import make_server

    glossaries = {**_file_glossaries(glossary_files), **default_glossaries()}
    corpus = _corpus_source(corpus_inputs)
    try:
        server = make_server(
            host=host,
            port=port,
            glossaries=glossaries,
            max_bytes=max_bytes,
            house=house,
            corpus=corpus,
        )
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--house") from None
    except OSError as err:
        raise click.ClickException(f"cannot listen on {host}:{port}: {err}") from None
    if corpus is not None:
        # Read the corpus before the first box asks for it (tagging files takes a while).
        from extract.web.payload import ApiError

        name = server.glossaries.names[0]
        click.echo(f"kotrend: reading the corpus {corpus!r} ...", err=True)
        try:
            with server.glossaries.lock(name):
                ctx = server.glossaries.context(name)
        except ApiError as err:
            server.server_close()
            raise click.ClickException(str(err)) from None
        click.echo(f"kotrend: corpus of {ctx.n_documents:,} documents", err=True)
    click.echo(f"kotrend: editor page on {server.url} (Ctrl+C stops it)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kotrend: listening on {host}: other machines can use this page", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("kotrend: stopped", err=True)
    finally:
        server.server_close()
