"""Parse glossary text (YAML, JSON, CSV) into raw entries that remember their lines.

Nothing here checks field types: :mod:`glossary._entry` does that, the same way for
every format, so a wrong type gets the same message whatever file it came from.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ._issues import GlossaryIssue

__all__ = [
    "CSV_COLUMNS",
    "ENTRY_FIELDS",
    "RawDoc",
    "RawEntry",
    "parse_csv",
    "parse_json",
    "parse_yaml",
]

#: The fields a glossary entry may have, in every file format.
ENTRY_FIELDS = (
    "id",
    "term",
    "en",
    "aliases",
    "definition",
    "category",
    "related",
    "exclude",
    "case_sensitive",
    "basic",
    "split",
    "context",
)
# A context cue is a mapping of lists, which a CSV cell does not hold: YAML and JSON only.
_NOT_CSV = ("context",)
# The CSV writer drops the split and case_sensitive columns when no term needs them, so
# they go last.
_OPTIONAL_COLUMNS = ("split", "case_sensitive")
CSV_COLUMNS = (
    *(f for f in ENTRY_FIELDS if f not in _OPTIONAL_COLUMNS + _NOT_CSV),
    *_OPTIONAL_COLUMNS,
)
_CSV_LISTS = frozenset({"aliases", "related", "exclude"})
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Values nested deeper than this are refused: a glossary needs three levels or so,
#: and deeper values make recursive code (``repr``, ``json``) fail far from the file.
MAX_DEPTH = 100
#: YAML aliases share nodes, so a small file can stand for an exponential tree
#: ("billion laughs"). The tree as expanded may have at most this many nodes.
MAX_NODES = 2_000_000


class _Refused(Exception):
    """A YAML node graph or JSON value too big or deep to read; says why."""


def _children(value: Any) -> Any:
    if isinstance(value, yaml.MappingNode):
        return [item for pair in value.value for item in pair]
    if isinstance(value, yaml.SequenceNode):
        return value.value
    if isinstance(value, dict):
        return value.values()
    if isinstance(value, list):
        return value
    return ()


def _check_size(root: Any) -> None:
    """Raise :class:`_Refused` if ``root`` (YAML nodes or JSON data) is too deep, contains
    itself, or expands to more than :data:`MAX_NODES` nodes.

    Work is linear in the distinct nodes: each node's expanded size is computed once,
    with an explicit stack (no recursion).
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool, int]] = [(root, False, 1)]
    while stack:
        node, finished, depth = stack.pop()
        key = id(node)
        children = _children(node)
        if finished:
            on_path.discard(key)
            size = 1 + sum(sizes[id(child)] for child in children)
            if size > MAX_NODES:
                raise _Refused(
                    f"its aliases expand to more than {MAX_NODES:,} values; "
                    "write the values out or use fewer alias references"
                )
            sizes[key] = size
            continue
        if key in sizes or not children:
            sizes.setdefault(key, 1)
            continue
        if key in on_path:
            raise _Refused("a value contains itself through an alias")
        if depth > MAX_DEPTH:
            raise _Refused(f"a value is nested more than {MAX_DEPTH} levels deep")
        on_path.add(key)
        stack.append((node, True, depth))
        stack.extend((child, False, depth + 1) for child in children)


@dataclass(slots=True)
class RawEntry:
    """One entry as parsed: its data, the line it starts on and each field's line."""

    data: Any
    line: int | None
    field_lines: dict[str, int] = field(default_factory=dict)
    duplicate_keys: tuple[tuple[str, int | None], ...] = ()  # (key, line of the repeat)


@dataclass(slots=True)
class RawDoc:
    """A parsed file: top-level mapping (minus ``terms``), entries and parse problems."""

    top: dict[str, Any]
    entries: list[RawEntry]
    issues: list[GlossaryIssue]
    top_lines: dict[str, int] = field(default_factory=dict)


def _file_issue(path: str | None, line: int | None, message: str) -> GlossaryIssue:
    return GlossaryIssue(path, line, None, None, message)


