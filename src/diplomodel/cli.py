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


class _RecordError(Exception):
    """
    One JSON Lines record cannot be parsed; the batch goes on without it.
    """

    def __init__(self, ident: object, reason: str) -> None:
        super().__init__(reason)
        self.ident = ident


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
        if args.command == "parse" and args.jsonl and len(args.files) != 1:
            args.usage_error("--jsonl takes exactly one input (a file or -)")
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
            "JSON; with --jsonl, parse a JSON Lines batch of {id, text, published} records."
        ),
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="a text file, or - for stdin")
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
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parse.set_defaults(handler=_cmd_parse, usage_error=parse.error)
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


# ----------------------------------------------------------------------------------------------
# Commands


def _cmd_parse(args: argparse.Namespace) -> int:
    published: dt.date | None = args.published
    if args.jsonl:
        return _parse_jsonl(args.files[0], args.output, published)
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


def _parse_jsonl(path: str, output: str | None, default_published: dt.date | None) -> int:
    name = _display(path)
    records = meetings = failed = 0
    with _input(path) as stream, _output(output, [path]) as out:
        for lineno, raw in _numbered_lines(stream, name):
            if not raw.strip():
                continue
            records += 1
            try:
                ident, result = _parse_record(raw, default_published)
            except _RecordError as exc:
                failed += 1
                _error(f"line {lineno} (id {_show_id(exc.ident)}): {exc}")
                continue
            data = result.to_dict()
            meetings += len(data["meetings"])
            out.write(_dumps({"id": ident, **data}))
    _error(f"{records} records, {meetings} meetings, {failed} failed")
    return EXIT_FAILURE if failed else EXIT_OK


def _parse_record(raw: bytes, default_published: dt.date | None) -> tuple[Any, Any]:
    record = _load_object(raw)
    ident = record.get("id")
    if "text" not in record:
        raise _RecordError(ident, 'no "text"')
    text = record["text"]
    if not isinstance(text, str):
        raise _RecordError(ident, f'"text" must be a string, got {_json_type(text)}')
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise _RecordError(
            ident, f'"published" must be a date string or null, got {_json_type(published)}'
        )
    try:
        result = _parse_text(
            text, published=published if published is not None else default_published
        )
    except _FATAL:
        raise
    except DiplomodelError as exc:
        raise _RecordError(ident, str(exc)) from None
    return ident, result


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
    for lineno, raw in _numbered_lines(stream, name):
        if not raw.strip():
            continue
        try:
            record = _load_object(raw)
        except _RecordError as exc:
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
# process started by "spawn" must call _init_rules_worker with the same files and packs.
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


def _rules_for(rule_files: Sequence[str], packs: Sequence[str]) -> tuple[Rulebook, Parser | None]:
    """
    The rulebook of a run and, when files or packs change it, a parser built from it.

    Raises:
        LexiconError: a rule file is missing, not UTF-8 TOML, or has a bad key or value.
        RuleError: an unknown rule pack, or one that fails or returns no rulebook.
    """
    from diplomodel.rules import default_rulebook, load_rulebook_file

    book = default_rulebook()
    if not rule_files and not packs:
        return book, None
    for path in rule_files:
        book = load_rulebook_file(path, base=book)
    if packs:
        from diplomodel.plugins import apply_packs

        book = apply_packs(book, packs)
    from diplomodel.engine import Parser

    return book, Parser(book)


def _init_rules_worker(rule_files: Sequence[str], packs: Sequence[str]) -> None:
    """
    Build the run's parser in a worker process (an ``initializer`` for a process pool whose
    workers do not inherit ``_run_parser``).
    """
    global _run_parser
    _run_parser = _rules_for(rule_files, packs)[1]


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
    if path.endswith(".gz"):
        import gzip

        # typeshed types GzipFile as a BufferedIOBase, not an IO[bytes]; it offers the same
        # iteration, read() and close() used here.
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _stdin_bytes() -> IO[bytes]:
    stdin = sys.stdin
    if stdin is None:
        raise _CliError("<stdin>: standard input is not available")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        # A text-only stand-in (an embedding host, io.StringIO) has no bytes to stream.
        return io.BytesIO(stdin.read().encode("utf-8"))
    return cast(IO[bytes], buffer)


def _read_errors() -> tuple[type[BaseException], ...]:
    import zlib

    # A damaged .gz shows up while reading: BadGzipFile is an OSError, truncation an EOFError
    # and corrupt deflate data a zlib.error.
    return (OSError, EOFError, zlib.error)


def _read_text(path: str) -> str:
    name = _display(path)
    with _input(path) as stream:
        try:
            data = stream.read()
        except _read_errors() as exc:
            raise _CliError(f"{name}: {_reason(exc)}") from None
    try:
        # Decoded exactly (no newline translation, BOM kept) so spans index the file's text.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _CliError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _numbered_lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    """
    Yield ``(line number, line)`` one line at a time, so a batch is never held in memory.
    """
    errors = _read_errors()
    lines = iter(stream)
    lineno = 0
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except errors as exc:
            raise _CliError(f"{name}: line {lineno + 1}: {_reason(exc)}") from None
        lineno += 1
        if lineno == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        yield lineno, raw


def _load_object(raw: bytes) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _RecordError(
            None, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
        ) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _RecordError(None, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        # json raises these for absurd numbers and absurdly deep nesting.
        raise _RecordError(None, f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise _RecordError(None, f"expected a JSON object, got {_json_type(record)}")
    return record


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
    text = " ".join(message.split("\n"))
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"{PROG}: {text}\n")
        sys.stderr.flush()


def _os_message(exc: OSError, path: str | None = None) -> str:
    where = path if path is not None else exc.filename
    reason = _reason(exc)
    return f"{where}: {reason}" if where is not None else reason


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, EOFError):
        # gzip's own wording is long and says nothing more.
        return "compressed data ends early (truncated file?)"
    return str(exc) or type(exc).__name__


def _json_type(value: object) -> str:
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
