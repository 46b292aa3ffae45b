"""
Streaming batch parsing, shared by ``diplomodel parse --jsonl/--dir`` and :mod:`diplomodel.dask`.

A batch is a stream of :class:`Item` (a JSON Lines line, or a text file of a directory), turned
one by one into an :class:`Outcome` (the JSON line to write, or why the record failed). Nothing
holds more than a bounded window of records, so inputs of any size run in constant memory:

>>> items = iter_jsonl([b'{"id": "a", "text": "No meeting here."}\\n', b"{oops\\n"], "in")
>>> [(o.line, o.ident, o.ok) for o in parse_items(items)]
[(1, 'a', True), (2, None, False)]

:func:`parse_items` runs in this process (``workers=1``) or in a pool of worker processes
(``workers=N``) whose results come back in input order; :func:`run` writes the outcomes, counts
them and reports failures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import importlib
import json
import os
import signal
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TextIO, cast

import diplomodel
from diplomodel.errors import DiplomodelError, InputError, LexiconError, RuleError

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "Counts",
    "FatalError",
    "Item",
    "Outcome",
    "ParseFn",
    "Progress",
    "SourceError",
    "default_workers",
    "error_record",
    "iter_directory",
    "iter_jsonl",
    "load_record",
    "open_binary",
    "parse_item",
    "parse_items",
    "parse_mapping",
    "picklable_fatal_errors",
    "run",
]

DEFAULT_CHUNKSIZE = 16
"""Records sent to a worker at a time: large enough to amortise the IPC, small enough to keep
the ordered output flowing."""

_IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker; bounds memory whatever the input size

_UTF8_BOM = b"\xef\xbb\xbf"
_TEXT_SUFFIXES = (".txt", ".txt.gz")

# Broken rulebooks or lexicons are not the fault of one record: they stop the batch.
_FATAL: tuple[type[DiplomodelError], ...] = (LexiconError, RuleError)


class SourceError(Exception):
    """
    The input itself cannot be read any further (a damaged ``.gz``, an unreadable directory);
    the message names the input and, for JSON Lines, the line.
    """


class FatalError(DiplomodelError):
    """
    A broken rulebook or lexicon met in a worker process, re-raised in the parent with the
    original message (``LexiconError`` itself does not survive pickling).
    """


class Item(NamedTuple):
    """
    One record of a batch, cheap to send to a worker process.

    A JSON Lines record has ``line`` and ``raw``; a text file has ``ident`` (its path relative to
    the directory, with ``/`` separators) and ``path`` (the file to read).
    """

    line: int | None = None
    raw: bytes | None = None
    ident: str | None = None
    path: str | None = None


class Outcome(NamedTuple):
    """
    What became of one record: ``output`` (a JSON line, newline included) or ``reason``.
    """

    line: int | None
    ident: Any
    output: str | None
    meetings: int
    reason: str | None
    path: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


@dataclass
class Counts:
    """
    Running totals of a batch: ``records == written + failed`` at every moment.
    """

    records: int = 0
    written: int = 0
    meetings: int = 0
    failed: int = 0
    started: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.records += 1
        if outcome.ok:
            self.written += 1
            self.meetings += outcome.meetings
        else:
            self.failed += 1

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started if self.started else 0.0

    def summary(self) -> str:
        """``N records, M meetings, F failed (T s, R records/s)``."""
        seconds = self.seconds
        rate = self.records / seconds if seconds > 0 else 0.0
        return (
            f"{self.records} records, {self.meetings} meetings, {self.failed} failed "
            f"({seconds:.1f} s, {rate:.1f} records/s)"
        )


# ----------------------------------------------------------------------------------------------
# Sources


def open_binary(path: str) -> IO[bytes]:
    """
    Open ``path`` for reading bytes, decompressing a ``.gz`` name on the fly.
    """
    if path.endswith(".gz"):
        # typeshed types GzipFile as a BufferedIOBase, not an IO[bytes]; it offers the same
        # iteration, read() and close() used here.
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def read_errors() -> tuple[type[BaseException], ...]:
    """
    What reading a (possibly compressed) stream raises when the data is damaged.
    """
    # BadGzipFile is an OSError, truncation an EOFError and corrupt deflate data a zlib.error.
    return (OSError, EOFError, zlib.error)


def reason_of(exc: BaseException) -> str:
    """
    A short reason for a read error: the OS wording, or a plain one for a truncated ``.gz``.
    """
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, EOFError):
        # gzip's own wording is long and says nothing more.
        return "compressed data ends early (truncated file?)"
    return str(exc) or type(exc).__name__


def numbered_lines(stream: Iterable[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    """
    Yield ``(line number, line)`` one line at a time (a leading UTF-8 BOM dropped), so a batch
    is never held in memory.

    Raises:
        SourceError: the stream cannot be read (``NAME: line N: REASON``).
    """
    errors = read_errors()
    lines = iter(stream)
    lineno = 0
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except errors as exc:
            raise SourceError(f"{name}: line {lineno + 1}: {reason_of(exc)}") from None
        lineno += 1
        if lineno == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        yield lineno, raw


def iter_jsonl(stream: Iterable[bytes], name: str) -> Iterator[Item]:
    """
    The records of a JSON Lines stream, one per non-blank line (blank lines still count in the
    line numbers). The lines are decoded later, by :func:`parse_item`, in whichever process
    parses them.
    """
    for lineno, raw in numbered_lines(stream, name):
        if raw.strip():
            yield Item(line=lineno, raw=raw)


def iter_directory(root: str) -> Iterator[Item]:
    """
    The ``.txt`` and ``.txt.gz`` files under ``root``, recursively, in sorted order; each file
    is one record whose id is its path relative to ``root`` (``/``-separated).

    Raises:
        SourceError: ``root`` or a directory under it cannot be listed.
    """
    if not os.path.isdir(root):
        reason = "No such file or directory" if not os.path.exists(root) else "Not a directory"
        raise SourceError(f"{root}: {reason}")

    def fail(exc: OSError) -> None:
        raise SourceError(f"{exc.filename}: {reason_of(exc)}")

    for top, dirs, files in os.walk(root, onerror=fail):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(_TEXT_SUFFIXES):
                path = os.path.join(top, name)
                ident = os.path.relpath(path, root).replace(os.sep, "/")
                yield Item(ident=ident, path=path)


# ----------------------------------------------------------------------------------------------
# One record


class _RecordError(Exception):
    def __init__(self, ident: object, reason: str) -> None:
        super().__init__(reason)
        self.ident = ident


def json_type(value: object) -> str:
    """
    The JSON name of a value's type, for messages (``number``, ``array``, ...).
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def load_record(raw: bytes) -> dict[str, Any]:
    """
    Decode one JSON Lines line into an object.

    Raises:
        InputError: not UTF-8, not JSON, or not a JSON object (the message says which).
    """
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        ) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        # json raises these for absurd numbers and absurdly deep nesting.
        raise InputError(f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {json_type(record)}")
    return record


ParseFn = Callable[..., Any]
"""``parse(text, *, published=...)`` returning an object with ``to_dict()``, like
:func:`diplomodel.parse` (the default) or :meth:`diplomodel.engine.Parser.parse`."""


def _parse_text(
    ident: object, text: str, published: object, default: dt.date | None, parse: ParseFn | None
) -> Any:
    # diplomodel.parse is looked up on each call (a dictionary access), so a test can swap it;
    # the parser it uses is built once per process and reused for every record.
    function = parse if parse is not None else diplomodel.parse
    try:
        return function(
            text,
            published=cast("dt.date | str | None", published) if published is not None else default,
        )
    except _FATAL:
        raise
    except DiplomodelError as exc:
        raise _RecordError(ident, str(exc)) from None
    except Exception as exc:
        # A parser bug must not sink a batch of millions: the record is reported and skipped.
        raise _RecordError(ident, f"internal error: {type(exc).__name__}: {exc}") from None


def parse_mapping(
    record: Mapping[str, Any],
    *,
    default_published: dt.date | None = None,
    text_key: str = "text",
    id_key: str = "id",
    published_key: str = "published",
    parse: ParseFn | None = None,
) -> tuple[Any, dict[str, Any] | None, str | None]:
    """
    Parse one record given as a mapping: ``(id, result.to_dict(), None)``, or
    ``(id, None, reason)`` when the record is bad. Broken rulebooks and lexicons still raise.
    ``parse`` replaces :func:`diplomodel.parse` (for a parser built from other rules).
    """
    ident = record.get(id_key)
    try:
        if text_key not in record:
            raise _RecordError(ident, f"no {json.dumps(text_key)}")
        text = record[text_key]
        if not isinstance(text, str):
            raise _RecordError(
                ident, f"{json.dumps(text_key)} must be a string, got {json_type(text)}"
            )
        published = record.get(published_key)
        if published is not None and not isinstance(published, str | dt.date):
            raise _RecordError(
                ident,
                f"{json.dumps(published_key)} must be a date string or null, "
                f"got {json_type(published)}",
            )
        result = _parse_text(ident, text, published, default_published, parse)
    except _RecordError as exc:
        return exc.ident, None, str(exc)
    data: dict[str, Any] = result.to_dict()
    return ident, data, None


def _read_text_file(path: str) -> str:
    try:
        with open_binary(path) as stream:
            data = stream.read()
    except read_errors() as exc:
        raise _RecordError(None, reason_of(exc)) from None
    try:
        # Decoded exactly (no newline translation, BOM kept) so spans index the file's text.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _RecordError(
            None, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def dumps(data: Any) -> str:
    """
    One JSON line, UTF-8 characters kept, newline included.
    """
    return json.dumps(data, ensure_ascii=False) + "\n"


def parse_item(
    item: Item, default_published: dt.date | None = None, parse: ParseFn | None = None
) -> Outcome:
    """
    Parse one record into the JSON line ``{"id": ID, ...result.to_dict()}`` or a reason.

    Only a broken rulebook or lexicon raises; everything wrong with the record itself, including
    an unexpected exception from the parser, becomes ``Outcome.reason``.
    """
    if item.path is not None:
        try:
            text = _read_text_file(item.path)
            result = _parse_text(item.ident, text, None, default_published, parse)
        except _RecordError as exc:
            return Outcome(None, item.ident, None, 0, str(exc), item.path)
        data: dict[str, Any] = result.to_dict()
        ident: Any = item.ident
    else:
        try:
            record = load_record(item.raw or b"")
        except InputError as exc:
            return Outcome(item.line, None, None, 0, str(exc))
        ident, parsed, reason = parse_mapping(
            record, default_published=default_published, parse=parse
        )
        if parsed is None:
            return Outcome(item.line, ident, None, 0, reason)
        data = parsed
    return Outcome(item.line, ident, dumps({"id": ident, **data}), len(data["meetings"]), None)


def error_record(outcome: Outcome) -> dict[str, Any]:
    """
    The line written to an errors file: ``{"id", "line", "reason"}``.
    """
    return {"id": outcome.ident, "line": outcome.line, "reason": outcome.reason}


# ----------------------------------------------------------------------------------------------
# Many records


def default_workers() -> int:
    """
    The CPUs this process may run on.
    """
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_worker_published: dt.date | None = None
_worker_parse: ParseFn | None = None
_worker_failure: str | None = None


def _init_worker(
    default_published: dt.date | None,
    parse: ParseFn | None,
    setup: Callable[..., object] | None,
    setup_args: tuple[Any, ...],
) -> None:
    # Ctrl-C reaches the whole process group: the parent alone decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_published, _worker_parse, _worker_failure
    _worker_published = default_published
    _worker_parse = parse
    from diplomodel.engine import default_parser

    try:
        if setup is not None:
            setup(*setup_args)
        default_parser()  # built once per worker, here, not on each record
    except Exception as exc:
        # An initializer that raises makes the pool respawn workers forever: report it on the
        # first chunk instead.
        _worker_failure = str(exc) or type(exc).__name__


@contextlib.contextmanager
def picklable_fatal_errors() -> Iterator[None]:
    """
    Turn a broken rulebook or lexicon into a :class:`FatalError`, for code whose exceptions
    travel back from another process.
    """
    try:
        yield
    except _FATAL as exc:
        raise FatalError(str(exc)) from None


def _work(chunk: list[Item]) -> list[Outcome]:
    if _worker_failure is not None:
        raise FatalError(_worker_failure)
    with picklable_fatal_errors():
        return [parse_item(item, _worker_published, _worker_parse) for item in chunk]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextlib.contextmanager
def parse_items(
    items: Iterable[Item],
    *,
    workers: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    default_published: dt.date | None = None,
    parse: ParseFn | None = None,
    setup: Callable[..., object] | None = None,
    setup_args: tuple[Any, ...] = (),
) -> Iterator[Iterator[Outcome]]:
    """
    The outcomes of ``items``, in input order, as a context manager::

        with parse_items(items, workers=4) as outcomes:
            for outcome in outcomes: ...

    With ``workers`` > 1 the records go in chunks of ``chunksize`` to a pool of processes, each
    of which builds its parser once (in the pool initializer). At most ``4 * workers`` chunks
    are in flight, so memory stays bounded however large the input and however slow one record
    (``Pool.imap`` would also keep order, but its feeder thread reads ahead without limit and
    its results pile up behind a slow record). Leaving the block early, by an exception or
    Ctrl-C, terminates the pool at once; the outcomes already yielded are all there is.

    ``parse`` replaces :func:`diplomodel.parse`; ``setup(*setup_args)`` runs once in each worker
    before it parses anything (to build that parser there). Both must be picklable, i.e.
    module-level functions, when ``workers`` > 1.

    Raises:
        FatalError, LexiconError, RuleError: a broken rulebook or lexicon.
        SourceError: the input cannot be read any further.
    """
    if workers <= 1:
        yield (parse_item(item, default_published, parse) for item in items)
        return
    import multiprocessing

    context = multiprocessing.get_context()
    if context.get_start_method() == "fork" and setup is None:
        # Forked workers inherit a parser built here (and share its tables copy-on-write)
        # instead of each loading the data again.
        from diplomodel.engine import default_parser

        with picklable_fatal_errors():
            default_parser()
    pool = context.Pool(
        workers,
        initializer=_init_worker,
        initargs=(default_published, parse, setup, setup_args),
    )
    try:
        yield _ordered(pool, items, workers, max(1, chunksize))
    except BaseException:
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


def _ordered(pool: Any, items: Iterable[Item], workers: int, chunksize: int) -> Iterator[Outcome]:
    limit = workers * _IN_FLIGHT_PER_WORKER
    pending: deque[AsyncResult[list[Outcome]]] = deque()
    for chunk in _chunks(items, chunksize):
        pending.append(pool.apply_async(_work, (chunk,)))
        # Hand results on as soon as the oldest chunk is done; wait for it when the window is
        # full.
        while pending and (len(pending) >= limit or pending[0].ready()):
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


# ----------------------------------------------------------------------------------------------
# Progress


class Progress:
    """
    A record counter on standard error: tqdm's bar when tqdm is installed, else a plain line
    redrawn at most twice a second. A disabled one prints nothing.
    """

    def __init__(self, enabled: bool, stream: TextIO | None = None, unit: str = "records") -> None:
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self._count = 0
        self._drawn = 0.0
        self._started = time.perf_counter()
        self._unit = unit
        self._bar: Any = None
        if enabled:
            try:
                tqdm: Any = importlib.import_module("tqdm").tqdm
            except ImportError:
                pass
            else:
                self._bar = tqdm(
                    file=self.stream, unit=" " + unit, dynamic_ncols=True, mininterval=0.5
                )

    def update(self, n: int = 1) -> None:
        if not self.enabled:
            return
        self._count += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.perf_counter()
        if now - self._drawn >= 0.5:
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = now - self._started
        rate = self._count / elapsed if elapsed > 0 else 0.0
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(f"\r\x1b[K{self._count} {self._unit} ({rate:.1f}/s)")
            self.stream.flush()

    def message(self, text: str) -> None:
        """Print one line above the counter (or just print it when disabled)."""
        with contextlib.suppress(OSError, ValueError):
            if self._bar is not None:
                self._bar.write(text, file=self.stream)
                return
            if self.enabled and self._drawn:
                self.stream.write("\r\x1b[K")
            self.stream.write(text + "\n")
            self.stream.flush()
            if self.enabled and self._drawn:
                self._draw(time.perf_counter())

    def close(self) -> None:
        if not self.enabled:
            return
        with contextlib.suppress(OSError, ValueError):
            if self._bar is not None:
                self._bar.close()
            elif self._drawn:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
        self.enabled = False


# ----------------------------------------------------------------------------------------------
# Running a batch


def run(
    items: Iterable[Item],
    out: TextIO,
    *,
    errors: TextIO | None = None,
    counts: Counts | None = None,
    report: Callable[[Outcome], None] | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    default_published: dt.date | None = None,
    parse: ParseFn | None = None,
    setup: Callable[..., object] | None = None,
    setup_args: tuple[Any, ...] = (),
) -> Counts:
    """
    Parse ``items`` and write each good record's JSON line to ``out`` and each failure's
    :func:`error_record` to ``errors``, in input order, flushing after every record so that an
    interruption leaves only complete lines. ``report`` is called with each failure.

    ``counts`` (a fresh :class:`Counts` when omitted) is updated as records are written, so a
    caller that catches ``KeyboardInterrupt`` still knows how far the batch got. ``workers``,
    ``chunksize``, ``parse``, ``setup`` and ``setup_args`` are those of :func:`parse_items`.
    """
    counts = counts if counts is not None else Counts()
    if not counts.started:
        counts.started = time.perf_counter()
    guard = _InterruptGuard()
    with (
        guard,
        parse_items(
            items,
            workers=workers,
            chunksize=chunksize,
            default_published=default_published,
            parse=parse,
            setup=setup,
            setup_args=setup_args,
        ) as outcomes,
    ):
        for outcome in outcomes:
            with guard.writing():
                if outcome.output is not None:
                    out.write(outcome.output)
                    out.flush()
                elif errors is not None:
                    errors.write(dumps(error_record(outcome)))
                    errors.flush()
                counts.add(outcome)
            if outcome.output is None and report is not None:
                report(outcome)
            if progress is not None:
                progress.update()
    return counts


class _InterruptGuard:
    """
    Holds Ctrl-C back while one record is being written and counted, so an interrupted batch
    never leaves half a line behind or a count that disagrees with the files; the
    ``KeyboardInterrupt`` is raised as soon as the record is done. Only in the main thread with
    Python's default SIGINT handler in place; elsewhere it does nothing.
    """

    def __init__(self) -> None:
        self._busy = False
        self._pending = False
        self._installed = False

    def __enter__(self) -> _InterruptGuard:
        import threading

        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            signal.signal(signal.SIGINT, self._handler)
            self._installed = True
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self._installed = False

    def _handler(self, signum: int, frame: object) -> None:
        if self._busy:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        self._busy = True
        try:
            yield
        finally:
            self._busy = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt
