"""
One test per annotated article in ``tests/corpus/*.jsonl`` (written by the project).

An article passes when the parser's meetings agree with the annotation on every field the
evaluator scores (see docs/evaluation.md). Known failures are listed, each with the mismatch
that makes it fail, in ``known_failures.toml``; they run as strict xfails, so a fix that makes
one pass fails the suite until the entry is removed.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel.evaluation import evaluate

HERE = Path(__file__).parent
KNOWN = tomllib.loads((HERE / "known_failures.toml").read_text("utf-8")).get("failures", {})


def _records() -> list[Any]:
    params = []
    for path in sorted(HERE.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            marks = []
            if record["id"] in KNOWN:
                marks.append(pytest.mark.xfail(reason=KNOWN[record["id"]], strict=True))
            params.append(pytest.param(record, id=record["id"], marks=marks))
    return params


def problems(record: dict[str, Any]) -> list[str]:
    """The evaluator's list of disagreements between the parser and one annotated article."""
    result = diplomodel.parse(record["text"], published=record.get("published"))
    predicted = {"id": record["id"], "meetings": result.to_dict()["meetings"]}
    report = evaluate([record], [predicted])
    return list(report.articles[0].problems)


@pytest.mark.parametrize("record", _records())
def test_article(record: dict[str, Any]) -> None:
    """The parser reproduces the annotation of this article."""
    assert problems(record) == []


def test_known_failures_exist() -> None:
    """Every known failure names an article of the corpus."""
    ids = {
        json.loads(line)["id"]
        for p in HERE.glob("*.jsonl")
        for line in p.read_text("utf-8").splitlines()
        if line.strip()
    }
    assert sorted(set(KNOWN) - ids) == []
