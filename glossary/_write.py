"""Serialise a glossary as YAML, JSON or CSV text."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml

from ._model import Glossary, Term
from ._read import CSV_COLUMNS

__all__ = ["dump_text", "dump_yaml"]


class _Dumper(yaml.SafeDumper):
    """Block style for entries, flow style (``[a, b]``) for short lists and mappings."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(x, str) for x in data) and len(repr(data)) <= 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    # Only the case_sensitive map has all-boolean values; entries stay block style.
    flow = bool(data) and all(isinstance(v, bool) for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # PyYAML writes NEL and the Unicode line separators raw, and a reader folds them into
    # spaces; double quotes make it escape them.
    style = '"' if any(c in data for c in "\r\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def dump_yaml(data: Any) -> str:
    """``data`` (entries as :meth:`Term.to_dict` gives them, or any plain data) as YAML
    in the style of glossary files: block style for entries, short lists of forms in
    flow style, line separators escaped. Every writer of glossary YAML uses it.

    Examples
    --------
    >>> print(dump_yaml([{"id": "capex", "term": "자본 지출", "aliases": ["CapEx"]}]), end="")
    - id: capex
      term: 자본 지출
      aliases: [CapEx]
    """
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _yaml(glossary: Glossary) -> str:
    head = dump_yaml({"name": glossary.name, "version": str(glossary.version)})
    # One blank line between entries keeps hand-edited files readable.
    entries = [dump_yaml([t.to_dict()]) for t in glossary]
    if not entries:
        return head + "terms: []\n"
    return head + "terms:\n" + "\n".join(entries)


def _csv_row(term: Term, columns: tuple[str, ...]) -> list[str]:
    cells = []
    for name in columns:
        if name == "case_sensitive":
            parts = [f"{form}={'true' if flag else 'false'}" for form, flag in term.case]
        elif name == "basic":
            cells.append("true" if term.basic else "")
            continue
        elif name == "split":
            cells.append("" if term.split else "false")
            continue
        elif name in ("aliases", "related", "exclude"):
            parts = list(getattr(term, name))
        else:
            cells.append(getattr(term, name) or "")
            continue
        bad = [p for p in parts if "|" in p]
        if bad:
            raise ValueError(
                f"term {term.id!r} field {name!r}: {bad[0]!r} contains the CSV list "
                "separator; save this glossary as YAML or JSON instead"
            )
        cells.append("|".join(parts))
    return cells


def _csv(glossary: Glossary) -> str:
    cued = next((t for t in glossary if t.context is not None), None)
    if cued is not None:
        raise ValueError(
            f"term {cued.id!r} has a context cue, which CSV cannot hold; save this "
            "glossary as YAML or JSON instead"
        )
    unused = set()
    if not any(t.case for t in glossary):
        unused.add("case_sensitive")
    if all(t.split for t in glossary):
        unused.add("split")
    columns = tuple(c for c in CSV_COLUMNS if c not in unused)
    rows = [_csv_row(term, columns) for term in glossary]
    # QUOTE_MINIMAL quotes only the line terminator's characters: a bare "\r" in a cell
    # would end the row when read back, so then every cell is quoted.
    has_cr = any("\r" in cell for row in rows for cell in row)
    out = io.StringIO()
    writer = csv.writer(
        out, lineterminator="\n", quoting=csv.QUOTE_ALL if has_cr else csv.QUOTE_MINIMAL
    )
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def dump_text(glossary: Glossary, fmt: str) -> str:
    """``glossary`` as the text of a ``fmt`` file (``yaml``, ``json`` or ``csv``).

    CSV keeps no name or version: they come from keyword arguments or the file name
    when it is read back.
    """
    if fmt == "yaml":
        return _yaml(glossary)
    if fmt == "json":
        return json.dumps(glossary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(glossary)
    raise ValueError(f"`format` should be one of ('yaml', 'json', 'csv'), got {fmt!r}")
