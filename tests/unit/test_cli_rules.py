"""
The command line's rule options: ``--rules FILE`` and ``--pack NAME`` on parse, evaluate and
explain, ``diplomodel explain`` and ``diplomodel rules list``; and the ```console examples of
docs/extending.md, run as commands.

A console example is a list of ``$ COMMAND`` lines, each followed by what it prints (standard
output and standard error together). In the expected lines, ``...`` alone stands for any number
of lines, a line ending in ``...`` for any line that starts with the text before it, and a last
line ``[exit N]`` for the exit status (0 when absent). Commands run in a directory holding the
tutorial's ``file=NAME`` blocks; ``diplomodel`` is this interpreter's ``python -m diplomodel``.
"""

from __future__ import annotations

import importlib.metadata
import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_extending import TUTORIAL, blocks, write_files
from test_plugins import FakeEntryPoint, ensure_arctic

from diplomodel import cli, plugins
from diplomodel.cli import main
from diplomodel.rules import VETO, Rule, Rulebook, TitleEntry

NILE = (
    "Cairo, 4 June 2024: Egyptian Water Resources Minister Hani Sewilam met Ethiopian "
    "Chief Water Negotiator Seleshi Bekele to discuss the filling of the dam.\n"
)
ENVOY = '[[titles]]\nrole = "envoy"\nterms = ["Chief Water Negotiator"]\n'
AMBASSADOR = '[[titles]]\nrole = "ambassador"\nterms = ["Chief Water Negotiator"]\n'
BROKEN = '[[titles]]\nrole = "envoy"\nterms = ["Nile Envoy"]\nrank = 2\n'


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "nile.txt").write_text(NILE, encoding="utf-8")
    (tmp_path / "envoy.toml").write_text(ENVOY, encoding="utf-8")
    (tmp_path / "ambassador.toml").write_text(AMBASSADOR, encoding="utf-8")
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


