"""The ``kotrend`` command: a thin layer over the library, one module per command."""

from __future__ import annotations

import click

from extract.cli.box import box
from extract.cli.discover import discover
from extract.cli.glossaries import glossary_group
from extract.cli.serve import serve
from extract.cli.tag import tag
from extract.cli.trends import trends

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kotrend")
def main() -> None:
    """kotrend: trend keywords in Korean financial news."""


for _command in (box, tag, trends, discover, serve, glossary_group):
    main.add_command(_command)
