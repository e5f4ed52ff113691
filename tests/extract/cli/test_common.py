"""What every command shares: glossary names, windows and progress bars (one helper each)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def sample() -> str:
    from corpus import sample_path

    return str(sample_path())


ENTITY_COMMANDS = [
    ["box", "{sample}", "--format", "json", "--top", "50", "--rank", "frequency"],
    ["tag", "{sample}", "-o", "-"],
    ["trends", "{sample}", "--freq", "M", "-o", "-"],
    ["glossary", "coverage", "{sample}", "--format", "json", "--phrase-sample", "0"],
]


@pytest.mark.parametrize(
    "args", ENTITY_COMMANDS, ids=lambda a: a[0] if a[0] != "glossary" else a[1]
)
def test_every_command_reads_default_plus_entities(
    runner: CliRunner, sample: str, args: list[str]
) -> None:
    args = [a.replace("{sample}", sample) for a in args]
    res = runner.invoke(main, [*args, "-g", "default+entities"])
    assert res.exit_code == 0, res.output
    # Entities are in: 엔비디아 and 마이크로소프트 of the sample get their ids.
    assert "nvidia" in res.stdout or "microsoft" in res.stdout, res.stdout[:500]


def test_glossary_check_takes_the_bundled_names(runner: CliRunner) -> None:
    res = runner.invoke(main, ["glossary", "check", "default+entities"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("default+entities: ok")


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("defualt", "`glossary` should be one of ('default', 'default+entities') or a path"),
        ("nope.yaml", "glossary file not found: 'nope.yaml'"),
    ],
)
def test_bad_glossary_names_list_the_valid_ones(runner: CliRunner, spec: str, message: str) -> None:
    res = runner.invoke(main, ["box", "-g", spec])
    assert res.exit_code == 2
    assert message in res.stderr, res.stderr


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("2026-09,2026-10", ["2026-09-01", "2026-10-31"]),
        ("2026.09.04,2026", ["2026-09-04", "2026-12-31"]),
    ],
)
def test_box_window_takes_months_and_corpus_dates(
    runner: CliRunner, window: str, expected: list[str]
) -> None:
    res = runner.invoke(main, ["box", "--rank", "trending", "--window", window, "--format", "json"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["window"] == expected


def test_box_and_trends_reject_the_same_windows(runner: CliRunner, sample: str) -> None:
    box = runner.invoke(main, ["box", "--rank", "trending", "--window", "2026-11,2026-10"])
    trends = runner.invoke(main, ["trends", sample, "--emerging", "--window", "2026-11,2026-10"])
    assert box.exit_code == trends.exit_code == 2
    for res in (box, trends):
        assert "`window` starts after it ends: '2026-11,2026-10'" in res.stderr, res.stderr


PROGRESS_COMMANDS = [
    pytest.param(["glossary", "coverage", "{sample}", "--phrase-sample", "0"], id="coverage"),
    # discover takes the bundled names too (the other commands' check is above): with
    # default+entities here, since each discover run over the bundled glossary costs seconds
    pytest.param(
        ["discover", "{sample}", "-g", "default+entities", "-o", "{tmp}/p.yaml"],
        id="discover",
        marks=pytest.mark.slow,
    ),
    pytest.param(["tag", "{sample}", "-o", "{tmp}/run"], id="tag"),
]


@pytest.mark.parametrize("args", PROGRESS_COMMANDS)
def test_long_commands_take_progress_flags(
    runner: CliRunner, sample: str, tmp_path: Path, args: list[str]
) -> None:
    args = [a.replace("{sample}", sample).replace("{tmp}", str(tmp_path)) for a in args]
    desc = "kotrend " + " ".join(a for a in args[:2] if not a.startswith(("/", "{")))
    desc = desc if args[0] == "glossary" else f"kotrend {args[0]}"
    shown = runner.invoke(main, [*args, "--progress"])
    assert shown.exit_code == 0, shown.output
    assert f"{desc}: 100%" in shown.stderr or f"{desc}: 40 docs" in shown.stderr, shown.stderr
    for path in tmp_path.iterdir():  # the second run writes afresh
        if path.is_file():
            path.unlink()
    quiet = runner.invoke(
        main, [*args, "--no-progress", *(["--overwrite"] if args[0] == "tag" else [])]
    )
    assert quiet.exit_code == 0, quiet.output
    assert f"{desc}:" not in quiet.stderr
    if "-o" in args and args[args.index("-o") + 1] != "-":
        assert Path(args[args.index("-o") + 1]).exists()
