"""
The ``diplomodel`` command line: parse articles or JSON Lines batches, evaluate against gold.

Exit status: 0 success; 1 a bad input, file or record, or a library error (each reported as one
``diplomodel: ...`` line on stderr); 2 a usage error, a bad ``--rules`` file or ``--pack``;
130 interrupted; 141 the reader of standard output went away. ``docs/cli.md`` documents every
command and format.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

import diplomodel
from diplomodel import batch
from diplomodel.api import coerce_published
from diplomodel.errors import DiplomodelError, InputError, LexiconError, RuleError

if TYPE_CHECKING:
    from diplomodel.engine import Parser
    from diplomodel.model import ArticleResult
    from diplomodel.rules import Rulebook

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

PROG = "diplomodel"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer killed by the pipe

# Broken rulebooks or lexicons are not the fault of one article: reporting them once per input
# would bury the message, so they abort the command instead.
_FATAL: tuple[type[DiplomodelError], ...] = (LexiconError, RuleError)

_UTF8_BOM = b"\xef\xbb\xbf"
_MAX_ID_SHOWN = 80


class _CliError(Exception):
    """
    A problem with a file or stream named on the command line; the message is shown as is.
    """


# ----------------------------------------------------------------------------------------------
# Entry point


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status.
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
        if args.command == "parse":
            _check_parse_args(args)
    except SystemExit as exc:
        # argparse exits for --help, --version and usage errors; callers of main() get a status.
        return _exit_status(exc)
    try:
        _utf8_stdout()
        status = handler(args)
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except (_CliError, DiplomodelError) as exc:
        _error(str(exc))
        return EXIT_FAILURE
    except OSError as exc:
        _error(_os_message(exc))
        return EXIT_FAILURE


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn diplomatic news into typed meeting records.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {diplomodel.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse articles and print their meetings as JSON",
        description=(
            "Parse UTF-8 text files (- is standard input) and print each article's result as "
            "JSON; with --jsonl, parse a JSON Lines batch of {id, text, published} records, and "
            "with --dir every .txt file under a directory, streaming, in one or more processes."
        ),
    )
    parse.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a text file, or - for stdin (with --jsonl a batch, with --dir a directory)",
    )
    parse.add_argument(
        "--published",
        type=_published_arg,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of every article; with --jsonl, the date of records "
        "that have none",
    )
    parse.add_argument(
        "--compact", action="store_true", help="print a single file's JSON on one line"
    )
    parse.add_argument(
        "--jsonl",
        action="store_true",
        help="FILE is a JSON Lines batch (.gz is decompressed); write one JSON line per record",
    )
    parse.add_argument(
        "--dir",
        action="store_true",
        help="FILE is a directory: parse every .txt (or .txt.gz) file under it as one record "
        "whose id is its relative path; write one JSON line per file",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    batch_options = parse.add_argument_group("batch options (with --jsonl or --dir)")
    batch_options.add_argument(
        "--workers",
        type=_count_arg,
        default=1,
        metavar="N",
        help="parse in N worker processes, output still in input order (0: one per CPU; "
        "default 1, in this process)",
    )
    batch_options.add_argument(
        "--chunksize",
        type=_positive_arg,
        default=batch.DEFAULT_CHUNKSIZE,
        metavar="N",
        help=f"records sent to a worker at a time (default {batch.DEFAULT_CHUNKSIZE})",
    )
    batch_options.add_argument(
        "--errors",
        metavar="FILE",
        help="also write each failed record to FILE as a JSON line {id, line, reason}",
    )
    batch_options.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress counter (there is none anyway when stderr is not a terminal)",
    )
    parse.set_defaults(handler=_cmd_parse, usage_error=parse.error)

    shards = commands.add_parser(
        "dask",
        help="parse JSON Lines shards on a Dask cluster",
        description="Parse JSON Lines shards (glob patterns, .gz allowed) on a Dask cluster, "
        "one task per shard, and write each shard's results and failed records to OUTDIR. "
        "Needs dask[distributed] (pip install 'diplomodel[dask]').",
    )
    shards.add_argument(
        "patterns", nargs="+", metavar="PATTERN", help="a shard file or a glob, e.g. 'in/*.jsonl'"
    )
    shards.add_argument(
        "-o", "--output", required=True, metavar="OUTDIR", help="directory for the results"
    )
    shards.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running scheduler (tcp://host:8786); default: a local cluster",
    )
    shards.add_argument(
        "--workers",
        type=_count_arg,
        default=0,
        metavar="N",
        help="worker processes of the local cluster (default 0: one per CPU)",
    )
    shards.add_argument(
        "--format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="results as JSON Lines (default) or Parquet (needs pyarrow)",
    )
    shards.add_argument(
        "--published",
        type=_published_arg,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of records that have none",
    )
    shards.add_argument("--no-progress", action="store_true", help="no progress counter")
    shards.set_defaults(handler=_cmd_dask)
    _add_rule_options(parse)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the parser against gold records",
        description="Parse every gold record's text and score the meetings against its gold "
        "meetings.",
    )
    evaluate.add_argument(
        "gold", metavar="GOLD.jsonl", help="gold records, JSON Lines (.gz is decompressed)"
    )
    evaluate.add_argument(
        "--per-article", action="store_true", help="list every article's problems in the table"
    )
    evaluate.add_argument(
        "--json", action="store_true", help="print the report as JSON instead of a table"
    )
    evaluate.set_defaults(handler=_cmd_evaluate)
    _add_rule_options(evaluate)
    _add_rule_commands(commands)
    return parser


def _exit_status(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    return EXIT_FAILURE


def _published_arg(value: str) -> dt.date:
    # Same rule as diplomodel.parse, so the command line accepts exactly what the library does.
    try:
        published = coerce_published(value)
    except InputError:
        published = None
    if published is None:
        raise argparse.ArgumentTypeError(f"not an ISO date (expected YYYY-MM-DD): {value!r}")
    return published


def _count_arg(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {value!r}")
    return count


def _positive_arg(value: str) -> int:
    count = _count_arg(value)
    if count == 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return count


def _check_parse_args(args: argparse.Namespace) -> None:
    """Usage errors argparse cannot see on its own (``usage_error`` exits with status 2)."""
    if args.jsonl and args.dir:
        args.usage_error("--jsonl and --dir cannot be combined")
    if args.jsonl and len(args.files) != 1:
        args.usage_error("--jsonl takes exactly one input (a file or -)")
    if args.dir and len(args.files) != 1:
        args.usage_error("--dir takes exactly one input (a directory)")
    if args.dir and args.files[0] == "-":
        args.usage_error("--dir takes a directory, not -")
    if not (args.jsonl or args.dir):
        given = [
            option
            for option, used in (
                ("--workers", args.workers != 1),
                ("--chunksize", args.chunksize != batch.DEFAULT_CHUNKSIZE),
                ("--errors", args.errors is not None),
            )
            if used
        ]
        if given:
            args.usage_error(f"{', '.join(given)}: only with --jsonl or --dir")


# ----------------------------------------------------------------------------------------------
# Commands


def _cmd_parse(args: argparse.Namespace) -> int:
    published: dt.date | None = args.published
    if args.jsonl or args.dir:
        return _parse_batch(args)
    files: list[str] = args.files
    single = len(files) == 1
    status = EXIT_OK
    with _output(args.output, files) as out:
        for path in files:
            try:
                result = _parse_text(_read_text(path), published=published)
            except _FATAL:
                raise
            except _CliError as exc:
                _error(str(exc))
                status = EXIT_FAILURE
                continue
            except DiplomodelError as exc:
                _error(f"{_display(path)}: {exc}")
                status = EXIT_FAILURE
                continue
            data = result.to_dict()
            if single:
                out.write(_dumps(data, indent=None if args.compact else 2))
            else:
                out.write(_dumps({"file": path, **data}))
    return status


def _parse_batch(args: argparse.Namespace) -> int:
    """
    ``parse --jsonl FILE`` and ``parse --dir DIR``: stream the records, in order, through one
    or more processes; see ``docs/cli.md``.
    """
    path: str = args.files[0]
    workers: int = args.workers or batch.default_workers()
    counts = batch.Counts()
    progress = batch.Progress(enabled=not args.no_progress and _stderr_is_terminal())

    def report(outcome: batch.Outcome) -> None:
        if outcome.path is not None:
            where = outcome.path
        else:
            where = f"line {outcome.line} (id {_show_id(outcome.ident)})"
        progress.message(f"{PROG}: {_one_line(f'{where}: {outcome.reason}')}")

    with contextlib.ExitStack() as stack:
        if args.dir:
            # Checked before OUT is opened, so a wrong directory does not truncate OUT.
            if not os.path.isdir(path):
                reason = "Not a directory" if os.path.exists(path) else "No such file or directory"
                raise _CliError(f"{path}: {reason}")
            items = batch.iter_directory(path)
            inputs: list[str] = []
        else:
            stream = stack.enter_context(_input(path))
            items = batch.iter_jsonl(stream, _display(path))
            inputs = [path]
        out = stack.enter_context(_output(args.output, inputs))
        errors: TextIO | None = None
        if args.errors is not None:
            taken = [*inputs, *([args.output] if args.output not in (None, "-") else [])]
            errors = stack.enter_context(_output(args.errors, taken))
        stack.callback(progress.close)
        try:
            batch.run(
                items,
                out,
                errors=errors,
                counts=counts,
                report=report,
                progress=progress,
                workers=workers,
                chunksize=args.chunksize,
                default_published=args.published,
                parse=_parse_text,
                # each worker process builds the run's --rules/--pack parser once
                setup=_init_batch_worker,
                setup_args=(tuple(args.rule_files), tuple(args.packs)),
            )
        except KeyboardInterrupt:
            progress.close()
            _error(f"interrupted: {counts.summary()}")
            return EXIT_INTERRUPTED
        except batch.SourceError as exc:
            raise _CliError(str(exc)) from None
    _error(counts.summary())
    return EXIT_FAILURE if counts.failed else EXIT_OK


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _cmd_dask(args: argparse.Namespace) -> int:
    import glob
    import importlib
    import time

    try:
        # Through importlib: distributed's constructors are not annotated.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise _CliError(
            "the dask command needs dask.distributed: pip install 'diplomodel[dask]'"
        ) from None
    from diplomodel.dask import parse_shards

    if args.format == "parquet":
        try:
            importlib.import_module("pyarrow.parquet")
        except ImportError:
            raise _CliError("--format parquet needs pyarrow: pip install pyarrow") from None
    paths: list[str] = []
    for pattern in args.patterns:
        found = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        found = [p for p in found if os.path.isfile(p)] if glob.has_magic(pattern) else found
        if not found:
            raise _CliError(f"{pattern}: no file matches")
        paths.extend(os.path.abspath(p) for p in found)
    for path in paths:
        if not os.path.isfile(path):
            raise _CliError(f"{path}: No such file or directory")
    outdir = os.path.abspath(args.output)
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as exc:
        raise _CliError(_os_message(exc, args.output)) from None

    counts = batch.Counts()
    counts.started = time.perf_counter()
    shards_failed = 0
    progress = batch.Progress(enabled=not args.no_progress and _stderr_is_terminal(), unit="shards")
    with contextlib.ExitStack() as stack:
        stack.callback(progress.close)
        if args.scheduler:
            client = stack.enter_context(distributed.Client(args.scheduler))
        else:
            cluster = stack.enter_context(
                distributed.LocalCluster(
                    n_workers=args.workers or batch.default_workers(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            client = stack.enter_context(distributed.Client(cluster))
        try:
            for shard in parse_shards(
                client, paths, outdir, fmt=args.format, published=args.published
            ):
                progress.update()
                if shard.counts is None:
                    shards_failed += 1
                    progress.message(f"{PROG}: {_one_line(shard.error or shard.path)}")
                    continue
                counts.records += shard.counts["records"]
                counts.written += shard.counts["written"]
                counts.meetings += shard.counts["meetings"]
                counts.failed += shard.counts["failed"]
        except KeyboardInterrupt:
            progress.close()
            _error(f"interrupted: {counts.summary()}")
            return EXIT_INTERRUPTED
    done = len(paths) - shards_failed
    _error(f"{done} of {len(paths)} shards, {counts.summary()}")
    return EXIT_FAILURE if counts.failed or shards_failed else EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from diplomodel.evaluation import evaluate_parser

    def predict(text: str, published: str | None) -> list[dict[str, Any]]:
        meetings: list[dict[str, Any]] = _parse_text(text, published=published).to_dict()[
            "meetings"
        ]
        return meetings

    with _input(args.gold) as stream:
        report = evaluate_parser(_gold_records(stream, _display(args.gold)), predict)
    if args.json:
        rendered = json.dumps(report.to_dict())
    else:
        rendered = report.format_table(per_article=args.per_article)
    sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    return EXIT_OK


def _gold_records(stream: IO[bytes], name: str) -> Iterator[dict[str, Any]]:
    # Gold data should be clean, so unlike `parse --jsonl` the first bad record stops the run;
    # checking `published` here lets the message point at the line.
    for lineno, raw in _lines(stream, name):
        if not raw.strip():
            continue
        try:
            record = batch.load_record(raw)
        except InputError as exc:
            raise _CliError(f"{name}: line {lineno}: {exc}") from None
        published = record.get("published")
        if isinstance(published, str):
            try:
                coerce_published(published)
            except InputError as exc:
                raise _CliError(
                    f"{name}: line {lineno} (id {_show_id(record.get('id'))}): {exc}"
                ) from None
        yield record


# ----------------------------------------------------------------------------------------------
# Rule files and rule packs: --rules, --pack, `explain` and `rules list`
#
# The rulebook of a run is built once, before any text is read: the default rulebook, then each
# --rules file in order, then each --pack in order. Without either option the commands call
# diplomodel.parse() (the shared default parser), exactly as they did before these options.

# The parser --rules/--pack built for the running command (None: the default parser). A module
# global, not a context variable, so that worker threads of the command see it too; a worker
# process must build its own from the same arguments (diplomodel.plugins.build_rulebook).
_run_parser: Parser | None = None


def _add_rule_options(command: argparse.ArgumentParser) -> None:
    """
    Give a command ``--rules FILE`` and ``--pack NAME`` and wrap its handler (already set with
    ``set_defaults``) so that the run's rulebook and parser are built before it runs.
    """
    group = command.add_argument_group("rule files and rule packs")
    group.add_argument(
        "--rules",
        action="append",
        default=[],
        dest="rule_files",
        metavar="FILE",
        help="add the rules of a TOML rule file (the schema of the shipped data, see "
        "docs/extending.md); repeatable, applied in order",
    )
    group.add_argument(
        "--pack",
        action="append",
        default=[],
        dest="packs",
        metavar="NAME",
        help="enable the installed rule pack NAME (see 'diplomodel rules list'); repeatable, "
        "applied in order after the --rules files",
    )
    handler: _Handler = command.get_default("handler")
    command.set_defaults(handler=_with_rules(handler))


_Handler = Callable[[argparse.Namespace], int]


def _with_rules(handler: _Handler) -> _Handler:
    def run(args: argparse.Namespace) -> int:
        global _run_parser
        try:
            book, parser = _rules_for(args.rule_files, args.packs)
        except (LexiconError, RuleError) as exc:
            # A bad rule file or pack is a configuration error of the whole run: one line, no
            # text is read, exit 2 like any other bad option.
            _error(str(exc))
            return EXIT_USAGE
        args.rulebook = book
        args.text_parser = parser
        previous, _run_parser = _run_parser, parser
        try:
            return handler(args)
        finally:
            _run_parser = previous

    return run


def _init_batch_worker(rule_files: tuple[str, ...], packs: tuple[str, ...]) -> None:
    """
    Build the run's parser in a batch worker process (a module-level function: picklable).
    """
    global _run_parser
    _run_parser = _rules_for(rule_files, packs)[1]


def _rules_for(rule_files: Sequence[str], packs: Sequence[str]) -> tuple[Rulebook, Parser | None]:
    """
    The rulebook of a run and, when files or packs change it, a parser built from it.

    Raises:
        LexiconError: a rule file is missing, not UTF-8 TOML, or has a bad key or value.
        RuleError: an unknown rule pack, or one that fails or returns no rulebook.
    """
    if not rule_files and not packs:
        from diplomodel.rules import default_rulebook

        return default_rulebook(), None
    from diplomodel.engine import Parser
    from diplomodel.plugins import build_rulebook

    book = build_rulebook(rule_files, packs)
    return book, Parser(book)


def _parse_text(text: str, *, published: dt.date | str | None = None) -> ArticleResult:
    """
    ``diplomodel.parse()``, or the run's parser when ``--rules`` or ``--pack`` built one.
    """
    parser = _run_parser
    if parser is None:
        return diplomodel.parse(text, published=published)
    return parser.parse(text, published=published)


def _add_rule_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    explain = commands.add_parser(
        "explain",
        help="show how the rules read an article",
        description="Parse one article and print which rules fired and why: the meetings found "
        "and dropped, with the phrases and rules behind each decision.",
    )
    explain.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    explain.add_argument(
        "--published",
        type=_published_arg,
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of the article",
    )
    explain.add_argument(
        "--json", action="store_true", help="print the explanation as JSON instead of text"
    )
    explain.set_defaults(handler=_cmd_explain)
    _add_rule_options(explain)

    rules = commands.add_parser(
        "rules",
        help="list the installed rule packs and the active rules",
        description="Inspect rule packs and rules.",
    )
    actions = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list",
        help="list the installed rule packs and the active rules",
        description="List the installed rule packs (* marks those enabled with --pack) and the "
        "id and description of every active rule, after the given --rules files and packs.",
    )
    listing.set_defaults(handler=_cmd_rules_list)
    _add_rule_options(listing)


def _cmd_explain(args: argparse.Namespace) -> int:
    parser: Parser | None = args.text_parser
    if parser is None:
        from diplomodel.engine import default_parser

        parser = default_parser()
    explanation = parser.explain(_read_text(args.file), published=args.published)
    rendered = _dumps(explanation.to_dict(), indent=2) if args.json else explanation.format()
    sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    return EXIT_OK


def _cmd_rules_list(args: argparse.Namespace) -> int:
    from diplomodel.plugins import available

    book: Rulebook = args.rulebook
    installed = available()
    enabled = set(args.packs)
    lines = ["rule files: " + (", ".join(args.rule_files) or "(none)")]
    lines.append("rule packs (* enabled):" if installed else "rule packs: (none installed)")
    width = max((len(name) for name in installed), default=0)
    for name, origin in installed.items():
        mark = "*" if name in enabled else " "
        lines.append(f"  {mark} {name.ljust(width)}  {origin}")
    active = book.describe()
    lines.append(f"active rules ({len(active)}):")
    width = max((len(rule_id) for rule_id, _ in active), default=0)
    for rule_id, description in active:
        lines.append(f"  {rule_id.ljust(width)}  {description}".rstrip())
    active_ids = {rule_id for rule_id, _ in active}
    disabled = [rule_id for rule_id in book.rule_ids() if rule_id not in active_ids]
    if disabled:
        lines.append("disabled rules: " + ", ".join(disabled))
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


# ----------------------------------------------------------------------------------------------
# Input


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


@contextlib.contextmanager
def _input(path: str) -> Iterator[IO[bytes]]:
    """
    Open ``path`` for reading bytes: ``-`` is stdin (left open), a ``.gz`` name is decompressed.
    """
    if path == "-":
        yield _stdin_bytes()
        return
    try:
        stream = _open_binary(path)
    except OSError as exc:
        raise _CliError(_os_message(exc, path)) from None
    with stream:
        yield stream


def _open_binary(path: str) -> IO[bytes]:
    return batch.open_binary(path)


def _stdin_bytes() -> IO[bytes]:
    stdin = sys.stdin
    if stdin is None:
        raise _CliError("<stdin>: standard input is not available")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        # A text-only stand-in (an embedding host, io.StringIO) has no bytes to stream.
        return io.BytesIO(stdin.read().encode("utf-8"))
    return cast(IO[bytes], buffer)


def _read_text(path: str) -> str:
    name = _display(path)
    with _input(path) as stream:
        try:
            data = stream.read()
        except batch.read_errors() as exc:
            raise _CliError(f"{name}: {batch.reason_of(exc)}") from None
    try:
        # Decoded exactly (no newline translation, BOM kept) so spans index the file's text.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _CliError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    try:
        yield from batch.numbered_lines(stream, name)
    except batch.SourceError as exc:
        raise _CliError(str(exc)) from None


# ----------------------------------------------------------------------------------------------
# Output


@contextlib.contextmanager
def _output(path: str | None, inputs: Sequence[str]) -> Iterator[TextIO]:
    """
    ``sys.stdout`` (left open) for ``None`` or ``-``, else ``path`` opened for UTF-8 writing.
    """
    if path is None or path == "-":
        yield sys.stdout
        return
    for source in inputs:
        # Opening OUT truncates it; when it is also the input, the input would be lost.
        with contextlib.suppress(OSError):
            if source != "-" and os.path.samefile(source, path):
                raise _CliError(f"{path}: is also an input; refusing to overwrite it")
    try:
        handle = _open_text_output(path)
    except OSError as exc:
        raise _CliError(_os_message(exc, path)) from None
    with handle:
        yield handle


def _open_text_output(path: str) -> TextIO:
    # backslashreplace: see _utf8_stdout.
    return open(path, "w", encoding="utf-8", errors="backslashreplace", newline="\n")


def _dumps(data: Any, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def _utf8_stdout() -> None:
    # JSON output is UTF-8 whatever the locale says. backslashreplace turns a lone surrogate
    # (which json.loads happily produces from "\ud800") into the text \ud800 -- inside a JSON
    # string that is the same escape, so the output stays valid JSON instead of crashing.
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper):
        with contextlib.suppress(LookupError, ValueError, OSError):
            stdout.reconfigure(encoding="utf-8", errors="backslashreplace")


def _silence_stdout() -> None:
    # Python flushes stdout once more at exit; pointing the descriptor at /dev/null keeps that
    # flush from printing "Exception ignored ... BrokenPipeError".
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)


# ----------------------------------------------------------------------------------------------
# Messages


def _error(message: str) -> None:
    # One line per problem, so stderr can be grepped and counted.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"{PROG}: {_one_line(message)}\n")
        sys.stderr.flush()


def _one_line(message: str) -> str:
    return " ".join(message.split("\n"))


def _os_message(exc: OSError, path: str | None = None) -> str:
    where = path if path is not None else exc.filename
    reason = _reason(exc)
    return f"{where}: {reason}" if where is not None else reason


def _reason(exc: BaseException) -> str:
    return batch.reason_of(exc)


def _show_id(ident: object) -> str:
    if ident is None:
        return "?"
    if isinstance(ident, str) and ident and ident.isprintable():
        shown = ident
    else:
        # Quoted, so an empty, multi-line or non-string id still reads as one token.
        shown = json.dumps(ident, ensure_ascii=False)
    if len(shown) > _MAX_ID_SHOWN:
        shown = shown[: _MAX_ID_SHOWN - 3] + "..."
    return shown
