"""
The documentation stays true: its Python examples run, and its relative links resolve.

Every ```python block of docs/index.md and docs/model.md is executed, in order, in one fresh
namespace per file (a block may use names an earlier block of the same file defined), with the
repository root as the working directory. Tracebacks point at the line of the Markdown file.
A ```text block that directly follows a Python block shows its output and must match what the
block prints.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXECUTED = ["docs/index.md", "docs/model.md"]
LINKED = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("docs/*.md"))]
# Anchors are checked in the pages written together with this test; the others are only
# checked for the files they link to.
ANCHORS_CHECKED = {"docs/index.md", "docs/model.md", "docs/design.md"}

_FENCE = re.compile(r"^(```+|~~~+)[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_PYTHON = re.compile(
    r"^```python[ \t]*\n(.*?)^```[ \t]*\n(?:\s*?^```text[ \t]*\n(.*?)^```[ \t]*$)?",
    re.MULTILINE | re.DOTALL,
)
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def python_blocks(doc: str) -> list[tuple[int, str, str | None]]:
    """
    The ```python blocks of a Markdown file: the line its code starts on, the code, and the
    output shown in a ```text block right after it (None when there is none).
    """
    text = (ROOT / doc).read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start(1)) + 1, m.group(1), m.group(2))
        for m in _PYTHON.finditer(text)
    ]


def _lines(output: str) -> list[str]:
    return [line.rstrip() for line in output.strip("\n").splitlines()]


def _prose(text: str) -> str:
    """The Markdown text without fenced blocks and inline code, where links are not links."""
    return _INLINE_CODE.sub("", _FENCE.sub("", text))


def links(doc: str) -> list[str]:
    """Every link target written in a Markdown file (inline and reference-style)."""
    text = _prose((ROOT / doc).read_text(encoding="utf-8"))
    return [m.group(1) for m in _LINK.finditer(text)] + [
        m.group(1) for m in _REF_LINK.finditer(text)
    ]


def anchors(path: Path) -> set[str]:
    """The heading anchors GitHub generates for a Markdown file."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for m in _HEADING.finditer(_FENCE.sub("", path.read_text(encoding="utf-8"))):
        slug = re.sub(r"[^\w\- ]", "", m.group(1).replace("`", "").strip().lower())
        slug = slug.replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


@pytest.mark.parametrize("doc", EXECUTED)
def test_python_examples_run(doc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Python example runs without an exception, after the examples above it."""
    blocks = python_blocks(doc)
    assert blocks, f"{doc} has no ```python blocks"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs:{doc}"}
    for line, code, shown in blocks:
        # Leading newlines make line numbers in a traceback those of the Markdown file.
        program = compile("\n" * (line - 1) + code, str(ROOT / doc), "exec")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(program, namespace)
        if shown is not None:
            assert _lines(printed.getvalue()) == _lines(shown), f"{doc}:{line}: output differs"


@pytest.mark.parametrize("doc", LINKED)
def test_relative_links_resolve(doc: str) -> None:
    """Every relative link points to an existing file (and, where checked, heading)."""
    source = ROOT / doc
    broken = []
    for target in links(doc):
        if _SCHEME.match(target) or target.startswith("//"):
            continue
        path_part, _, fragment = target.partition("#")
        path = (source.parent / path_part).resolve() if path_part else source
        if not path.exists():
            broken.append(f"{target} (no file {os.path.relpath(path, ROOT)})")
        elif (
            fragment
            and doc in ANCHORS_CHECKED
            and path.suffix == ".md"
            and fragment not in anchors(path)
        ):
            broken.append(f"{target} (no heading #{fragment})")
    assert not broken, f"{doc}: broken links: {', '.join(broken)}"


def test_link_finder() -> None:
    """Links in code are not links; inline, titled and reference-style links are."""
    text = (
        '[a](x.md) ![b](img/y.png "t") `[c](not.md)`\n'
        "```\n[d](not2.md)\n```\n[e]: ref.md\n[f](#top)\n"
    )
    prose = _prose(text)
    inline = [m.group(1) for m in _LINK.finditer(prose)]
    assert inline == ["x.md", "img/y.png", "#top"]
    assert [m.group(1) for m in _REF_LINK.finditer(prose)] == ["ref.md"]