@pytest.fixture
def packs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FakeEntryPoint]]:
    """A fake set of installed rule packs (empty until a test adds some)."""
    installed: list[FakeEntryPoint] = []

    def entry_points(**kwargs: Any) -> list[FakeEntryPoint]:
        return [ep for ep in installed if ep.group == kwargs.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    plugins.refresh()
    yield installed
    plugins.refresh()


def ambassador_pack(base: Rulebook) -> Rulebook:
    return base.with_titles(TitleEntry("Chief Water Negotiator", "ambassador"))


def quiet_pack(base: Rulebook) -> Rulebook:
    return base.without("place.dateline_fallback").with_rules(
        Rule("quiet.dam", "meeting", r"\bdam\b", lambda ctx: VETO, description="No dam talk.")
    )


def boom(ctx: Any) -> None:
    raise RuntimeError("rule bug")


def failing_rule_pack(base: Rulebook) -> Rulebook:
    return ambassador_pack(base).with_rules(Rule("buggy.dam", "meeting", r"\bdam\b", boom))


def roles(out: str) -> list[list[str]]:
    return [[p["role"] for p in m["participants"]] for m in json.loads(out)["meetings"]]


# ----------------------------------------------------------------------------------------------
# parse --rules / --pack


def test_parse_with_rules_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = str(files / "nile.txt")
    assert main(["parse", article]) == 0
    assert roles(capsys.readouterr().out) == []
    assert main(["parse", "--rules", str(files / "envoy.toml"), article]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert roles(out) == [["minister", "envoy"]]


def test_rules_files_apply_in_order(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = str(files / "nile.txt")
    envoy, ambassador = str(files / "envoy.toml"), str(files / "ambassador.toml")
    assert main(["parse", "--rules", envoy, "--rules", ambassador, article]) == 0
    assert roles(capsys.readouterr().out) == [["minister", "ambassador"]]
    assert main(["parse", "--rules", ambassador, "--rules", envoy, article]) == 0
    assert roles(capsys.readouterr().out) == [["minister", "envoy"]]


def test_packs_come_after_rule_files(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("ambassador", ambassador_pack))
    article = str(files / "nile.txt")
    # the pack is applied after the file whatever the order on the command line
    argv = ["parse", "--pack", "ambassador", "--rules", str(files / "envoy.toml"), article]
    assert main(argv) == 0
    assert roles(capsys.readouterr().out) == [["minister", "ambassador"]]


def test_bad_rules_file_is_a_usage_error_before_any_input_is_read(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = str(files / "broken.toml")
    status = main(["parse", "--rules", broken, str(files / "no-such-article.txt")])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err == (
        f"diplomodel: {broken}: titles[0]: unknown key(s) rank; allowed: country, org, "
        "plural, role, terms\n"
    )


def test_missing_rules_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(files / "missing.toml")
    assert main(["parse", "--rules", missing, str(files / "nile.txt")]) == 2
    assert capsys.readouterr().err == (
        f"diplomodel: {missing}: (file): No such file or directory\n"
    )


def test_rules_file_that_is_not_toml(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = files / "bad.toml"
    bad.write_text("titles = [\n", encoding="utf-8")
    assert main(["explain", "--rules", str(bad), str(files / "nile.txt")]) == 2
    assert capsys.readouterr().err == (
        f"diplomodel: {bad}: (file): not valid TOML: Invalid value (at end of document)\n"
    )


def test_unknown_pack_is_a_usage_error(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("ambassador", ambassador_pack))
    assert main(["parse", "--pack", "arctic", str(files / "nile.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "diplomodel: unknown rule pack 'arctic'; available: ambassador\n"


def test_a_pack_that_fails_is_a_usage_error(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("bad", lambda base: {"not": "a rulebook"}))
    assert main(["rules", "list", "--pack", "bad"]) == 2
    assert capsys.readouterr().err == (
        "diplomodel: rule pack 'bad' returned a dict, not a Rulebook\n"
    )


def test_a_rule_that_fails_while_parsing_stops_the_command(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("buggy", failing_rule_pack))
    assert main(["parse", "--pack", "buggy", str(files / "nile.txt")]) == 1
    assert capsys.readouterr().err == (
        "diplomodel: rule 'buggy.dam' failed: RuntimeError: rule bug\n"
    )


def test_the_parser_is_built_once_per_run(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import diplomodel.engine

    built: list[Rulebook] = []
    real = diplomodel.engine.Parser

    class CountingParser(real):  # type: ignore[misc, valid-type]
        def __init__(self, rulebook: Rulebook | None = None) -> None:
            built.append(rulebook)  # type: ignore[arg-type]
            super().__init__(rulebook)

    monkeypatch.setattr(diplomodel.engine, "Parser", CountingParser)
    article = str(files / "nile.txt")
    assert main(["parse", "--rules", str(files / "envoy.toml"), article, article, article]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [[p["role"] for p in r["meetings"][0]["participants"]] for r in rows] == [
        ["minister", "envoy"]
    ] * 3
    assert len(built) == 1


def test_without_rule_options_the_module_parser_is_used(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import diplomodel

    calls: list[str] = []
    real = diplomodel.parse

    def spy(text: str, *, published: Any = None) -> Any:
        calls.append(text)
        return real(text, published=published)

    monkeypatch.setattr(diplomodel, "parse", spy)
    assert main(["parse", str(files / "nile.txt")]) == 0
    assert calls == [NILE]
    assert main(["parse", "--rules", str(files / "envoy.toml"), str(files / "nile.txt")]) == 0
    assert calls == [NILE]  # the rulebook's own parser did the second run
    capsys.readouterr()


def test_batch_applies_the_rules(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = files / "batch.jsonl"
    batch.write_text(json.dumps({"id": "nile", "text": NILE}) + "\n", encoding="utf-8")
    status = main(["parse", "--jsonl", "--rules", str(files / "envoy.toml"), str(batch)])
    assert status == 0
    assert roles(capsys.readouterr().out) == [["minister", "envoy"]]


def test_batch_workers_apply_the_rules(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each worker process builds the run's rulebook from the same files."""
    batch = files / "batch.jsonl"
    lines = [json.dumps({"id": f"nile{i}", "text": NILE}) for i in range(4)]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["parse", "--jsonl", "--workers", "2", "--chunksize", "1"]
    status = main([*args, "--rules", str(files / "envoy.toml"), str(batch)])
    assert status == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"nile{i}" for i in range(4)]
    assert [roles(line) for line in lines] == [[["minister", "envoy"]]] * 4


def test_help_lists_the_rule_options(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["parse"], ["evaluate"], ["explain"], ["rules", "list"]):
        assert main([*command, "--help"]) == 0
        out = capsys.readouterr().out
        assert "--rules FILE" in out and "--pack NAME" in out, command


# ----------------------------------------------------------------------------------------------
# evaluate --rules


def test_evaluate_with_rules(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = files / "gold.jsonl"
    meeting = {
        "participants": [
            {"name": "Hani Sewilam", "country": "EG", "org": None, "role": "minister"},
            {"name": "Seleshi Bekele", "country": "ET", "org": None, "role": "envoy"},
        ],
        "date": "2024-06-04",
        "place": {"name": "Cairo", "country": "EG"},
        "mode": "in_person",
        "occasion": None,
        "occasion_org": None,
        "topics": [],
    }
    record = {"id": "nile", "text": NILE, "published": None, "meetings": [meeting]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["evaluate", "--json", str(gold)]) == 0
    plain = json.loads(capsys.readouterr().out)["metrics"]
    assert main(["evaluate", "--json", "--rules", str(files / "envoy.toml"), str(gold)]) == 0
    ruled = json.loads(capsys.readouterr().out)["metrics"]
    assert (plain["meeting_recall"], ruled["meeting_recall"]) == (0.0, 1.0)
    assert ruled["role_accuracy"] == 1.0


# ----------------------------------------------------------------------------------------------
# explain


def test_explain_prints_the_explanation(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = str(files / "nile.txt")
    assert main(["explain", article]) == 0
    out = capsys.readouterr().out
    assert out.endswith("meetings (0):\n")
    assert "lexicon hit" in out
    assert main(["explain", "--rules", str(files / "envoy.toml"), article]) == 0
    out = capsys.readouterr().out
    assert "meetings (1):\n  - Hani Sewilam (EG, minister); Seleshi Bekele (ET, envoy)" in out


def test_explain_json(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["explain", "--json", "--published", "2024-06-05", str(files / "nile.txt")]
    assert main([*args, "--rules", str(files / "envoy.toml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"events", "result"}
    assert data["result"]["published"] == "2024-06-05"
    assert len(data["result"]["meetings"]) == 1
    assert any(e["event"] == "meeting frame" for e in data["events"])


def test_explain_shows_the_rules_that_fired(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("quiet", quiet_pack))
    rules = str(files / "envoy.toml")
    assert main(["explain", "--rules", rules, "--pack", "quiet", str(files / "nile.txt")]) == 0
    out = capsys.readouterr().out
    assert 'rule fired (1):\n  - rule="quiet.dam", outcome="meeting vetoed"\n' in out
    assert out.endswith("meetings (0):\n")


def test_explain_stdin_and_errors(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NILE.encode("utf-8"))))
    assert main(["explain", "--rules", str(files / "envoy.toml"), "-"]) == 0
    assert "meetings (1):" in capsys.readouterr().out
    missing = str(files / "missing.txt")
    assert main(["explain", missing]) == 1
    assert capsys.readouterr().err == f"diplomodel: {missing}: No such file or directory\n"
    assert main(["explain", str(files / "nile.txt"), str(files / "nile.txt")]) == 2  # one FILE
    capsys.readouterr()


# ----------------------------------------------------------------------------------------------
# rules list


def test_rules_list_without_packs(
    packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["rule files: (none)", "rule packs: (none installed)"]
    assert lines[2].startswith("active rules (")
    assert lines[3].split()[0] == "meetings.plan_veto"
    assert not any(line.startswith("disabled rules") for line in lines)


def test_rules_list_with_files_and_packs(
    files: Path, packs: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    packs.append(FakeEntryPoint("quiet", quiet_pack, dist_name="quiet-pack", version="0.3"))
    packs.append(FakeEntryPoint("ambassador", ambassador_pack, dist_name="amb", version="1.0"))
    envoy = str(files / "envoy.toml")
    assert main(["rules", "list", "--rules", envoy, "--pack", "quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        f"rule files: {envoy}",
        "rule packs (* enabled):",
        "    ambassador  amb 1.0",
        "  * quiet       quiet-pack 0.3",
    ]
    assert lines[-2].split() == ["quiet.dam", "No", "dam", "talk."]
    assert lines[-1] == "disabled rules: place.dateline_fallback"
    assert not any(line.split()[0] == "place.dateline_fallback" for line in lines[5:-1])


def test_rules_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 2
    assert "ACTION" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------------
# The console examples of docs/extending.md


def console_examples() -> list[tuple[int, str, list[str]]]:
    """(line, command, expected lines) for every ``$`` line of the tutorial's console blocks."""
    found = []
    for block in blocks(TUTORIAL):
        if block.lang != "console":
            continue
        for offset, line in enumerate(block.body.splitlines()):
            if line.startswith("$ "):
                found.append((block.line + offset, line[2:], []))
            else:
                assert found, f"extending.md:{block.line}: output before a command"
                found[-1][2].append(line)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    if head.endswith("...") and actual[0].startswith(head[:-3]):
        return matches(rest, actual[1:])
    return head == actual[0] and matches(rest, actual[1:])


def test_matcher() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "...", "b"], ["a", "b"])
    assert matches(["x..."], ["xyz"])
    assert not matches(["a", "...", "d"], ["a", "b"])
    assert not matches(["a"], ["a", "b"])


EXAMPLES = console_examples()


def test_the_tutorial_has_console_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize(("line", "command", "expected"), EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_console_example(line: int, command: str, expected: list[str], tmp_path: Path) -> None:
    if "--pack arctic" in command or "no_such_pack" in command:
        ensure_arctic()
    write_files(tmp_path)
    argv = shlex.split(command)
    assert argv[0] == "diplomodel"
    status = 0
    if expected and expected[-1].startswith("[exit "):
        status = int(expected[-1][len("[exit ") : -1])
        expected = expected[:-1]
    proc = subprocess.run(
        [sys.executable, "-m", "diplomodel", *argv[1:]],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    actual = [row.rstrip() for row in proc.stdout.splitlines()]
    assert proc.returncode == status, f"extending.md:{line}: {command}\n{proc.stdout}"
    assert matches([row.rstrip() for row in expected], actual), (
        f"extending.md:{line}: {command}\n{proc.stdout}"
    )


def test_cli_module_keeps_no_parser_between_runs(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--rules", str(files / "envoy.toml"), str(files / "nile.txt")]) == 0
    assert roles(capsys.readouterr().out) == [["minister", "envoy"]]
    assert cli._run_parser is None
    assert main(["parse", str(files / "nile.txt")]) == 0
    assert roles(capsys.readouterr().out) == []
