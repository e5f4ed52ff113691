"""Dask: tag_dask on bags and DataFrames, tag_archive_dask and ``kotrend tag --dask``,
on a two-process LocalCluster; everything must equal a plain Tagger's output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import load_sample, sample_path
from extract import Tagger, load_table, tag_archive_dask, tag_dask
from extract.cli import main
from glossary import Glossary

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")

# Tests that use the LocalCluster: its two worker processes each load Kiwi (~30 s in all).
on_the_cluster = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # dashboard_address=":0": any free port, since another test run on the machine may
    # hold the default 8787 (and None does not turn the dashboard off).
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def expected(test_glossary: Glossary) -> list[dict]:
    return [m.to_dict() for m in Tagger(test_glossary).tag_documents(load_sample())]


def _records() -> list[dict]:
    return [
        {"id": d.id, "title": d.title, "body": d.body, "date": str(d.date), "source": d.source}
        for d in load_sample()
    ]


@on_the_cluster
def test_bag_of_documents(client: object, test_glossary: Glossary, expected: list[dict]) -> None:
    bag = db.from_sequence(load_sample(), npartitions=4)
    got = tag_dask(bag, glossary=test_glossary).compute()
    assert got == expected and len(got) > 50


@on_the_cluster
def test_bag_of_dicts_and_dataframe(
    client: object, test_glossary: Glossary, expected: list[dict]
) -> None:
    import pandas as pd

    bag = db.from_sequence(_records(), npartitions=3)
    assert tag_dask(bag, glossary=test_glossary).compute() == expected
    frame = dd.from_pandas(pd.DataFrame(_records()), npartitions=3)
    result = tag_dask(frame, glossary=test_glossary)
    assert list(result.columns) == list(expected[0])
    assert result.compute().to_dict("records") == expected


@on_the_cluster
def test_archive_on_the_cluster(
    client: object, test_glossary: Glossary, expected: list[dict], tmp_path: Path
) -> None:
    summary = tag_archive_dask(
        sample_path(), tmp_path / "run", client=client, glossary=test_glossary, chunk_size=7
    )
    assert (summary.records, summary.tagged, summary.errors) == (40, 40, 0)
    assert summary.chunks == 6 and summary.mentions == len(expected)
    mentions = load_table(tmp_path / "run").sort_values(["doc_id", "start", "field"])
    want = sorted(expected, key=lambda m: (m["doc_id"], m["start"], m["field"]))
    assert mentions.to_dict("records") == want
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete" and manifest["counts"]["records"] == 40
    assert len(load_table(tmp_path / "run", "documents")) == 40


@on_the_cluster
def test_cli_tag_dask(client: object, test_glossary: Glossary, tmp_path: Path) -> None:
    import glossary

    address = client.scheduler.address  # type: ignore[attr-defined]
    glossary.save(test_glossary, tmp_path / "g.yaml")  # same words: the workers' Kiwi is reused
    out = tmp_path / "run"
    args = ["tag", str(sample_path()), "-g", str(tmp_path / "g.yaml"), "-o", str(out)]
    result = CliRunner().invoke(main, [*args, "--dask", address, "--chunk-size", "10"])
    assert result.exit_code == 0, result.output
    assert "40 records = 40 tagged + 0 errors" in result.output
    assert sorted(p.name for p in (out / "mentions").iterdir()) == [
        f"part-00000-{i:06d}.parquet" for i in range(4)
    ]
    again = CliRunner().invoke(main, [*args, "--dask", address, "--resume"])
    assert again.exit_code != 0 and "options differ" in again.output  # chunk size must match


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-j", "2"], "use -j or --dask"),
        (["-o", "mentions.jsonl"], "need a directory output"),
    ],
)
def test_cli_dask_option_errors(tmp_path: Path, args: list[str], message: str) -> None:
    argv = [
        "tag",
        str(sample_path()),
        "-o",
        str(tmp_path / "run"),
        "--dask",
        "tcp://127.0.0.1:1",
        *args,
    ]
    result = CliRunner().invoke(main, argv)
    assert result.exit_code != 0 and message in result.output


def test_tag_dask_errors(test_glossary: Glossary) -> None:
    with pytest.raises(
        TypeError, match=r"dask\.bag\.Bag or a dask\.dataframe\.DataFrame, got list"
    ):
        tag_dask([1, 2], glossary=test_glossary)
    bag = db.from_sequence(load_sample(), npartitions=1)
    with pytest.raises(
        ValueError, match=r"`mode` should be one of \('fast', 'full'\), but got 'slow'"
    ):
        tag_dask(bag, glossary=test_glossary, mode="slow")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"`glossary` should be a glossary\.Glossary, got dict"):
        tag_dask(bag, glossary={})  # type: ignore[arg-type]


def test_bad_record_names_the_field(test_glossary: Glossary) -> None:
    from corpus import RecordError

    bag = db.from_sequence([{"id": "a", "title": "금리"}, {"title": "id가 없다"}], npartitions=1)
    with pytest.raises(RecordError, match="field 'id': missing id"):
        tag_dask(bag, glossary=test_glossary).compute(scheduler="sync")
