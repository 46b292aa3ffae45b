"""
diplomodel.dask on a real local cluster: two worker processes, one thread each.

Every wait has a timeout, so a broken cluster fails the test instead of hanging it, and the
cluster is closed whatever happens.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# dask, distributed, pandas and pyarrow are test dependencies (pyproject.toml): no skips
import dask.bag as db
import dask.dataframe as dd
import distributed
import pandas as pd
import pyarrow.parquet as pq
import pytest

import diplomodel
from diplomodel.dask import parse_bag, parse_dataframe, parse_records, shard_names

TIMEOUT = 180  # seconds for any one computation
CORPUS = Path(__file__).resolve().parent / "corpus" / "meetings.jsonl"


def corpus(count: int) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    records = []
    for i in range(count):
        row = rows[i % len(rows)]
        records.append({"id": f"r{i}", "text": row["text"], "published": row["published"]})
    return records


def serial(record: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = diplomodel.parse(
        record["text"], published=record.get("published")
    ).to_dict()
    return result


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            timeout=TIMEOUT,
        ) as local,
        distributed.Client(local, timeout=TIMEOUT) as client,
    ):
        yield local, client


@pytest.fixture
def client(cluster: Any) -> Any:
    return cluster[1]


def test_parse_bag_equals_serial_parsing(client: Any) -> None:
    records = corpus(150)
    records.insert(17, {"id": "no-text", "body": "x"})
    records.insert(60, {"id": "bad-date", "text": "x", "published": "2023-13-45"})
    bag = db.from_sequence(records, npartitions=6)
    parsed = client.compute(parse_bag(bag)).result(timeout=TIMEOUT)
    assert [row["id"] for row in parsed] == [record["id"] for record in records]
    for record, row in zip(records, parsed, strict=True):
        if record["id"] == "no-text":
            assert row == {"id": "no-text", "result": None, "error": 'no "text"'}
        elif record["id"] == "bad-date":
            assert row["result"] is None
            assert "not an ISO date" in row["error"]
        else:
            assert row["error"] is None
            assert row["result"] == serial(record)


def test_parse_bag_other_keys_and_default_date(client: Any) -> None:
    records = [{"doc": i, "body": r["text"]} for i, r in enumerate(corpus(10))]
    bag = db.from_sequence(records, npartitions=2)
    parsed = parse_bag(bag, text_key="body", id_key="doc", published="2023-05-05")
    rows = client.compute(parsed).result(timeout=TIMEOUT)
    assert [row["id"] for row in rows] == list(range(10))
    for record, row in zip(records, rows, strict=True):
        expected = diplomodel.parse(record["body"], published="2023-05-05").to_dict()
        assert row["result"] == expected


def test_the_parser_is_built_once_per_worker(client: Any) -> None:
    def parser_id() -> int | None:
        from diplomodel import engine

        return id(engine._default) if engine._default is not None else None

    bag = db.from_sequence(corpus(40), npartitions=8)
    client.compute(parse_bag(bag)).result(timeout=TIMEOUT)
    before = client.run(parser_id)
    client.compute(parse_bag(db.from_sequence(corpus(40), npartitions=8))).result(timeout=TIMEOUT)
    after = client.run(parser_id)
    # Every worker that ran a partition keeps the one parser it built for all later ones.
    assert set(before) == set(after)
    for worker, ident in after.items():
        if before[worker] is not None:
            assert ident == before[worker]


def test_parse_records_without_dask() -> None:
    rows = parse_records([{"id": 1, "text": "No meeting here."}, ["not", "a", "mapping"]])
    assert rows[0]["error"] is None
    assert rows[0]["result"] == diplomodel.parse("No meeting here.").to_dict()
    assert rows[1] == {"id": None, "result": None, "error": "expected a mapping, got array"}


def test_parse_dataframe_equals_serial_parsing(client: Any) -> None:
    records = corpus(60)
    frame = pd.DataFrame(records)
    frame.loc[5, "text"] = None  # a missing text
    frame.loc[7, "published"] = None
    frame["published"] = frame["published"].astype(object)
    frame.loc[9, "published"] = pd.Timestamp("2024-03-14")
    ddf = dd.from_pandas(frame, npartitions=3)
    parsed = parse_dataframe(ddf)
    assert list(parsed.columns) == ["id", "n_meetings", "result", "error"]
    out = client.compute(parsed).result(timeout=TIMEOUT)
    assert list(out.index) == list(frame.index)
    assert list(out["id"]) == [r["id"] for r in records]
    assert out.loc[5, "error"] == 'no "text"'
    assert out.loc[5, "result"] is None
    for i, record in enumerate(records):
        if i == 5:
            continue
        published = {7: None, 9: "2024-03-14"}.get(i, record["published"])
        expected = diplomodel.parse(record["text"], published=published).to_dict()
        assert json.loads(out.loc[i, "result"]) == expected
        assert out.loc[i, "n_meetings"] == len(expected["meetings"])
        assert out.loc[i, "error"] is None


# ----------------------------------------------------------------------------------------------
# The `diplomodel dask` command


def write_shards(root: Path) -> list[Path]:
    records = corpus(90)
    lines = [json.dumps(r) for r in records]
    shards = [root / "a.jsonl", root / "b.jsonl.gz", root / "c.jsonl"]
    shards[0].write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    shards[1].write_bytes(gzip.compress(("\n".join(lines[30:60]) + "\n").encode()))
    broken = [*lines[60:70], '{"id": "broken", "text": ', *lines[70:90]]
    shards[2].write_text("\n".join(broken) + "\n", encoding="utf-8")
    return shards


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: a stuck cluster fails the test instead of hanging it.
    return subprocess.run(
        [sys.executable, "-m", "diplomodel", "dask", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def test_dask_command_writes_what_parse_jsonl_writes(cluster: Any, tmp_path: Path) -> None:
    local, _ = cluster
    (tmp_path / "in").mkdir()
    shards = write_shards(tmp_path / "in")
    outdir = tmp_path / "out"
    done = run_cli(
        str(tmp_path / "in" / "*.jsonl*"), "-o", str(outdir), "--scheduler", local.scheduler_address
    )
    assert done.returncode == 1, done.stderr  # one record failed
    assert done.stdout == ""
    assert done.stderr.startswith("diplomodel: 3 of 3 shards, 91 records, ")
    assert " 1 failed (" in done.stderr
    for index, shard in enumerate(shards):
        result_name, errors_name = shard_names(index, str(shard), "jsonl")
        reference = tmp_path / f"ref{index}.jsonl"
        from diplomodel.cli import main

        assert main(["parse", "--jsonl", str(shard), "-o", str(reference)]) in (0, 1)
        assert (outdir / result_name).read_bytes() == reference.read_bytes()
        errors = (outdir / errors_name).read_text(encoding="utf-8").splitlines()
        if index == 2:
            assert len(errors) == 1
            failure = json.loads(errors[0])
            assert (failure["id"], failure["line"]) == (None, 11)
            assert failure["reason"].startswith("invalid JSON")
        else:
            assert errors == []
    assert not glob.glob(str(outdir / "*.partial"))


def test_dask_command_parquet(cluster: Any, tmp_path: Path) -> None:
    local, _ = cluster
    (tmp_path / "in").mkdir()
    shards = write_shards(tmp_path / "in")
    outdir = tmp_path / "out"
    args = [str(s) for s in shards]
    done = run_cli(
        *args, "-o", str(outdir), "--format", "parquet", "--scheduler", local.scheduler_address
    )
    assert done.returncode == 1, done.stderr
    table = pq.read_table(str(outdir / shard_names(0, str(shards[0]), "parquet")[0]))
    assert table.column_names == ["id", "line", "n_meetings", "result"]
    rows = table.to_pylist()
    records = corpus(30)
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert [row["line"] for row in rows] == list(range(1, 31))
    for record, row in zip(records, rows, strict=True):
        assert json.loads(row["result"]) == {"id": record["id"], **serial(record)}
        assert row["n_meetings"] == len(serial(record)["meetings"])


def test_dask_command_reports_an_unreadable_shard_and_does_the_others(
    cluster: Any, tmp_path: Path
) -> None:
    local, _ = cluster
    (tmp_path / "in").mkdir()
    shards = write_shards(tmp_path / "in")
    damaged = tmp_path / "in" / "d.jsonl.gz"
    data = gzip.compress(shards[0].read_bytes())
    damaged.write_bytes(data[: len(data) // 2])
    outdir = tmp_path / "out"
    done = run_cli(
        str(shards[0]), str(damaged), "-o", str(outdir), "--scheduler", local.scheduler_address
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith(f"diplomodel: {damaged}: line ")
    assert lines[1].startswith("diplomodel: 1 of 2 shards, 30 records, ")
    assert sorted(os.listdir(outdir)) == sorted(shard_names(0, str(shards[0]), "jsonl"))


def test_dask_command_no_match_is_one_line(tmp_path: Path) -> None:
    done = run_cli(str(tmp_path / "*.jsonl"), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr == f"diplomodel: {tmp_path / '*.jsonl'}: no file matches\n"
