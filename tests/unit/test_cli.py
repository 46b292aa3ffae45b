"""
The command line: plumbing, output formats, exit statuses and error reporting.

Extraction quality is tested elsewhere; these tests rely only on ``to_dict()`` returning a dict
with a "meetings" list, and use a fake ``diplomodel.parse`` where they need meetings to count.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel import cli
from diplomodel.cli import main
from diplomodel.errors import InputError, RuleError

ARTICLE = "Ankara, 5 May 2023: The weather was mild and the markets were calm.\n"


class FakeResult:
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)


def fake_parse_counting_meetings(text: str, *, published: Any = None) -> FakeResult:
    """
    A stand-in parser: one meeting per "MEET" in the text, and the real published check.
    """
    date = diplomodel.api.coerce_published(published)
    meetings = [{"n": i} for i in range(text.count("MEET"))]
    return FakeResult({"meetings": meetings, "published": date.isoformat() if date else None})


_TIMING = re.compile(r" \(\d+\.\d s, \d+\.\d records/s\)$")


def stderr_lines(err: str) -> list[str]:
    """The lines of stderr, the timing at the end of a batch summary left out."""
    return [_TIMING.sub("", line) for line in err.splitlines()]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------------------
# parse FILE...


def test_parse_one_file_prints_indented_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", str(article)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    data = json.loads(out)
    assert isinstance(data["meetings"], list)
    assert "\n  " in out  # indent=2


def test_parse_compact_prints_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", "--compact", str(article)]) == 0
    out, _ = capsys.readouterr()
    assert out.count("\n") == 1
    assert isinstance(json.loads(out)["meetings"], list)


def test_parse_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert main(["parse", "-"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert isinstance(json.loads(out)["meetings"], list)


def test_parse_passes_the_text_exactly_and_the_published_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[str, Any]] = []

    def fake(text: str, *, published: Any = None) -> FakeResult:
        calls.append((text, published))
        return FakeResult({"meetings": []})

    monkeypatch.setattr(diplomodel, "parse", fake)
    article = tmp_path / "a.txt"
    # CRLF and a non-ASCII name must reach the parser untouched: spans index this text.
    article.write_bytes("Çavuşoğlu met Bayramov.\r\nSecond line.".encode())
    assert main(["parse", "--published", "2023-05-05", str(article)]) == 0
    assert calls == [("Çavuşoğlu met Bayramov.\r\nSecond line.", dt.date(2023, 5, 5))]


def test_parse_several_files_prints_json_lines_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for name in ("b.txt", "a.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(ARTICLE, encoding="utf-8")
        paths.append(str(path))
    assert main(["parse", *paths]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["file"] for row in rows] == paths
    assert all(isinstance(row["meetings"], list) for row in rows)


def test_parse_bad_published_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", "--published", "5 May 2023", str(article)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "--published" in err
    assert "'5 May 2023'" in err
    assert "Traceback" not in err


def test_parse_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["parse", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert stderr_lines(err) == [f"diplomodel: {missing}: No such file or directory"]


def test_parse_non_utf8_file_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Café au lait".encode("latin-1"))
    assert main(["parse", str(latin)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = stderr_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"diplomodel: {latin}: not valid UTF-8")


def test_parse_directory_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path)]) == 1
    _, err = capsys.readouterr()
    assert stderr_lines(err) == [f"diplomodel: {tmp_path}: Is a directory"]


def test_parse_unreadable_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # chmod cannot make a file unreadable for root, so the refusal is simulated.
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")

    def refuse(path: str) -> Any:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(cli, "_open_binary", refuse)
    assert main(["parse", str(locked)]) == 1
    _, err = capsys.readouterr()
    assert stderr_lines(err) == [f"diplomodel: {locked}: Permission denied"]


def test_parse_reports_a_bad_file_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good1 = tmp_path / "1.txt"
    good2 = tmp_path / "2.txt"
    good1.write_text(ARTICLE, encoding="utf-8")
    good2.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(good1), str(missing), str(good2)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(good1), str(good2)]
    assert stderr_lines(err) == [f"diplomodel: {missing}: No such file or directory"]


def test_parse_library_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(text: str, *, published: Any = None) -> FakeResult:
        raise RuleError("rule 'x': bad pattern")

    monkeypatch.setattr(diplomodel, "parse", broken)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", str(article), str(article)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    # A broken rulebook is reported once, not once per file.
    assert stderr_lines(err) == ["diplomodel: rule 'x': bad pattern"]


def test_parse_gz_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt.gz"
    article.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    assert main(["parse", str(article)]) == 0
    out, _ = capsys.readouterr()
    assert isinstance(json.loads(out)["meetings"], list)


def test_parse_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "out.json"
    assert main(["parse", "-o", str(target), str(article)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")
    assert isinstance(json.loads(target.read_text(encoding="utf-8"))["meetings"], list)


def test_output_into_a_missing_directory_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "no" / "out.json"
    assert main(["parse", "-o", str(target), str(article)]) == 1
    _, err = capsys.readouterr()
    assert stderr_lines(err) == [f"diplomodel: {target}: No such file or directory"]


def test_output_never_overwrites_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": ARTICLE})])
    before = batch.read_bytes()
    assert main(["parse", "--jsonl", str(batch), "-o", str(batch)]) == 1
    _, err = capsys.readouterr()
    assert len(stderr_lines(err)) == 1
    assert "refusing to overwrite" in err
    assert batch.read_bytes() == before


# ----------------------------------------------------------------------------------------------
# parse --jsonl


def test_jsonl_mixed_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = write_lines(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"id": "first", "text": ARTICLE, "published": "2023-05-05"}),  # 1
            '{"id": "broken", "text": ',  # 2: not JSON
            "",  # 3: blank, skipped silently
            json.dumps({"id": "no-text", "body": ARTICLE}),  # 4
            json.dumps({"id": "bad-date", "text": ARTICLE, "published": "2023-13-45"}),  # 5
            "   ",  # 6: blank
            json.dumps({"id": 7, "text": ARTICLE, "published": None}),  # 7
            json.dumps(["not", "an", "object"]),  # 8
            json.dumps({"id": "num-text", "text": 42}),  # 9
            json.dumps({"id": "last", "text": ARTICLE}),  # 10
        ],
    )
    assert main(["parse", "--jsonl", str(batch)]) == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["first", 7, "last"]
    assert all(isinstance(row["meetings"], list) for row in rows)
    lines = stderr_lines(err)
    assert lines[0].startswith("diplomodel: line 2 (id ?): invalid JSON")
    assert lines[1] == 'diplomodel: line 4 (id no-text): no "text"'
    assert lines[2].startswith("diplomodel: line 5 (id bad-date): ")
    assert "2023-13-45" in lines[2]
    assert lines[3] == "diplomodel: line 8 (id ?): expected a JSON object, got array"
    assert lines[4] == 'diplomodel: line 9 (id num-text): "text" must be a string, got number'
    meetings = sum(len(row["meetings"]) for row in rows)
    assert lines[5] == f"diplomodel: 8 records, {meetings} meetings, 5 failed"
    assert len(lines) == 6
    records_in, _, _, _, failed, _ = lines[5].removeprefix("diplomodel: ").split()
    assert int(records_in) == len(rows) + int(failed)


def test_jsonl_counts_meetings_and_uses_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(diplomodel, "parse", fake_parse_counting_meetings)
    batch = write_lines(
        tmp_path / "batch.jsonl",
        [
            json.dumps({"id": "a", "text": "MEET MEET", "published": "2023-01-02"}),
            json.dumps({"id": "b", "text": "nothing"}),
            json.dumps({"id": "c", "text": "MEET"}),
        ],
    )
    assert main(["parse", "--jsonl", "--published", "2020-02-02", str(batch)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], len(r["meetings"]), r["published"]) for r in rows] == [
        ("a", 2, "2023-01-02"),  # a record's own date wins over --published
        ("b", 0, "2020-02-02"),
        ("c", 1, "2020-02-02"),
    ]
    assert stderr_lines(err) == ["diplomodel: 3 records, 3 meetings, 0 failed"]


def test_jsonl_from_stdin_with_bom_and_crlf(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": ARTICLE}).encode() + b"\r\n"
    data += json.dumps({"id": "b", "text": ARTICLE}).encode() + b"\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "--jsonl", "-"]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    assert stderr_lines(err)[-1].startswith("diplomodel: 2 records, ")


def test_jsonl_non_utf8_record_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(
        b'{"id": "latin", "text": "Caf\xe9"}\n' + json.dumps({"id": "ok", "text": "x"}).encode()
    )
    assert main(["parse", "--jsonl", str(batch)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]
    lines = stderr_lines(err)
    assert lines[0].startswith("diplomodel: line 1 (id ?): not valid UTF-8")
    assert lines[1].endswith(" 2 records, 0 meetings, 1 failed")


def test_jsonl_gz_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl.gz"
    with gzip.open(batch, "wt", encoding="utf-8") as handle:
        for ident in ("x", "y"):
            handle.write(json.dumps({"id": ident, "text": ARTICLE}) + "\n")
    assert main(["parse", "--jsonl", str(batch)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["x", "y"]
    meetings = sum(len(row["meetings"]) for row in rows)
    assert stderr_lines(err) == [f"diplomodel: 2 records, {meetings} meetings, 0 failed"]


def test_jsonl_damaged_gz_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl.gz"
    batch.write_bytes(b"this is not gzip data\n")
    assert main(["parse", "--jsonl", str(batch)]) == 1
    _, err = capsys.readouterr()
    lines = stderr_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"diplomodel: {batch}: line 1: ")
    assert "Traceback" not in err


def test_jsonl_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = write_lines(
        tmp_path / "batch.jsonl",
        [json.dumps({"id": "a", "text": ARTICLE}), json.dumps({"id": "b", "text": ARTICLE})],
    )
    target = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(batch), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert stderr_lines(err) == [
        f"diplomodel: 2 records, {_meetings_in(target)} meetings, 0 failed"
    ]
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a", "b"]


def _meetings_in(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(len(json.loads(line)["meetings"]) for line in lines)


def test_jsonl_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.jsonl"
    target = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(missing), "-o", str(target)]) == 1
    _, err = capsys.readouterr()
    assert stderr_lines(err) == [f"diplomodel: {missing}: No such file or directory"]
    assert not target.exists()  # the input is opened first


def test_jsonl_takes_exactly_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--jsonl", "a.jsonl", "b.jsonl"]) == 2
    _, err = capsys.readouterr()
    assert "--jsonl takes exactly one input" in err


def test_jsonl_library_input_error_skips_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def picky(text: str, *, published: Any = None) -> FakeResult:
        if text == "bad":
            raise InputError("text: cannot use this one")
        return FakeResult({"meetings": []})

    monkeypatch.setattr(diplomodel, "parse", picky)
    batch = write_lines(
        tmp_path / "b.jsonl",
        [json.dumps({"id": "a", "text": "bad"}), json.dumps({"id": "b", "text": "ok"})],
    )
    assert main(["parse", "--jsonl", str(batch)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b"]
    assert stderr_lines(err) == [
        "diplomodel: line 1 (id a): text: cannot use this one",
        "diplomodel: 2 records, 0 meetings, 1 failed",
    ]


# ----------------------------------------------------------------------------------------------
# evaluate


GOLD = [
    {
        "id": "g1",
        "text": (
            "Lodz, 1 December 2022 (TDI): The Foreign Affairs Minister of Azerbaijan, Jeyhun "
            "Bayramov met with his counterpart Mevlut Cavusoglu, Foreign Minister of Turkiye."
        ),
        "published": "2022-12-01",
        "meetings": [
            {
                "participants": [
                    {"name": "Jeyhun Bayramov", "country": "AZ", "role": "foreign_minister"},
                    {"name": "Mevlut Cavusoglu", "country": "TR", "role": "foreign_minister"},
                ],
                "date": "2022-12-01",
                "place": {"name": "Lodz", "country": "PL"},
                "mode": "in_person",
                "occasion": None,
                "occasion_org": None,
                "topics": [],
            }
        ],
    },
    {"id": "g2", "text": ARTICLE, "published": None, "meetings": []},
]


def test_evaluate_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", [json.dumps(record) for record in GOLD])
    assert main(["evaluate", str(gold)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "meeting" in out
    assert "overall" in out

    assert main(["evaluate", "--per-article", str(gold)]) == 0
    out, _ = capsys.readouterr()
    assert "g1" in out and "g2" in out


def test_evaluate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", [json.dumps(record) for record in GOLD])
    assert main(["evaluate", "--json", str(gold)]) == 0
    out, _ = capsys.readouterr()
    assert out.count("\n") == 1
    report = json.loads(out)
    assert isinstance(report, dict)
    assert len(report["articles"]) == 2


def test_evaluate_bad_gold_line_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_lines(tmp_path / "gold.jsonl", [json.dumps(GOLD[1]), "{not json"])
    assert main(["evaluate", str(gold)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = stderr_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"diplomodel: {gold}: line 2: invalid JSON")


# ----------------------------------------------------------------------------------------------
# Usage, version, signals


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip() == f"diplomodel {diplomodel.__version__}"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    _, err = capsys.readouterr()
    assert "usage:" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--frobnicate", "x.txt"]) == 2


def test_broken_pipe_exits_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(diplomodel, "parse", fake_parse_counting_meetings)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    batch = write_lines(tmp_path / "b.jsonl", [json.dumps({"id": "a", "text": ARTICLE})])
    assert main(["parse", "--jsonl", str(batch)]) == cli.EXIT_BROKEN_PIPE
    _, err = capsys.readouterr()
    assert err == ""


def test_keyboard_interrupt_exits_130_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(text: str, *, published: Any = None) -> FakeResult:
        raise KeyboardInterrupt

    monkeypatch.setattr(diplomodel, "parse", interrupted)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["parse", str(article)]) == 130
    _, err = capsys.readouterr()
    assert err == ""


def test_python_dash_m(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "diplomodel", "parse", "--compact", str(article)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert isinstance(json.loads(done.stdout)["meetings"], list)


# ----------------------------------------------------------------------------------------------
# Batches: --workers, --errors, --dir, interruption


CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "meetings.jsonl"


def corpus_records(count: int, *, corrupt_at: tuple[int, ...] = ()) -> list[str]:
    """``count`` JSON lines cycling through the test corpus, with broken lines after some."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    lines = []
    for i in range(count):
        row = rows[i % len(rows)]
        lines.append(
            json.dumps({"id": f"r{i}", "text": row["text"], "published": row["published"]})
        )
        if i in corrupt_at:
            lines.append(f'{{"id": "corrupt-{i}", "text": ')
    return lines


