"""
diplomodel.batch: reading records, parsing one record, running many in order, in one process or
a pool, with bounded memory.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel import batch
from diplomodel.batch import Item
from diplomodel.errors import InputError, RuleError

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "meetings.jsonl"


def corpus_texts() -> list[tuple[str, str | None]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [(row["text"], row.get("published")) for row in rows]


def jsonl_items(records: list[dict[str, Any]]) -> list[Item]:
    lines = [json.dumps(record).encode() + b"\n" for record in records]
    return list(batch.iter_jsonl(lines, "test"))


class FakeResult:
    def __init__(self, meetings: int) -> None:
        self.meetings = meetings

    def to_dict(self) -> dict[str, Any]:
        return {"meetings": [{"n": i} for i in range(self.meetings)]}


# ----------------------------------------------------------------------------------------------
# Sources


def test_iter_jsonl_numbers_lines_and_skips_blank_ones() -> None:
    lines = [b'\xef\xbb\xbf{"id": 1}\n', b"\n", b"   \r\n", b'{"id": 2}\r\n']
    items = list(batch.iter_jsonl(lines, "x"))
    assert [(item.line, item.raw) for item in items] == [
        (1, b'{"id": 1}\n'),
        (4, b'{"id": 2}\r\n'),
    ]


def test_iter_jsonl_read_error_names_input_and_line() -> None:
    def broken() -> Iterator[bytes]:
        yield b'{"id": 1}\n'
        raise EOFError("truncated")

    with pytest.raises(batch.SourceError) as caught:
        list(batch.iter_jsonl(broken(), "in.jsonl.gz"))
    assert str(caught.value) == "in.jsonl.gz: line 2: compressed data ends early (truncated file?)"


def test_iter_directory_is_sorted_recursive_and_relative(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    for name in ("b/2.txt", "a/z/1.txt", "a/0.txt", "c.txt", "notes.md", "b/x.txt.gz", "b/y.gz"):
        (tmp_path / name).write_bytes(b"")
    items = list(batch.iter_directory(str(tmp_path)))
    assert [item.ident for item in items] == [
        "c.txt",
        "a/0.txt",
        "a/z/1.txt",
        "b/2.txt",
        "b/x.txt.gz",
    ]
    assert all(item.path == str(tmp_path / item.ident) for item in items if item.ident)


def test_iter_directory_missing(tmp_path: Path) -> None:
    with pytest.raises(batch.SourceError, match="No such file or directory"):
        list(batch.iter_directory(str(tmp_path / "nope")))
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    with pytest.raises(batch.SourceError, match="Not a directory"):
        list(batch.iter_directory(str(tmp_path / "f.txt")))


# ----------------------------------------------------------------------------------------------
# One record


@pytest.mark.parametrize(
    ("raw", "ident", "reason"),
    [
        (b"{oops", None, "invalid JSON: Expecting property name enclosed in double quotes"),
        (b"[1]", None, "expected a JSON object, got array"),
        (b'{"id": "n", "text": 1}', "n", '"text" must be a string, got number'),
        (b'{"id": "t"}', "t", 'no "text"'),
        (b'{"id": "p", "text": "x", "published": 5}', "p", '"published" must be a date string'),
        (b'{"id": "d", "text": "x", "published": "2023-13-45"}', "d", "not an ISO date"),
        (b'{"text": "Caf\xe9"}', None, "not valid UTF-8 (byte 0xe9 at column 14)"),
    ],
)
def test_parse_item_reports_bad_records(raw: bytes, ident: Any, reason: str) -> None:
    outcome = batch.parse_item(Item(line=3, raw=raw))
    assert not outcome.ok
    assert outcome.output is None
    assert (outcome.line, outcome.ident) == (3, ident)
    assert outcome.reason is not None and reason in outcome.reason


def test_parse_item_good_record_matches_the_library() -> None:
    text, published = corpus_texts()[0]
    raw = json.dumps({"id": "a", "text": text, "published": published}).encode()
    outcome = batch.parse_item(Item(line=1, raw=raw))
    expected = {"id": "a", **diplomodel.parse(text, published=published).to_dict()}
    assert outcome.ok
    assert outcome.output is not None and outcome.output.endswith("\n")
    assert json.loads(outcome.output) == expected
    assert outcome.meetings == len(expected["meetings"])


def test_parse_item_uses_the_default_published_only_when_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Any] = []

    def fake(text: str, *, published: Any = None) -> FakeResult:
        seen.append(published)
        return FakeResult(0)

    monkeypatch.setattr(diplomodel, "parse", fake)
    default = diplomodel.api.coerce_published("2020-01-01")
    for raw in (
        b'{"text": "x"}',
        b'{"text": "x", "published": null}',
        b'{"text": "x", "published": "2023-05-05"}',
    ):
        batch.parse_item(Item(line=1, raw=raw), default)
    assert seen == [default, default, "2023-05-05"]


def test_parse_item_text_file(tmp_path: Path) -> None:
    text = "\ufeffLodz, 1 December 2022: Bayramov met with Cavusoglu.\r\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    for name in ("a.txt", "b.txt.gz"):
        outcome = batch.parse_item(Item(ident=name, path=str(tmp_path / name)))
        assert outcome.output is not None
        data = json.loads(outcome.output)
        # The text is passed exactly as stored: BOM and CRLF kept, so spans index the file.
        assert data == {"id": name, **diplomodel.parse(text).to_dict()}
    bad = batch.parse_item(Item(ident="bad.txt", path=str(tmp_path / "bad.txt")))
    assert (bad.ident, bad.line, bad.reason) == (
        "bad.txt",
        None,
        "not valid UTF-8 (byte 0xe9 at offset 3)",
    )
    missing = batch.parse_item(Item(ident="gone.txt", path=str(tmp_path / "gone.txt")))
    assert missing.reason == "No such file or directory"


def test_an_unexpected_parser_exception_fails_only_that_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def buggy(text: str, *, published: Any = None) -> FakeResult:
        if text == "boom":
            raise IndexError("list index out of range")
        return FakeResult(1)

    monkeypatch.setattr(diplomodel, "parse", buggy)
    items = jsonl_items(
        [{"id": 1, "text": "ok"}, {"id": 2, "text": "boom"}, {"id": 3, "text": "ok"}]
    )
    with batch.parse_items(items) as outcomes:
        got = [(o.ident, o.reason) for o in outcomes]
    assert got == [(1, None), (2, "internal error: IndexError: list index out of range"), (3, None)]


def test_a_broken_rulebook_stops_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, *, published: Any = None) -> FakeResult:
        raise RuleError("rule 'x': bad pattern")

    monkeypatch.setattr(diplomodel, "parse", broken)
    with pytest.raises(RuleError), batch.parse_items(jsonl_items([{"text": "a"}])) as outcomes:
        list(outcomes)


def test_parse_mapping_with_other_keys_and_a_parse_function() -> None:
    ident, data, reason = batch.parse_mapping(
        {"doc": 7, "body": "x", "date": "2023-01-02"},
        text_key="body",
        id_key="doc",
        published_key="date",
        parse=lambda text, published=None: FakeResult(2),
    )
    assert (ident, data, reason) == (7, {"meetings": [{"n": 0}, {"n": 1}]}, None)
    assert batch.parse_mapping({"doc": 7}, text_key="body", id_key="doc")[2] == 'no "body"'


def test_load_record_errors_are_input_errors() -> None:
    with pytest.raises(InputError, match="invalid JSON"):
        batch.load_record(b"nope")


# ----------------------------------------------------------------------------------------------
# Many records


def corpus_items(count: int) -> list[Item]:
    texts = corpus_texts()
    records = []
    for i in range(count):
        text, published = texts[i % len(texts)]
        records.append({"id": f"r{i}", "text": text, "published": published})
        if i % 97 == 50:
            records.append({"id": f"bad{i}", "text": None})
    return jsonl_items(records)


def test_workers_give_the_same_outcomes_in_the_same_order() -> None:
    items = corpus_items(300)
    with batch.parse_items(items) as outcomes:
        serial = list(outcomes)
    with batch.parse_items(items, workers=2, chunksize=7) as outcomes:
        pooled = list(outcomes)
    assert pooled == serial
    assert [o.line for o in pooled] == [item.line for item in items]
    assert sum(not o.ok for o in pooled) == 3


def test_workers_read_the_input_lazily() -> None:
    # Memory stays bounded: the pool never has more than 4 chunks per worker in flight, so the
    # first outcome arrives long before the (endless) input is read.
    consumed = 0

    def endless() -> Iterator[Item]:
        nonlocal consumed
        for i in itertools.count(1):
            consumed += 1
            yield Item(line=i, raw=b'{"id": 1, "text": "No meeting here."}')

    chunksize = 5
    with batch.parse_items(endless(), workers=2, chunksize=chunksize) as outcomes:
        first = list(itertools.islice(outcomes, 100))
    assert [o.line for o in first] == list(range(1, 101))
    assert consumed <= 100 + (2 * 4 + 1) * chunksize


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers inherit the fake parser by fork"
)
def test_a_broken_rulebook_in_a_worker_stops_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, *, published: Any = None) -> FakeResult:
        raise RuleError("rule 'x': bad pattern")

    monkeypatch.setattr(diplomodel, "parse", broken)
    items = jsonl_items([{"text": "a"}] * 20)
    with (
        pytest.raises(batch.FatalError, match="rule 'x': bad pattern"),
        batch.parse_items(items, workers=2, chunksize=3) as outcomes,
    ):
        list(outcomes)


def test_run_writes_counts_and_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        diplomodel, "parse", lambda text, published=None: FakeResult(text.count("MEET"))
    )
    records = [{"id": "a", "text": "MEET MEET"}, {"id": "b"}, {"id": "c", "text": "MEET"}]
    items = [*jsonl_items(records), Item(line=9, raw=b"{")]
    out, errors = io.StringIO(), io.StringIO()
    reported: list[batch.Outcome] = []
    counts = batch.run(items, out, errors=errors, report=reported.append)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["a", "c"]
    assert [json.loads(line) for line in errors.getvalue().splitlines()] == [
        {"id": "b", "line": 2, "reason": 'no "text"'},
        {"id": None, "line": 9, "reason": "invalid JSON: Expecting property name enclosed in "
         "double quotes (column 2)"},
    ]  # fmt: skip
    assert [o.ident for o in reported] == ["b", None]
    assert (counts.records, counts.written, counts.meetings, counts.failed) == (4, 2, 3, 2)
    assert counts.records == counts.written + counts.failed
    assert counts.summary().startswith("4 records, 3 meetings, 2 failed (")
    assert counts.summary().endswith(" records/s)")


# ----------------------------------------------------------------------------------------------
# Progress


def test_disabled_progress_prints_nothing_but_messages() -> None:
    stream = io.StringIO()
    progress = batch.Progress(enabled=False, stream=stream)
    progress.update(5)
    progress.message("diplomodel: line 1 (id ?): bad")
    progress.close()
    assert stream.getvalue() == "diplomodel: line 1 (id ?): bad\n"


def test_plain_counter_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails
    stream = io.StringIO()
    progress = batch.Progress(enabled=True, stream=stream)
    progress.update()
    progress.message("diplomodel: a problem")
    progress.close()
    shown = stream.getvalue()
    assert "1 records (" in shown
    assert "diplomodel: a problem\n" in shown
    assert shown.endswith("\r\x1b[K")  # the counter is wiped at the end


# ----------------------------------------------------------------------------------------------
# Imports


def test_importing_diplomodel_does_not_import_dask() -> None:
    code = (
        "import sys, diplomodel, diplomodel.batch, diplomodel.cli, diplomodel.dask; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('dask', 'distributed', 'pandas', 'pyarrow', 'tqdm')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
