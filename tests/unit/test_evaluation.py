"""
Unit tests for diplomodel.evaluation, on small hand-written records.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
from typing import Any

import pytest

from diplomodel.errors import InputError
from diplomodel.evaluation import EvaluationReport, FieldScore, evaluate, evaluate_parser


def person(
    name: str | None, country: str | None, role: str = "foreign_minister", org: str | None = None
) -> dict[str, Any]:
    return {"name": name, "country": country, "org": org, "role": role}


def meeting(*participants: dict[str, Any], **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "participants": list(participants),
        "date": "2023-03-17",
        "place": {"name": "Montevideo", "country": "UY"},
        "mode": "in_person",
        "occasion": None,
        "occasion_org": None,
        "topics": ["bilateral_relations", "trade"],
    }
    record.update(fields)
    return record


BUSTILLO = person("Francisco Bustillo", "UY")
CAFIERO = person("Santiago Cafiero", "AR")
LAVROV = person("Sergey Lavrov", "RU")
BLINKEN = person("Antony J. Blinken", "US")


def article(rid: str, *meetings: dict[str, Any]) -> dict[str, Any]:
    return {"id": rid, "meetings": list(meetings)}


GOLD = [
    article("a1", meeting(BUSTILLO, CAFIERO)),
    article(
        "a2",
        meeting(BUSTILLO, LAVROV, date="2023-05-04", place=None, mode="phone"),
        meeting(CAFIERO, BLINKEN, date=None, topics=["security"]),
    ),
    article("a3"),
]


def only(report: EvaluationReport) -> tuple[str, ...]:
    assert len(report.articles) == 1
    return report.articles[0].problems


def test_perfect_prediction_scores_one_everywhere() -> None:
    predicted = copy.deepcopy(GOLD)
    # Extra keys in a prediction are ignored.
    predicted[0]["meetings"][0]["evidence"] = [[0, 5]]
    report = evaluate(GOLD, predicted)
    metrics = report.metrics()
    for key, value in metrics.items():
        if key.endswith(("_precision", "_recall", "_f1", "_accuracy")) or key == "overall":
            assert value == 1.0, key
    assert metrics["false_alarm_articles"] == 0.0
    assert metrics["matched_meetings"] == 3.0
    assert all(a.ok for a in report.articles)


def test_all_negative_articles_predicted_empty_score_one() -> None:
    report = evaluate([article("n1"), article("n2")], [article("n1"), article("n2")])
    assert report.metrics()["overall"] == 1.0
    assert report.metrics()["article_f1"] == 1.0


def test_missing_meeting() -> None:
    gold = [GOLD[1]]
    predicted = [article("a2", copy.deepcopy(GOLD[1]["meetings"][1]))]
    report = evaluate(gold, predicted)
    metrics = report.metrics()
    assert metrics["meeting_precision"] == 1.0
    assert metrics["meeting_recall"] == 0.5
    assert metrics["participant_recall"] == 0.5
    assert metrics["topic_all_recall"] < 1.0
    assert metrics["topic_f1"] == 1.0  # topics of the matched meeting agree
    assert metrics["date_accuracy"] == 1.0
    assert only(report) == (
        "missing meeting: Francisco Bustillo (UY), Sergey Lavrov (RU) [gold 1]",
    )


def test_extra_meeting() -> None:
    extra = meeting(LAVROV, BLINKEN)
    predicted = [article("a1", copy.deepcopy(GOLD[0]["meetings"][0]), extra)]
    report = evaluate([GOLD[0]], predicted)
    metrics = report.metrics()
    assert metrics["meeting_precision"] == 0.5
    assert metrics["meeting_recall"] == 1.0
    assert metrics["participant_precision"] == 0.5
    assert metrics["country_precision"] == 0.5
    assert report.articles[0].meeting_pairs == ((0, 0),)
    assert only(report) == (
        "extra meeting: Sergey Lavrov (RU), Antony J. Blinken (US) [predicted 2]",
    )


def test_wrong_country() -> None:
    predicted = [article("a1", meeting(BUSTILLO, person("Santiago Cafiero", "BR")))]
    report = evaluate([GOLD[0]], predicted)
    metrics = report.metrics()
    # The name still identifies the participant; only the side is wrong.
    assert metrics["participant_f1"] == 1.0
    assert metrics["country_precision"] == 0.5
    assert metrics["country_recall"] == 0.5
    assert only(report) == ("country of Santiago Cafiero: BR != AR [gold 1]",)


def test_wrong_role() -> None:
    predicted = [article("a1", meeting(BUSTILLO, person("Santiago Cafiero", "AR", "minister")))]
    report = evaluate([GOLD[0]], predicted)
    assert report.metrics()["role_accuracy"] == 0.5
    assert report.field("role").counts() == "1/2"
    assert only(report) == ("role of Santiago Cafiero: minister != foreign_minister [gold 1]",)


def test_wrong_date_place_mode_occasion() -> None:
    predicted = [
        article(
            "a1",
            meeting(
                BUSTILLO,
                CAFIERO,
                date="2023-03-18",
                place={"name": "Colonia", "country": "UY"},
                occasion="River Plate Treaty anniversary",
                occasion_org="mercosur",
            ),
        )
    ]
    report = evaluate([GOLD[0]], predicted)
    metrics = report.metrics()
    assert metrics["date_accuracy"] == 0.0
    assert metrics["place_accuracy"] == 0.0
    assert metrics["place_country_accuracy"] == 1.0
    assert metrics["mode_accuracy"] == 1.0
    assert metrics["occasion_accuracy"] == 0.0
    assert metrics["occasion_org_accuracy"] == 0.0
    problems = only(report)
    assert "date 2023-03-18 != 2023-03-17 [gold 1]" in problems
    assert "place Colonia (UY) != Montevideo (UY) [gold 1]" in problems
    assert "occasion_org MERCOSUR != null [gold 1]" in problems


def test_place_rules() -> None:
    gold = [article("p", meeting(BUSTILLO, CAFIERO, place={"name": None, "country": "UY"}))]
    same = [article("p", meeting(BUSTILLO, CAFIERO, place={"name": None, "country": "uy"}))]
    assert evaluate(gold, same).metrics()["place_accuracy"] == 1.0
    named = [article("p", meeting(BUSTILLO, CAFIERO))]
    metrics = evaluate(gold, named).metrics()
    assert metrics["place_accuracy"] == 0.0
    assert metrics["place_country_accuracy"] == 1.0
    folded = [
        article("a1", meeting(BUSTILLO, CAFIERO, place={"name": "Montevidéo", "country": "UY"}))
    ]
    assert evaluate([GOLD[0]], folded).metrics()["place_accuracy"] == 1.0
    null = [article("p", meeting(BUSTILLO, CAFIERO, place=None))]
    metrics = evaluate(gold, null).metrics()
    assert metrics["place_accuracy"] == 0.0
    assert metrics["place_country_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("gold_name", "predicted_name", "gold_country", "predicted_country", "matches"),
    [
        ("Saad Eddine El Othmani", "El Othmani", "MA", "MA", True),
        ("Abiy Ahmed", "Dr. Abiy Ahmed", "ET", "ET", True),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", "TR", "TR", True),
        ("Jean-Yves Le Drian", "Jean Yves Le Drian", "FR", "FR", True),
        ("Michael R. Pompeo", "Mike Pompeo", "US", "US", True),
        ("S Jaishankar", "Subrahmanyam Jaishankar", "IN", "IN", True),
        # Same surname but a different side: a different person.
        ("Michael R. Pompeo", "Mike Pompeo", "US", "GB", False),
        ("Sergey Lavrov", "Sergey Shoigu", "RU", "RU", False),
    ],
)
def test_participant_name_identity(
    gold_name: str, predicted_name: str, gold_country: str, predicted_country: str, matches: bool
) -> None:
    gold = [article("n", meeting(person(gold_name, gold_country), BUSTILLO, CAFIERO))]
    predicted = [
        article("n", meeting(person(predicted_name, predicted_country), BUSTILLO, CAFIERO))
    ]
    report = evaluate(gold, predicted)
    assert report.metrics()["meeting_f1"] == 1.0
    assert (report.metrics()["participant_f1"] == 1.0) is matches


def test_surname_only_name_matches_full_name() -> None:
    gold = [
        article("s", meeting(person("Saad Eddine El Othmani", "MA", "head_of_government"), CAFIERO))
    ]
    predicted = [article("s", meeting(person("El Othmani", "MA", "head_of_government"), CAFIERO))]
    report = evaluate(gold, predicted)
    assert report.metrics()["overall"] == 1.0
    assert only(report) == ()


def test_null_name_participant() -> None:
    unnamed_un = person(None, None, "org_leader", org="UN")
    faki = person("Moussa Faki Mahamat", None, "org_leader", org="AU")
    gold = [article("u", meeting(unnamed_un, faki))]

    named = [article("u", meeting(person("António Guterres", None, "org_leader", org="UN"), faki))]
    report = evaluate(gold, named)
    assert report.metrics()["participant_f1"] == 1.0
    assert report.metrics()["meeting_f1"] == 1.0

    # A different role breaks the participant match, but the meeting still matches on its two
    # shared sides because one side is unnamed.
    wrong_role = [article("u", meeting(person(None, None, "official", org="UN"), faki))]
    report = evaluate(gold, wrong_role)
    metrics = report.metrics()
    assert metrics["meeting_f1"] == 1.0
    assert metrics["participant_f1"] == 0.5
    assert metrics["country_f1"] == 1.0
    assert "missing participant unnamed org_leader (UN) [gold 1]" in only(report)

    # Without an unnamed participant, one shared participant is not enough for a match.
    named_gold = [
        article("u", meeting(person("António Guterres", None, "org_leader", org="UN"), faki))
    ]
    other = [article("u", meeting(person("Volker Türk", None, "official", org="UN"), faki))]
    assert evaluate(named_gold, other).metrics()["meeting_f1"] == 0.0


def test_multi_meeting_alignment_ignores_order() -> None:
    gold = [GOLD[1]]
    predicted = [article("a2", *reversed(copy.deepcopy(GOLD[1]["meetings"])))]
    report = evaluate(gold, predicted)
    assert report.metrics()["overall"] == 1.0
    assert report.articles[0].meeting_pairs == ((0, 1), (1, 0))


def test_alignment_maximises_participant_overlap() -> None:
    # Greedy in predicted order would pair predicted 1 with gold 1 (2 shared) and leave gold 2
    # unmatched; the optimal assignment matches both meetings.
    third = person("Rafael Grossi", None, "org_leader", org="IAEA")
    gold = [article("m", meeting(BUSTILLO, CAFIERO, LAVROV), meeting(BUSTILLO, CAFIERO, third))]
    predicted = [
        article("m", meeting(BUSTILLO, CAFIERO, third), meeting(BUSTILLO, CAFIERO, LAVROV))
    ]
    report = evaluate(gold, predicted)
    assert report.articles[0].meeting_pairs == ((0, 1), (1, 0))
    assert report.metrics()["participant_f1"] == 1.0


def test_article_with_no_prediction() -> None:
    report = evaluate(GOLD, [copy.deepcopy(GOLD[0])])
    metrics = report.metrics()
    assert metrics["meeting_recall"] == pytest.approx(1 / 3)
    assert metrics["article_recall"] == 0.5
    a2 = report.articles[1]
    assert not a2.has_prediction
    assert a2.problems[0] == "no prediction for this article"
    assert sum(p.startswith("missing meeting") for p in a2.problems) == 2
    assert a2.field("meeting").fn == 2


def test_predicting_nothing_does_not_score_vacuously() -> None:
    report = evaluate(GOLD, [article("a1"), article("a2"), article("a3")])
    metrics = report.metrics()
    assert metrics["date_accuracy"] == 0.0
    assert metrics["role_accuracy"] == 0.0
    assert metrics["topic_f1"] == 0.0
    assert metrics["overall"] == 0.0


def test_false_alarm_article() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted[2]["meetings"] = [meeting(LAVROV, BLINKEN)]
    metrics = evaluate(GOLD, predicted).metrics()
    assert metrics["false_alarm_articles"] == 1.0
    assert metrics["article_precision"] == pytest.approx(2 / 3)
    assert metrics["article_recall"] == 1.0


def test_topics_matched_and_all() -> None:
    gold = [article("t", meeting(BUSTILLO, CAFIERO), meeting(LAVROV, BLINKEN, topics=["security"]))]
    predicted = [article("t", meeting(BUSTILLO, CAFIERO, topics=["trade", "energy"]))]
    report = evaluate(gold, predicted)
    topic, topic_all = report.field("topic"), report.field("topic_all")
    assert (topic.tp, topic.fp, topic.fn) == (1, 1, 1)
    assert (topic_all.tp, topic_all.fp, topic_all.fn) == (1, 1, 2)
    assert "missing topics bilateral_relations [gold 1]" in only(report)
    assert "extra topics energy [gold 1]" in only(report)


@pytest.mark.parametrize("side", ["gold", "predicted"])
def test_duplicate_ids_raise(side: str) -> None:
    records = [article("dup"), article("dup")]
    gold, predicted = (records, []) if side == "gold" else ([article("dup")], records)
    with pytest.raises(InputError, match=r"duplicate .*'dup'"):
        evaluate(gold, predicted)


def test_unknown_predicted_id_raises() -> None:
    with pytest.raises(InputError, match="'zz'"):
        evaluate([article("a")], [article("zz")])


@pytest.mark.parametrize(
    "bad",
    [
        {"meetings": []},
        {"id": "x"},
        {"id": "x", "meetings": [{"participants": "Lavrov"}]},
        {"id": "x", "meetings": [meeting(BUSTILLO, CAFIERO, date=20230317)]},
        {"id": "x", "meetings": [meeting(BUSTILLO, CAFIERO, topics="trade")]},
    ],
)
def test_malformed_records_raise(bad: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        evaluate([bad], [])


def test_to_dict_is_json_serialisable() -> None:
    predicted = [article("a1", meeting(BUSTILLO, LAVROV)), article("a3", meeting(LAVROV, BLINKEN))]
    data = evaluate(GOLD, predicted).to_dict()
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert set(data) == {"metrics", "fields", "articles"}
    assert data["articles"][0]["id"] == "a1"
    assert data["fields"]["role"]["kind"] == "accuracy"


def test_format_table() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted[0]["meetings"][0]["date"] = "2023-03-18"
    report = evaluate(GOLD, predicted)
    table = report.format_table()
    lines = table.splitlines()
    assert lines[0].split() == ["metric", "P", "R", "F1/acc", "counts"]
    assert any(line.split()[:2] == ["date", "0.667"] for line in lines)
    assert any(line.startswith("overall") for line in lines)
    assert "a1" not in table
    detailed = report.format_table(per_article=True)
    assert "a1:\n  - date 2023-03-18 != 2023-03-17 [gold 1]" in detailed
    assert "a3: ok" in detailed


def test_evaluate_parser_calls_predict_with_text_and_published() -> None:
    gold = [
        {**GOLD[0], "text": "Bustillo met Cafiero.", "published": "2023-03-18"},
        {**GOLD[2], "text": "Nothing happened.", "published": None},
    ]
    calls: list[tuple[str, str | None]] = []

    def predict(text: str, published: str | None) -> list[dict[str, Any]]:
        calls.append((text, published))
        return copy.deepcopy(GOLD[0]["meetings"]) if "met" in text else []

    report = evaluate_parser(iter(gold), predict)
    assert calls == [("Bustillo met Cafiero.", "2023-03-18"), ("Nothing happened.", None)]
    assert report.metrics()["overall"] == 1.0


def test_evaluate_parser_rejects_missing_text() -> None:
    with pytest.raises(InputError, match="text"):
        evaluate_parser([GOLD[0]], lambda text, published: [])


def test_field_score_empty_and_partial() -> None:
    empty = FieldScore(name="x", kind="prf")
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)
    nothing_predicted = FieldScore(name="x", kind="prf", fn=3)
    assert (nothing_predicted.precision, nothing_predicted.recall) == (0.0, 0.0)
    partial = FieldScore(name="x", kind="prf", tp=2, fp=2, fn=0)
    assert (partial.precision, partial.recall) == (0.5, 1.0)
    assert partial.f1 == pytest.approx(2 / 3)
    assert FieldScore(name="y", kind="accuracy", correct=3, total=4).accuracy == 0.75


def test_assignment_is_optimal() -> None:
    from diplomodel.evaluation import _assign

    rng = random.Random(7)
    for _ in range(500):
        rows, cols = rng.randint(0, 5), rng.randint(0, 5)
        weights = [[rng.choice([0, 0, 1, 2, 5, 9]) for _ in range(cols)] for _ in range(rows)]
        pairs = _assign(weights)
        assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
        best = 0
        if rows and cols:
            if rows <= cols:
                for perm in itertools.permutations(range(cols), rows):
                    best = max(best, sum(weights[r][perm[r]] for r in range(rows)))
            else:
                for perm in itertools.permutations(range(rows), cols):
                    best = max(best, sum(weights[perm[c]][c] for c in range(cols)))
        assert sum(weights[r][c] for r, c in pairs) == best