def test_batch_with_workers_equals_serial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_lines(tmp_path / "in.jsonl", corpus_records(2000))
    serial, pooled = tmp_path / "serial.jsonl", tmp_path / "pooled.jsonl"
    assert main(["parse", "--jsonl", str(batch), "-o", str(serial)]) == 0
    _, serial_err = capsys.readouterr()
    assert main(["parse", "--jsonl", str(batch), "-o", str(pooled), "--workers", "2"]) == 0
    _, pooled_err = capsys.readouterr()
    # Same bytes, so the same records in the same (input) order.
    assert pooled.read_bytes() == serial.read_bytes()
    ids = [json.loads(line)["id"] for line in pooled.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(2000)]
    summary = f"diplomodel: 2000 records, {_meetings_in(pooled)} meetings, 0 failed"
    assert stderr_lines(serial_err) == stderr_lines(pooled_err) == [summary]


def test_batch_summary_has_time_and_rate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_lines(tmp_path / "in.jsonl", corpus_records(3))
    assert main(["parse", "--jsonl", str(batch), "-o", str(tmp_path / "out.jsonl")]) == 0
    _, err = capsys.readouterr()
    assert re.fullmatch(
        r"diplomodel: 3 records, \d+ meetings, 0 failed \(\d+\.\d s, \d+\.\d records/s\)\n", err
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_corrupt_records_are_reported_and_nothing_else_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    lines = corpus_records(300, corrupt_at=(10, 150))
    lines.insert(40, json.dumps({"id": "no-text"}))
    batch = write_lines(tmp_path / "in.jsonl", lines)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["parse", "--jsonl", str(batch), "-o", str(out), "--errors", str(errors)]
    assert main([*args, "--workers", workers, "--chunksize", "4"]) == 1
    _, err = capsys.readouterr()
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(300)]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(f["id"], f["line"]) for f in failed] == [(None, 12), ("no-text", 41), (None, 154)]
    assert failed[0]["reason"].startswith("invalid JSON: ")
    assert failed[1]["reason"] == 'no "text"'
    messages = stderr_lines(err)
    assert messages[:3] == [
        f"diplomodel: line 12 (id ?): {failed[0]['reason']}",
        'diplomodel: line 41 (id no-text): no "text"',
        f"diplomodel: line 154 (id ?): {failed[2]['reason']}",
    ]
    assert messages[3] == f"diplomodel: 303 records, {_meetings_in(out)} meetings, 3 failed"
    assert len(messages) == 4