def _mapping_keys(
    node: yaml.MappingNode,
) -> tuple[dict[str, int], tuple[tuple[str, int | None], ...]]:
    lines: dict[str, int] = {}
    dupes: list[tuple[str, int | None]] = []
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in lines:
                dupes.append((key.value, key.start_mark.line + 1))
            else:
                lines[key.value] = key.start_mark.line + 1
    return lines, tuple(dupes)


def parse_yaml(text: str, path: str | None) -> RawDoc:
    """Parse YAML, keeping each entry's start line from the composed node tree."""
    doc = RawDoc({}, [], [])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_size(node)
        data = None if node is None else loader.construct_document(node)
    except _Refused as e:
        doc.issues.append(_file_issue(path, None, f"not read: {e}"))
        return doc
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = e.problem or e.context or "syntax error"
        doc.issues.append(_file_issue(path, line, f"not valid YAML: {problem}"))
        return doc
    except yaml.YAMLError as e:
        doc.issues.append(_file_issue(path, None, f"not valid YAML: {e}"))
        return doc
    finally:
        loader.dispose()
    if node is None:
        doc.issues.append(_file_issue(path, None, "the file is empty"))
        return doc
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        doc.issues.append(
            _file_issue(
                path,
                node.start_mark.line + 1,
                "expected a mapping with keys 'name', 'version' and 'terms' at the top, "
                f"got a {type(data).__name__}",
            )
        )
        return doc
    doc.top_lines, dupes = _mapping_keys(node)
    for key, line in dupes:
        doc.issues.append(_file_issue(path, line, f"top-level key {key!r} is given twice"))
    values = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    version_node = values.get("version")
    if isinstance(version_node, yaml.ScalarNode) and isinstance(data.get("version"), (int, float)):
        # An unquoted `version: 2026.10` reads as the float 2026.1: keep the text as written.
        data["version"] = version_node.value
    terms = data.pop("terms", None)
    doc.top = data
    terms_node = values.get("terms")
    if isinstance(terms_node, yaml.SequenceNode) and isinstance(terms, list):
        for item_node, item in zip(terms_node.value, terms, strict=True):
            entry = RawEntry(item, item_node.start_mark.line + 1)
            if isinstance(item_node, yaml.MappingNode):
                entry.field_lines, entry.duplicate_keys = _mapping_keys(item_node)
            doc.entries.append(entry)
    else:
        doc.top["terms"] = terms
    return doc


