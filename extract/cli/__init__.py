"""The ``kotrend`` command: a thin layer over the library, one module per command."""

from __future__ import annotations

import click

from extract.cli.box import box
from extract.cli.discover import discover
from extract.cli.glossaries import glossary_group
from extract.cli.related import related
from extract.cli.serve import serve
from extract.cli.tag import tag
from extract.cli.trends import trends

__all__ = ["main"]


class _Main(click.Group):
    """The command group; an ``OSError`` from any command (an unwritable or missing
    output folder, a full disk, an unreadable input) is a one-line message, not a
    traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            raise click.ClickException(f"{where}{err.strerror or err}") from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kotrend")
def main() -> None:
    """kotrend: trend keywords in Korean financial news."""


for _command in (box, tag, trends, related, discover, serve, glossary_group):
    main.add_command(_command)