def test_batch_gz_input_with_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "in.jsonl.gz"
    batch.write_bytes(gzip.compress("".join(f"{line}\n" for line in corpus_records(120)).encode()))
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(batch), "-o", str(out), "--workers", "2"]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(120)]
    assert stderr_lines(capsys.readouterr().err)[-1].startswith("diplomodel: 120 records, ")


def test_batch_truncated_gz_stops_with_one_line_and_keeps_what_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = gzip.compress("".join(f"{line}\n" for line in corpus_records(400)).encode())
    batch = tmp_path / "in.jsonl.gz"
    batch.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(batch), "-o", str(out), "--workers", "2"]) == 1
    lines = stderr_lines(capsys.readouterr().err)
    assert len(lines) == 1
    assert lines[0].startswith(f"diplomodel: {batch}: line ")
    assert lines[0].endswith("compressed data ends early (truncated file?)")
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)  # whole lines only


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str) -> None:
    root = tmp_path / "articles"
    (root / "2023" / "may").mkdir(parents=True)
    (root / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a.txt").write_text("Çavuşoğlu met Bayramov.\r\n", encoding="utf-8")
    (root / "2023" / "may" / "c.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (root / "2023" / "latin1.txt").write_bytes("Café".encode("latin-1"))
    (root / "2023" / "notes.md").write_text("not an article", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["parse", "--dir", str(root), "-o", str(out), "--errors", str(errors)]
    assert main([*args, "--workers", workers, "--published", "2023-05-05"]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a.txt", "b.txt", "2023/may/c.txt.gz"]
    assert rows[0] == {
        "id": "a.txt",
        **diplomodel.parse("Çavuşoğlu met Bayramov.\r\n", published="2023-05-05").to_dict(),
    }
    assert [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()] == [
        {"id": "2023/latin1.txt", "line": None, "reason": "not valid UTF-8 (byte 0xe9 at offset 3)"}
    ]
    assert stderr_lines(capsys.readouterr().err) == [
        f"diplomodel: {root / '2023' / 'latin1.txt'}: not valid UTF-8 (byte 0xe9 at offset 3)",
        f"diplomodel: 4 records, {_meetings_in(out)} meetings, 1 failed",
    ]


def test_batch_missing_directory_is_one_line_and_creates_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--dir", str(tmp_path / "nope"), "-o", str(out)]) == 1
    assert stderr_lines(capsys.readouterr().err) == [
        f"diplomodel: {tmp_path / 'nope'}: No such file or directory"
    ]
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "--workers", "2", "a.txt"], "--workers: only with --jsonl or --dir"),
        (["parse", "--errors", "e.jsonl", "a.txt"], "--errors: only with --jsonl or --dir"),
        (["parse", "--jsonl", "--dir", "x"], "--jsonl and --dir cannot be combined"),
        (["parse", "--dir", "a", "b"], "--dir takes exactly one input"),
        (["parse", "--dir", "-"], "--dir takes a directory, not -"),
        (["parse", "--jsonl", "--workers", "-1", "x"], "expected a whole number >= 0"),
        (["parse", "--jsonl", "--chunksize", "0", "x"], "expected a whole number >= 1"),
    ],
)
def test_batch_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_errors_file_never_overwrites_the_input_or_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = write_lines(tmp_path / "in.jsonl", corpus_records(2))
    before = batch.read_bytes()
    assert main(["parse", "--jsonl", str(batch), "--errors", str(batch)]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert batch.read_bytes() == before
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--jsonl", str(batch), "-o", str(out), "--errors", str(out)]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, workers: str) -> None:
    # Ctrl-C in a terminal signals the whole process group: the workers and the parent.
    batch = write_lines(tmp_path / "in.jsonl", corpus_records(20000, corrupt_at=(3,)))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "diplomodel", "parse", "--jsonl", str(batch)]
    command += ["-o", str(out), "--errors", str(errors), "--workers", workers]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while (not out.exists() or out.stat().st_size < 50_000) and proc.poll() is None:
            assert time.monotonic() < deadline, "the batch wrote nothing"
            time.sleep(0.02)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    written = out.read_text(encoding="utf-8")
    assert written.endswith("\n")
    ids = [json.loads(line)["id"] for line in written.splitlines()]  # whole JSON lines only
    assert 0 < len(ids) < 20000
    assert ids == [f"r{i}" for i in range(len(ids))]  # a prefix of the input, in order
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [f["line"] for f in failed] == [5]
    lines = stderr_lines(err.decode("utf-8"))
    assert lines[-1] == (
        f"diplomodel: interrupted: {len(ids) + 1} records, {_meetings_in(out)} meetings, 1 failed"
    )
    assert "Traceback" not in err.decode("utf-8")
