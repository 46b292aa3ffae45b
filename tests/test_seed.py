"""
The seed article the project was created from parses to exactly the meeting it reports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import diplomodel
from diplomodel.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "azerbaijan_turkiye_osce_lodz_2022.txt"
EXPECTED = json.loads(SEED.with_suffix(".expected.json").read_text("utf-8"))
# The guidelines' own annotation of the seed, beside the checkout in CI and in the workplace.
SHARED = ROOT.parent / "shared" / "corpus" / "seed.jsonl"
GOLD_SOURCES = [pytest.param(EXPECTED["meetings"], id="seeds-expected")]
if SHARED.is_file():
    GOLD_SOURCES.append(
        pytest.param(json.loads(SHARED.read_text("utf-8"))["meetings"], id="shared-seed-jsonl")
    )

GUIDELINE_FIELDS = ("date", "mode", "occasion", "occasion_org")


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return diplomodel.parse(SEED.read_text("utf-8")).to_dict()


@pytest.mark.parametrize("gold", GOLD_SOURCES)
def test_seed_matches_annotation(result: dict[str, Any], gold: list[dict[str, Any]]) -> None:
    """Every guideline field of the seed's one meeting equals the annotation."""
    assert len(result["meetings"]) == len(gold) == 1
    got, want = result["meetings"][0], gold[0]
    for field in GUIDELINE_FIELDS:
        assert want[field] == got[field], field
    assert want["place"] == {k: got["place"][k] for k in ("name", "country")}
    assert sorted(want["topics"]) == sorted(got["topics"])
    people = {(p["name"], p["country"], p["org"], p["role"]) for p in got["participants"]}
    assert {(p["name"], p["country"], p["org"], p["role"]) for p in want["participants"]} == people
    report = evaluate([{"id": "seed", "meetings": gold}], [{"id": "seed", **result}])
    assert list(report.articles[0].problems) == []


def test_seed_titles(result: dict[str, Any]) -> None:
    """Each participant keeps the title as written."""
    titles = {p["name"]: p["title"] for p in result["meetings"][0]["participants"]}
    assert EXPECTED["titles"] == titles


def test_seed_spans_slice_the_text(result: dict[str, Any]) -> None:
    """Every span object in the output is the slice of the seed text it claims to be."""
    text = SEED.read_text("utf-8")
    found = 0

    def walk(node: Any) -> None:
        nonlocal found
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                assert text[node["start"] : node["end"]] == node["text"]
                found += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(result)
    assert found >= 10


def test_seed_evidence(result: dict[str, Any]) -> None:
    """The meeting keeps evidence for its trigger, date, place, occasion and every topic."""
    meeting = result["meetings"][0]
    evidence = meeting["evidence"]
    assert evidence["triggers"][0]["text"] == "met with"
    assert evidence["date"]["text"] == "1 December 2022"
    assert evidence["place"]["text"] == "Lodz"
    assert "(OSCE) Ministerial Council" in evidence["occasion"]["text"]
    assert sorted(evidence["topics"]) == sorted(meeting["topics"])