class _JsonObject(dict):
    """A JSON object that remembers keys it saw more than once (json keeps the last)."""

    duplicate_keys: tuple[tuple[str, int | None], ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> _JsonObject:
    obj = _JsonObject()
    dupes = []
    for key, value in pairs:
        if key in obj:
            dupes.append((key, None))
        obj[key] = value
    obj.duplicate_keys = tuple(dupes)
    return obj


def _json_entry_lines(text: str, entries: list[Any]) -> list[int | None]:
    """Best-effort start lines: find each ``"id": "<id>"`` in order, then its ``{``."""
    lines: list[int | None] = []
    pos = 0
    for item in entries:
        term_id = item.get("id") if isinstance(item, dict) else None
        found = None
        if isinstance(term_id, str):
            for literal in {json.dumps(term_id, ensure_ascii=False), json.dumps(term_id)}:
                found = re.compile(r'"id"\s*:\s*' + re.escape(literal)).search(text, pos)
                if found:
                    break
        if found is None:
            lines.append(None)
            continue
        brace = text.rfind("{", pos, found.start())
        start = brace if brace >= 0 else found.start()
        lines.append(text.count("\n", 0, start) + 1)
        pos = found.end()
    return lines


def parse_json(text: str, path: str | None) -> RawDoc:
    """Parse JSON; entry lines are located by searching the text for each id."""
    doc = RawDoc({}, [], [])
    try:
        data = json.loads(text, object_pairs_hook=_json_object)
        _check_size(data)
    except json.JSONDecodeError as e:
        doc.issues.append(_file_issue(path, e.lineno, f"not valid JSON: {e.msg}"))
        return doc
    except RecursionError:
        message = f"not read: a value is nested more than {MAX_DEPTH} levels deep"
        doc.issues.append(_file_issue(path, None, message))
        return doc
    except _Refused as e:
        doc.issues.append(_file_issue(path, None, f"not read: {e}"))
        return doc
    if not isinstance(data, dict):
        doc.issues.append(
            _file_issue(
                path,
                1,
                "expected an object with keys 'name', 'version' and 'terms' at the top, "
                f"got a {type(data).__name__}",
            )
        )
        return doc
    for key, _ in getattr(data, "duplicate_keys", ()):
        doc.issues.append(_file_issue(path, None, f"top-level key {key!r} is given twice"))
    terms = data.pop("terms", None)
    doc.top = dict(data)
    if isinstance(terms, list):
        for item, line in zip(terms, _json_entry_lines(text, terms), strict=True):
            dupes = getattr(item, "duplicate_keys", ())
            doc.entries.append(RawEntry(item, line, duplicate_keys=dupes))
    else:
        doc.top["terms"] = terms
    return doc


def parse_csv(text: str, path: str | None) -> RawDoc:
    """Parse CSV with a header row; list cells are split on ``|``."""
    doc = RawDoc({}, [], [])
    # strict: an unclosed quote is an error, instead of one cell that swallows every
    # row after it (and a check that passes).
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        doc.issues.append(_file_issue(path, None, "the file is empty (a header row is required)"))
        return doc
    except csv.Error as e:
        doc.issues.append(_file_issue(path, 1, f"not valid CSV: {e}"))
        return doc
    bad = [h for h in header if h not in CSV_COLUMNS]
    missing = [c for c in ("id", "term") if c not in header]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if bad or missing or dupes:
        problems = [f"unknown column {h!r}" for h in bad]
        problems += [f"missing column {c!r}" for c in missing]
        problems += [f"column {h!r} appears twice" for h in dupes]
        doc.issues.append(
            _file_issue(
                path, 1, f"bad header row: {'; '.join(problems)}; valid columns: {CSV_COLUMNS}"
            )
        )
        return doc
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            doc.issues.append(_file_issue(path, start, f"not valid CSV: {e}"))
            break
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            doc.issues.append(
                _file_issue(
                    path, line, f"row has {len(row)} cells but the header has {len(header)}"
                )
            )
            continue
        doc.entries.append(RawEntry(_csv_entry(header, row, path, line, doc.issues), line))
    return doc


def _csv_entry(
    header: list[str], row: list[str], path: str | None, line: int, issues: list[GlossaryIssue]
) -> dict[str, Any]:
    # A short row leaves its last cells empty.
    cells = dict(zip(header, (c.strip() for c in row), strict=False))
    data: dict[str, Any] = {"id": cells.get("id", ""), "term": cells.get("term", "")}
    for name, cell in cells.items():
        if name in ("id", "term") or not cell:
            continue
        if name in _CSV_LISTS:
            data[name] = [part.strip() for part in cell.split("|")]
        elif name == "case_sensitive":
            data[name] = _csv_case(cell, path, line, data["id"], issues)
        elif name in ("basic", "split"):
            data[name] = {"true": True, "false": False}.get(cell.lower(), cell)
        else:
            data[name] = cell
    return data


def _csv_case(
    cell: str, path: str | None, line: int, term_id: str, issues: list[GlossaryIssue]
) -> dict[str, bool]:
    """``Fed=true|Capex=false`` into a mapping of forms to booleans."""
    out: dict[str, bool] = {}
    for part in cell.split("|"):
        form, _, flag = part.rpartition("=")
        value = {"true": True, "false": False}.get(flag.strip().lower())
        if not form.strip() or value is None:
            issues.append(
                GlossaryIssue(
                    path,
                    line,
                    term_id or None,
                    "case_sensitive",
                    f"bad item {part!r}: write form=true or form=false, joined with '|'",
                )
            )
            continue
        out[form.strip()] = value
    return out
