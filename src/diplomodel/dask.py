"""
Parse on a Dask cluster: bags, dataframes and sharded JSON Lines files.

``import diplomodel.dask`` does not import Dask; each function imports it when called
(``pip install "diplomodel[dask]"``). Parsing runs partition by partition: a worker process
builds its parser once, on the first partition it gets, and reuses it for every record of every
later partition, so there is no per-record setup.

>>> import dask.bag as db                                          # doctest: +SKIP
>>> from diplomodel.dask import parse_bag                          # doctest: +SKIP
>>> records = db.read_text("shards/*.jsonl").map(json.loads)       # doctest: +SKIP
>>> parse_bag(records).filter(lambda r: r["error"] is None).count().compute()  # doctest: +SKIP

``docs/scale.md`` shows the recipes and the multi-machine set-up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from diplomodel import batch
from diplomodel.api import coerce_published

if TYPE_CHECKING:
    # Optional dependencies: without them mypy sees Any here instead of failing.
    import dask.bag  # type: ignore[import-not-found, unused-ignore]
    import dask.dataframe  # type: ignore[import-not-found, unused-ignore]
    from distributed import Client  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "ShardResult",
    "parse_bag",
    "parse_dataframe",
    "parse_records",
    "parse_shard",
    "parse_shards",
]

_PARQUET_ROWS_PER_GROUP = 1000


def _warm_parser() -> None:
    from diplomodel.engine import default_parser

    # The process-wide parser: built by the first partition a worker runs, reused afterwards.
    default_parser()


# ----------------------------------------------------------------------------------------------
# Bags


def parse_records(
    records: Iterable[Any],
    *,
    text_key: str = "text",
    id_key: str = "id",
    published_key: str = "published",
    published: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """
    Parse one partition of records (mappings) into ``{"id", "result", "error"}`` dicts:
    ``result`` is ``ArticleResult.to_dict()`` and ``error`` is ``None``, or ``result`` is
    ``None`` and ``error`` says why the record could not be parsed. Works without Dask.
    """
    default = coerce_published(published)
    with batch.picklable_fatal_errors():
        _warm_parser()
        return [_parse_one(r, default, text_key, id_key, published_key) for r in records]


def _parse_one(
    record: Any, default: dt.date | None, text_key: str, id_key: str, published_key: str
) -> dict[str, Any]:
    if not isinstance(record, Mapping):
        return {
            "id": None,
            "result": None,
            "error": f"expected a mapping, got {batch.json_type(record)}",
        }
    ident, data, reason = batch.parse_mapping(
        record,
        default_published=default,
        text_key=text_key,
        id_key=id_key,
        published_key=published_key,
    )
    return {"id": ident, "result": data, "error": reason}


def parse_bag(
    bag: dask.bag.Bag,
    *,
    text_key: str = "text",
    id_key: str = "id",
    published_key: str = "published",
    published: dt.date | str | None = None,
) -> dask.bag.Bag:
    """
    Parse a bag of records (mappings with a text, an id and an optional publication date).

    Returns a bag with one ``{"id": ID, "result": dict | None, "error": str | None}`` per input
    record, in the same partitions and order (see :func:`parse_records`). ``published`` is the
    date used for records that have none, like ``diplomodel parse --published``.
    """
    default = coerce_published(published)  # a bad date fails here, not on the cluster
    untyped: Any = bag  # dask's map_partitions is not annotated
    parsed: dask.bag.Bag = untyped.map_partitions(
        parse_records,
        text_key=text_key,
        id_key=id_key,
        published_key=published_key,
        published=default,
    )
    return parsed


# ----------------------------------------------------------------------------------------------
# Dataframes


def _pandas() -> Any:
    return importlib.import_module("pandas")


def _is_missing(pd: Any, value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.api.types.is_scalar(value) and pd.isna(value))
    except (TypeError, ValueError):
        return False


def _frame_meta(pd: Any, id_dtype: Any | None, id_key: str) -> Any:
    columns: dict[str, Any] = {}
    if id_dtype is not None:
        columns[id_key] = pd.Series(dtype=id_dtype)
    columns["n_meetings"] = pd.Series(dtype="int64")
    columns["result"] = pd.Series(dtype=object)
    columns["error"] = pd.Series(dtype=object)
    return pd.DataFrame(columns)


def _parse_frame(
    frame: Any,
    *,
    text_key: str,
    id_key: str,
    published_key: str,
    published: dt.date | None,
) -> Any:
    pd = _pandas()
    with batch.picklable_fatal_errors():
        return _parse_frame_rows(pd, frame, text_key, id_key, published_key, published)


def _parse_frame_rows(
    pd: Any, frame: Any, text_key: str, id_key: str, published_key: str, published: dt.date | None
) -> Any:
    _warm_parser()
    has_id = id_key in frame.columns
    texts = frame[text_key].tolist() if text_key in frame.columns else [None] * len(frame)
    idents = frame[id_key].tolist() if has_id else [None] * len(frame)
    dates = frame[published_key].tolist() if published_key in frame.columns else [None] * len(frame)
    counts: list[int] = []
    results: list[str | None] = []
    errors: list[str | None] = []
    for text, ident, date in zip(texts, idents, dates, strict=True):
        record: dict[str, Any] = {id_key: ident}
        if not _is_missing(pd, text):
            record[text_key] = text
        if not _is_missing(pd, date):
            record[published_key] = date
        _, data, reason = batch.parse_mapping(
            record,
            default_published=published,
            text_key=text_key,
            id_key=id_key,
            published_key=published_key,
        )
        counts.append(len(data["meetings"]) if data is not None else 0)
        results.append(json.dumps(data, ensure_ascii=False) if data is not None else None)
        errors.append(reason)
    columns: dict[str, Any] = {}
    if has_id:
        columns[id_key] = frame[id_key]
    columns["n_meetings"] = pd.Series(counts, index=frame.index, dtype="int64")
    columns["result"] = pd.Series(results, index=frame.index, dtype=object)
    columns["error"] = pd.Series(errors, index=frame.index, dtype=object)
    return pd.DataFrame(columns, index=frame.index)


def parse_dataframe(
    df: dask.dataframe.DataFrame,
    *,
    text_key: str = "text",
    id_key: str = "id",
    published_key: str = "published",
    published: dt.date | str | None = None,
) -> dask.dataframe.DataFrame:
    """
    Parse the ``text_key`` column of a Dask dataframe, partition by partition.

    Returns a dataframe with the same index and partitions and the columns ``id_key`` (copied,
    when the input has it), ``n_meetings`` (int64), ``result`` (``ArticleResult.to_dict()`` as
    a JSON string, or null) and ``error`` (why the row could not be parsed, or null). A
    ``published_key`` column may hold ISO strings, dates, timestamps or nulls.
    """
    if text_key not in df.columns:
        raise KeyError(f"no column {text_key!r} to parse (columns: {list(df.columns)})")
    default = coerce_published(published)
    id_dtype = df.dtypes[id_key] if id_key in df.columns else None
    meta = _frame_meta(_pandas(), id_dtype, id_key)
    untyped: Any = df  # dask's map_partitions is not annotated
    parsed: dask.dataframe.DataFrame = untyped.map_partitions(
        _parse_frame,
        text_key=text_key,
        id_key=id_key,
        published_key=published_key,
        published=default,
        meta=meta,
    )
    return parsed


# ----------------------------------------------------------------------------------------------
# JSON Lines shards


def _stem(path: str) -> str:
    name = os.path.basename(path)
    for suffix in (".gz", ".jsonl", ".json", ".ndjson"):
        name = name.removesuffix(suffix)
    return name or "shard"


def shard_names(index: int, path: str, fmt: str) -> tuple[str, str]:
    """
    The result and errors file names of shard ``index`` (``00003-news.jsonl`` and
    ``00003-news.errors.jsonl`` for the fourth input, ``news.jsonl.gz``).
    """
    base = f"{index:05d}-{_stem(path)}"
    return f"{base}.{'parquet' if fmt == 'parquet' else 'jsonl'}", f"{base}.errors.jsonl"


class _ParquetSink:
    """Rows ``id, line, n_meetings, result`` written in row groups; nothing else kept."""

    def __init__(self, path: str) -> None:
        self.pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
        self.schema = self.pa.schema(
            [
                ("id", self.pa.string()),
                ("line", self.pa.int64()),
                ("n_meetings", self.pa.int64()),
                ("result", self.pa.string()),
            ]
        )
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: dict[str, list[Any]] = {name: [] for name in self.schema.names}

    def add(self, outcome: batch.Outcome) -> None:
        ident = outcome.ident
        self.rows["id"].append(
            ident if isinstance(ident, str) or ident is None else json.dumps(ident)
        )
        self.rows["line"].append(outcome.line)
        self.rows["n_meetings"].append(outcome.meetings)
        self.rows["result"].append((outcome.output or "").rstrip("\n"))
        if len(self.rows["id"]) >= _PARQUET_ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows["id"]:
            self.writer.write_table(self.pa.table(self.rows, schema=self.schema))
            self.rows = {name: [] for name in self.schema.names}

    def close(self) -> None:
        self.flush()
        self.writer.close()


def parse_shard(
    index: int,
    path: str,
    outdir: str,
    *,
    fmt: str = "jsonl",
    published: dt.date | str | None = None,
) -> dict[str, Any]:
    """
    Parse one JSON Lines shard (``.gz`` allowed) exactly as ``diplomodel parse --jsonl`` does,
    streaming, and write the results and the failed records (``{"id", "line", "reason"}``) to
    ``outdir`` under :func:`shard_names`. Files appear under their final names only once the
    shard is complete. Returns the shard's counts.

    Raises:
        batch.SourceError: the shard cannot be read (nothing is left in ``outdir``).
    """
    default = coerce_published(published)
    _warm_parser()
    result_name, errors_name = shard_names(index, path, fmt)
    result_path = os.path.join(outdir, result_name)
    errors_path = os.path.join(outdir, errors_name)
    partial = [result_path + ".partial", errors_path + ".partial"]
    counts = batch.Counts(started=time.perf_counter())
    try:
        with batch.picklable_fatal_errors(), contextlib.ExitStack() as stack:
            try:
                stream = stack.enter_context(batch.open_binary(path))
            except OSError as exc:
                raise batch.SourceError(f"{path}: {batch.reason_of(exc)}") from None
            errors = stack.enter_context(_open_text(partial[1]))
            if fmt == "parquet":
                sink = _ParquetSink(partial[0])
                stack.callback(sink.close)
                out = None
            else:
                out = stack.enter_context(_open_text(partial[0]))
            items = batch.iter_jsonl(stream, path)
            with batch.parse_items(items, default_published=default) as outcomes:
                for outcome in outcomes:
                    if outcome.output is None:
                        errors.write(batch.dumps(batch.error_record(outcome)))
                    elif out is not None:
                        out.write(outcome.output)
                    else:
                        sink.add(outcome)
                    counts.add(outcome)
    except BaseException:
        for name in partial:
            with contextlib.suppress(OSError):
                os.remove(name)
        raise
    os.replace(partial[0], result_path)
    os.replace(partial[1], errors_path)
    return {
        "path": path,
        "output": result_path,
        "errors": errors_path,
        "records": counts.records,
        "written": counts.written,
        "meetings": counts.meetings,
        "failed": counts.failed,
        "seconds": counts.seconds,
    }


def _open_text(path: str) -> Any:
    return open(path, "w", encoding="utf-8", errors="backslashreplace", newline="\n")


class ShardResult:
    """
    What became of one shard: its counts, or ``error`` when it could not be read.
    """

    def __init__(
        self, index: int, path: str, counts: dict[str, Any] | None, error: str | None
    ) -> None:
        self.index = index
        self.path = path
        self.counts = counts
        self.error = error

    def __repr__(self) -> str:
        return f"ShardResult({self.index}, {self.path!r}, {self.counts!r}, {self.error!r})"


def parse_shards(
    client: Client,
    paths: Sequence[str],
    outdir: str,
    *,
    fmt: str = "jsonl",
    published: dt.date | str | None = None,
) -> Iterator[ShardResult]:
    """
    Parse every shard on the cluster behind ``client``, one task per shard (see
    :func:`parse_shard`), yielding each shard's result as it completes. ``paths`` and
    ``outdir`` must mean the same files on every worker (a shared file system).
    """
    # distributed's as_completed and Client.cancel are not annotated.
    as_completed: Any = importlib.import_module("distributed").as_completed
    cluster: Any = client
    default = coerce_published(published)
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be 'jsonl' or 'parquet', not {fmt!r}")
    futures = cluster.map(
        parse_shard,
        list(range(len(paths))),
        list(paths),
        outdir=outdir,
        fmt=fmt,
        published=default,
        pure=False,
    )
    where = {
        future.key: (i, path) for i, (future, path) in enumerate(zip(futures, paths, strict=True))
    }
    try:
        for future in as_completed(futures):
            index, path = where[future.key]
            try:
                counts = future.result()
            except batch.SourceError as exc:
                yield ShardResult(index, path, None, str(exc))
            else:
                yield ShardResult(index, path, counts, None)
    finally:
        cluster.cancel(futures)
