"""
Score predicted meeting records against gold records written in the annotation guidelines' form.

Both sides are plain dicts ``{"id": ..., "meetings": [...]}``; each meeting is in the JSON form of
the guidelines (extra keys are ignored). :func:`evaluate` pairs records by ``id``, aligns
meetings and participants one-to-one inside each article and counts agreements field by field;
:func:`evaluate_parser` runs a prediction function over gold articles first. Every matching rule
is described, with a worked example, in ``docs/evaluation.md``.

>>> gold = [{"id": "a", "meetings": []}]
>>> evaluate(gold, [{"id": "a", "meetings": []}]).metrics()["overall"]
1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from diplomodel.errors import InputError
from diplomodel.text import fold

__all__ = ["ArticleScore", "EvaluationReport", "FieldScore", "evaluate", "evaluate_parser"]

FieldKind = Literal["prf", "accuracy"]

# Report order; "prf" fields count tp/fp/fn, "accuracy" fields count correct/total.
_FIELD_KINDS: dict[str, FieldKind] = {
    "meeting": "prf",
    "participant": "prf",
    "country": "prf",
    "role": "accuracy",
    "date": "accuracy",
    "place": "accuracy",
    "place_country": "accuracy",
    "mode": "accuracy",
    "occasion": "accuracy",
    "occasion_org": "accuracy",
    "topic": "prf",
    "topic_all": "prf",
    "article": "prf",
}

# Fields measured only over aligned items, and the field whose alignment they depend on. When
# nothing was aligned although there was something to align, such a field scores 0.0 rather
# than a vacuous 1.0, so that a parser that predicts nothing cannot score well on it.
_CONDITIONED_ON: dict[str, str] = {
    "role": "participant",
    "date": "meeting",
    "place": "meeting",
    "place_country": "meeting",
    "mode": "meeting",
    "occasion": "meeting",
    "occasion_org": "meeting",
    "topic": "meeting",
}

_OVERALL = (
    ("meeting", "f1"),
    ("participant", "f1"),
    ("country", "f1"),
    ("role", "accuracy"),
    ("date", "accuracy"),
    ("place", "accuracy"),
    ("mode", "accuracy"),
    ("occasion_org", "accuracy"),
    ("topic", "f1"),
)


# ----------------------------------------------------------------------------------------------
# Public result types


@attrs.frozen
class FieldScore:
    """
    Counts for one field and the scores derived from them.

    A ``"prf"`` field counts ``tp``, ``fp`` and ``fn`` and has precision, recall and F1; an
    ``"accuracy"`` field counts ``correct`` out of ``total``. ``empty_value`` is the score when
    there is nothing to count (no tp, fp or fn; or ``total == 0``): 1.0 when the parser had
    nothing to get wrong, 0.0 when the field could not be measured because nothing was aligned.
    """

    name: str
    kind: FieldKind
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    empty_value: float = 1.0

    @property
    def precision(self) -> float:
        """
        ``tp / (tp + fp)``; 0.0 when nothing was predicted but something was expected.
        """
        if self.tp + self.fp + self.fn == 0:
            return self.empty_value
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """
        ``tp / (tp + fn)``; 0.0 when nothing was expected but something was predicted.
        """
        if self.tp + self.fp + self.fn == 0:
            return self.empty_value
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """
        ``2 tp / (2 tp + fp + fn)``, the harmonic mean of precision and recall.
        """
        if self.tp + self.fp + self.fn == 0:
            return self.empty_value
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def accuracy(self) -> float:
        """
        ``correct / total`` (``empty_value`` when ``total == 0``).
        """
        return self.correct / self.total if self.total else self.empty_value

    @property
    def score(self) -> float:
        """
        The headline number: F1 for a ``"prf"`` field, accuracy for an ``"accuracy"`` field.
        """
        return self.f1 if self.kind == "prf" else self.accuracy

    def counts(self) -> str:
        """
        The counts as text: ``"tp=3 fp=1 fn=0"`` or ``"7/9"``.
        """
        if self.kind == "prf":
            return f"tp={self.tp} fp={self.fp} fn={self.fn}"
        return f"{self.correct}/{self.total}"

    def to_dict(self) -> dict[str, Any]:
        """
        The counts and scores as a JSON-serialisable dict.
        """
        if self.kind == "prf":
            return {
                "kind": self.kind,
                "tp": self.tp,
                "fp": self.fp,
                "fn": self.fn,
                "precision": self.precision,
                "recall": self.recall,
                "f1": self.f1,
            }
        return {
            "kind": self.kind,
            "correct": self.correct,
            "total": self.total,
            "accuracy": self.accuracy,
        }


@attrs.frozen
class ArticleScore:
    """
    The evaluation of one article.

    ``fields`` holds one :class:`FieldScore` per field (in report order) for this article
    alone. ``meeting_pairs`` are the aligned meetings as 0-based ``(gold, predicted)`` indices.
    ``problems`` are human-readable differences; values read ``predicted != gold`` and the
    bracketed suffix names the meeting by its 1-based position ("[gold 2]", "[predicted 1]").
    """

    id: str
    fields: tuple[FieldScore, ...]
    problems: tuple[str, ...]
    gold_meetings: int
    predicted_meetings: int
    meeting_pairs: tuple[tuple[int, int], ...]
    has_prediction: bool = True

    def field(self, name: str) -> FieldScore:
        """
        The score of field ``name`` ("meeting", "date", ...); KeyError if there is none.
        """
        for score in self.fields:
            if score.name == name:
                return score
        raise KeyError(name)

    @property
    def ok(self) -> bool:
        """
        True when the prediction agrees with gold on every scored field.
        """
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """
        The article's scores as a JSON-serialisable dict.
        """
        return {
            "id": self.id,
            "has_prediction": self.has_prediction,
            "gold_meetings": self.gold_meetings,
            "predicted_meetings": self.predicted_meetings,
            "meeting_pairs": [list(pair) for pair in self.meeting_pairs],
            "fields": {score.name: score.to_dict() for score in self.fields},
            "problems": list(self.problems),
        }


@attrs.frozen
class EvaluationReport:
    """
    Per-article scores and, summed over all articles (micro-averaged), the headline metrics.
    """

    articles: tuple[ArticleScore, ...]

    def totals(self) -> tuple[FieldScore, ...]:
        """
        One :class:`FieldScore` per field with the counts of every article summed.
        """
        sums: dict[str, Counter[str]] = {name: Counter() for name in _FIELD_KINDS}
        for article in self.articles:
            for score in article.fields:
                sums[score.name].update(
                    tp=score.tp, fp=score.fp, fn=score.fn, correct=score.correct, total=score.total
                )
        return _build_fields(sums)

    def field(self, name: str) -> FieldScore:
        """
        The summed score of field ``name``; KeyError if there is none.
        """
        for score in self.totals():
            if score.name == name:
                return score
        raise KeyError(name)

    def metrics(self) -> dict[str, float]:
        """
        Every headline number, keyed ``<field>_precision|_recall|_f1`` or ``<field>_accuracy``.

        Also ``overall`` (the mean of meeting, participant and country F1, role, date, place,
        mode and occasion_org accuracy and topic F1), ``false_alarm_articles`` and the counts
        ``articles``, ``gold_meetings``, ``predicted_meetings`` and ``matched_meetings``.
        """
        totals = {score.name: score for score in self.totals()}
        out: dict[str, float] = {}
        for name, score in totals.items():
            if score.kind == "prf":
                out[f"{name}_precision"] = score.precision
                out[f"{name}_recall"] = score.recall
                out[f"{name}_f1"] = score.f1
            else:
                out[f"{name}_accuracy"] = score.accuracy
        out["overall"] = math.fsum(out[f"{name}_{kind}"] for name, kind in _OVERALL) / len(_OVERALL)
        out["false_alarm_articles"] = float(totals["article"].fp)
        out["articles"] = float(len(self.articles))
        out["gold_meetings"] = float(sum(a.gold_meetings for a in self.articles))
        out["predicted_meetings"] = float(sum(a.predicted_meetings for a in self.articles))
        out["matched_meetings"] = float(totals["meeting"].tp)
        return out

    def format_table(self, *, per_article: bool = False) -> str:
        """
        An aligned plain-text table of the metrics; with ``per_article`` also every article's id
        followed by its problems (or "ok").
        """
        totals = self.totals()
        metrics = self.metrics()
        header = ("metric", "P", "R", "F1/acc", "counts")
        rows: list[tuple[str, str, str, str, str]] = []
        for score in totals:
            if score.kind == "prf":
                rows.append(
                    (
                        score.name,
                        f"{score.precision:.3f}",
                        f"{score.recall:.3f}",
                        f"{score.f1:.3f}",
                        score.counts(),
                    )
                )
            else:
                rows.append((score.name, "", "", f"{score.accuracy:.3f}", score.counts()))
        rows.append(("overall", "", "", f"{metrics['overall']:.3f}", ""))
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
        lines = []
        for row in [header, *rows]:
            cells = [row[0].ljust(widths[0])]
            cells.extend(row[i].rjust(widths[i]) for i in range(1, 4))
            cells.append(row[4])
            lines.append("  ".join(cells).rstrip())
        lines.append(
            f"articles={len(self.articles)} gold_meetings={int(metrics['gold_meetings'])} "
            f"predicted_meetings={int(metrics['predicted_meetings'])} "
            f"matched_meetings={int(metrics['matched_meetings'])} "
            f"false_alarm_articles={int(metrics['false_alarm_articles'])}"
        )
        if per_article:
            lines.append("")
            for article in self.articles:
                if article.ok:
                    lines.append(f"{article.id}: ok")
                    continue
                lines.append(f"{article.id}:")
                lines.extend(f"  - {problem}" for problem in article.problems)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """
        Metrics, summed field counts and per-article scores as a JSON-serialisable dict.
        """
        return {
            "metrics": self.metrics(),
            "fields": {score.name: score.to_dict() for score in self.totals()},
            "articles": [article.to_dict() for article in self.articles],
        }


# ----------------------------------------------------------------------------------------------
# Entry points


def evaluate(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> EvaluationReport:
    """
    Compare predicted records with gold records, pairing them by ``id``.

    Articles are reported in gold order. A gold record without a prediction counts all its
    meetings as missed.

    Raises:
        InputError: a record is malformed, an id repeats on either side, or a prediction has an
            id that no gold record has.
    """
    gold_records = _index_records(gold, "gold")
    predicted_records = _index_records(predicted, "predicted")
    unknown = [rid for rid in predicted_records if rid not in gold_records]
    if unknown:
        raise InputError(f"predicted record id {unknown[0]!r} has no gold record")
    articles = []
    for rid, gold_meetings in gold_records.items():
        has_prediction = rid in predicted_records
        articles.append(
            _score_article(rid, gold_meetings, predicted_records.get(rid, ()), has_prediction)
        )
    return EvaluationReport(articles=tuple(articles))


def evaluate_parser(
    gold: Iterable[Mapping[str, Any]],
    predict: Callable[[str, str | None], list[dict[str, Any]]],
) -> EvaluationReport:
    """
    Call ``predict(text, published)`` for each gold record and evaluate the meetings it returns.

    ``predict`` must return the article's meetings in the guidelines' JSON form, e.g.
    ``lambda text, published: parse(text, published=published).to_dict()["meetings"]``.

    Raises:
        InputError: a gold record lacks ``text``, ``published`` is not a string or null,
            ``predict`` returns something other than a list, or :func:`evaluate` rejects a
            record.
    """
    gold_list = list(gold)
    predicted: list[dict[str, Any]] = []
    for position, record in enumerate(gold_list):
        if not isinstance(record, Mapping):
            raise InputError(f"gold record {position + 1}: expected a mapping")
        rid = record.get("id")
        text = record.get("text")
        published = record.get("published")
        if not isinstance(text, str):
            raise InputError(f"gold record {rid!r}: text: expected str, got {_type(text)}")
        if published is not None and not isinstance(published, str):
            raise InputError(
                f"gold record {rid!r}: published: expected str or null, got {_type(published)}"
            )
        meetings = predict(text, published)
        if not isinstance(meetings, list):
            raise InputError(f"record {rid!r}: predict returned {_type(meetings)}, expected list")
        predicted.append({"id": rid, "meetings": meetings})
    return evaluate(gold_list, predicted)


# ----------------------------------------------------------------------------------------------
# Normalised records


@attrs.frozen
class _Person:
    name: str | None
    key: tuple[str, ...] | None  # folded name tokens; None when there is no usable name
    side: str | None
    role: str | None

    def describe(self) -> str:
        who = self.name if self.key is not None else f"unnamed {self.role or 'official'}"
        return f"{who} ({self.side or '?'})"


@attrs.frozen
class _Place:
    key: str | None
    country: str | None
    text: str


@attrs.frozen
class _Meeting:
    participants: tuple[_Person, ...]
    date: str | None
    place: _Place | None
    mode: str | None
    occasion: str | None
    occasion_key: str | None
    occasion_org: str | None
    topics: frozenset[str]

    @property
    def sides(self) -> Counter[str]:
        return Counter(p.side for p in self.participants if p.side is not None)

    @property
    def has_unnamed(self) -> bool:
        return any(p.key is None for p in self.participants)

    def describe(self) -> str:
        return ", ".join(p.describe() for p in self.participants) or "no participants"


def _type(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _fold_text(text: str | None) -> tuple[str, ...] | None:
    """
    Folded tokens of a name: casefolded, diacritic-free, dots dropped, other punctuation a space.
    """
    if text is None:
        return None
    folded = fold(text).replace(".", "")
    # Hyphens, commas and the like separate name parts ("Jean-Yves" = "Jean Yves"); apostrophes
    # belong to the word ("O'Brien").
    spaced = "".join(ch if ch.isalnum() or ch == "'" else " " for ch in folded)
    tokens = tuple(spaced.split())
    return tokens or None


def _code(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    return code or None


def _index_records(
    records: Iterable[Mapping[str, Any]], source: str
) -> dict[str, tuple[_Meeting, ...]]:
    indexed: dict[str, tuple[_Meeting, ...]] = {}
    for position, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise InputError(
                f"{source} record {position + 1}: expected a mapping, got {_type(record)}"
            )
        rid = record.get("id")
        if not isinstance(rid, str):
            raise InputError(f"{source} record {position + 1}: id: expected str, got {_type(rid)}")
        if rid in indexed:
            raise InputError(f"duplicate {source} record id {rid!r}")
        meetings = record.get("meetings")
        if not isinstance(meetings, list | tuple):
            raise InputError(
                f"{source} record {rid!r}: meetings: expected a list, got {_type(meetings)}"
            )
        indexed[rid] = tuple(
            _normalise_meeting(meeting, f"{source} record {rid!r}, meeting {n + 1}")
            for n, meeting in enumerate(meetings)
        )
    return indexed


def _optional_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}: {key}: expected str or null, got {_type(value)}")
    return value


def _normalise_meeting(meeting: object, where: str) -> _Meeting:
    # Absent keys count as null, so that a terse prediction is scored rather than rejected;
    # values of the wrong type are rejected because they point at a bug in the producer.
    if not isinstance(meeting, Mapping):
        raise InputError(f"{where}: expected a mapping, got {_type(meeting)}")
    raw_participants = meeting.get("participants") or []
    if not isinstance(raw_participants, list | tuple):
        raise InputError(f"{where}: participants: expected a list, got {_type(raw_participants)}")
    participants = []
    for n, raw in enumerate(raw_participants):
        at = f"{where}, participant {n + 1}"
        if not isinstance(raw, Mapping):
            raise InputError(f"{at}: expected a mapping, got {_type(raw)}")
        name = _optional_str(raw, "name", at)
        side = _code(_optional_str(raw, "country", at)) or _code(_optional_str(raw, "org", at))
        role = _optional_str(raw, "role", at)
        participants.append(_Person(name=name, key=_fold_text(name), side=side, role=role))
    raw_place = meeting.get("place")
    place = None
    if raw_place is not None:
        if not isinstance(raw_place, Mapping):
            raise InputError(f"{where}: place: expected a mapping or null, got {_type(raw_place)}")
        place_name = _optional_str(raw_place, "name", f"{where}, place")
        place_country = _code(_optional_str(raw_place, "country", f"{where}, place"))
        place_key = _fold_text(place_name)
        if place_key is not None or place_country is not None:
            text = f"{place_name} ({place_country})" if place_key else f"({place_country})"
            place = _Place(
                key=" ".join(place_key) if place_key else None, country=place_country, text=text
            )
    raw_topics = meeting.get("topics") or []
    if not isinstance(raw_topics, list | tuple) or not all(isinstance(t, str) for t in raw_topics):
        raise InputError(f"{where}: topics: expected a list of str")
    occasion = _optional_str(meeting, "occasion", where)
    occasion_key = _fold_text(occasion)
    return _Meeting(
        participants=tuple(participants),
        date=_optional_str(meeting, "date", where),
        place=place,
        mode=_optional_str(meeting, "mode", where),
        occasion=occasion,
        occasion_key=" ".join(occasion_key) if occasion_key else None,
        occasion_org=_code(_optional_str(meeting, "occasion_org", where)),
        topics=frozenset(raw_topics),
    )


# ----------------------------------------------------------------------------------------------
# Alignment


def _name_match(gold: _Person, pred: _Person) -> int:
    """
    How strongly two participants are the same person: 0 (not), 1 (weak) to 3 (same name).
    """
    if gold.key is None or pred.key is None:
        same = gold.side is not None and gold.side == pred.side and gold.role == pred.role
        return 1 if same else 0
    if gold.key == pred.key:
        return 3
    gold_tokens, pred_tokens = set(gold.key), set(pred.key)
    if gold_tokens <= pred_tokens or pred_tokens <= gold_tokens:
        return 2
    if gold.key[-1] == pred.key[-1] and gold.side is not None and gold.side == pred.side:
        return 1
    return 0


def _assign(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """
    A one-to-one assignment of rows to columns maximising the summed weight (Hungarian method).

    Returns the ``(row, column)`` pairs of positive weight, sorted. Deterministic: ties are broken
    by row and column order.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    transposed = rows > cols
    # The method below needs no more rows than columns.
    matrix: Sequence[Sequence[int]] = (
        [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    )
    n, m = (cols, rows) if transposed else (rows, cols)
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the 1-based row assigned to column j, 0 when free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                # Costs are negated weights: the method minimises.
                cur = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted((r, c) for r, c in pairs if weights[r][c] > 0)


def _align_participants(gold: _Meeting, pred: _Meeting) -> list[tuple[int, int]]:
    # Quality per pair is at most 3 (name) + 1 (side) + 1 (role); the base outweighs the summed
    # quality of any assignment, so the number of matched people is maximised first.
    base = 5 * min(len(gold.participants), len(pred.participants)) + 1
    weights = []
    for g in gold.participants:
        row = []
        for p in pred.participants:
            strength = _name_match(g, p)
            if strength == 0:
                row.append(0)
            else:
                row.append(base + strength + (g.side == p.side) + (g.role == p.role))
        weights.append(row)
    return _assign(weights)


def _side_overlap(gold: _Meeting, pred: _Meeting) -> int:
    return sum((gold.sides & pred.sides).values())


def _place_equal(gold: _Place | None, pred: _Place | None) -> bool:
    if gold is None or pred is None:
        return gold is pred
    return gold.country == pred.country and gold.key == pred.key


# ----------------------------------------------------------------------------------------------
# Scoring


def _build_fields(sums: Mapping[str, Counter[str]]) -> tuple[FieldScore, ...]:
    def empty_value(name: str) -> float:
        parent = _CONDITIONED_ON.get(name)
        if parent is None:
            return 1.0
        counts = sums[parent]
        nothing_to_align = counts["tp"] + counts["fp"] + counts["fn"] == 0
        return 1.0 if counts["tp"] > 0 or nothing_to_align else 0.0

    return tuple(
        FieldScore(
            name=name,
            kind=kind,
            tp=sums[name]["tp"],
            fp=sums[name]["fp"],
            fn=sums[name]["fn"],
            correct=sums[name]["correct"],
            total=sums[name]["total"],
            empty_value=empty_value(name),
        )
        for name, kind in _FIELD_KINDS.items()
    )


def _show(value: str | None) -> str:
    return "null" if value is None else value


def _score_article(
    rid: str,
    gold: Sequence[_Meeting],
    pred: Sequence[_Meeting],
    has_prediction: bool,
) -> ArticleScore:
    counts: dict[str, Counter[str]] = {name: Counter() for name in _FIELD_KINDS}
    problems: list[str] = []
    if not has_prediction:
        problems.append("no prediction for this article")

    participant_pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    weights: list[list[int]] = []
    k = min(len(gold), len(pred))
    most_sides = max((len(m.participants) for m in (*gold, *pred)), default=0)
    # Lexicographic weight: participant overlap, then side overlap, then agreement on date,
    # place and mode; each multiplier exceeds the largest possible sum of the lower terms.
    attr_base = 3 * k + 1
    side_base = (most_sides * k + 1) * attr_base
    for gi, g in enumerate(gold):
        row = []
        for pi, p in enumerate(pred):
            pairs = _align_participants(g, p)
            participant_pairs[gi, pi] = pairs
            sides = _side_overlap(g, p)
            eligible = len(pairs) >= 2 or ((g.has_unnamed or p.has_unnamed) and sides >= 2)
            if not eligible:
                row.append(0)
                continue
            agree = (g.date == p.date) + _place_equal(g.place, p.place) + (g.mode == p.mode)
            row.append(len(pairs) * side_base + sides * attr_base + agree)
        weights.append(row)
    meeting_pairs = _assign(weights)
    matched_gold = {gi for gi, _ in meeting_pairs}
    matched_pred = {pi for _, pi in meeting_pairs}

    counts["meeting"].update(
        tp=len(meeting_pairs), fp=len(pred) - len(meeting_pairs), fn=len(gold) - len(meeting_pairs)
    )
    counts["article"].update(
        tp=int(bool(gold) and bool(pred)),
        fp=int(not gold and bool(pred)),
        fn=int(bool(gold) and not pred),
    )

    pair_of_gold = dict(meeting_pairs)
    for gi, g in enumerate(gold):
        where = f"[gold {gi + 1}]"
        if gi not in matched_gold:
            problems.append(f"missing meeting: {g.describe()} {where}")
            counts["participant"]["fn"] += len(g.participants)
            counts["country"]["fn"] += sum(g.sides.values())
            counts["topic_all"]["fn"] += len(g.topics)
            continue
        pi = pair_of_gold[gi]
        _score_pair(g, pred[pi], participant_pairs[gi, pi], counts, problems, where)
    for pi, p in enumerate(pred):
        if pi in matched_pred:
            continue
        problems.append(f"extra meeting: {p.describe()} [predicted {pi + 1}]")
        counts["participant"]["fp"] += len(p.participants)
        counts["country"]["fp"] += sum(p.sides.values())
        counts["topic_all"]["fp"] += len(p.topics)

    return ArticleScore(
        id=rid,
        fields=_build_fields(counts),
        problems=tuple(problems),
        gold_meetings=len(gold),
        predicted_meetings=len(pred),
        meeting_pairs=tuple(meeting_pairs),
        has_prediction=has_prediction,
    )


def _score_pair(
    g: _Meeting,
    p: _Meeting,
    pairs: Sequence[tuple[int, int]],
    counts: dict[str, Counter[str]],
    problems: list[str],
    where: str,
) -> None:
    matched_g = {a for a, _ in pairs}
    matched_p = {b for _, b in pairs}
    counts["participant"].update(
        tp=len(pairs),
        fp=len(p.participants) - len(pairs),
        fn=len(g.participants) - len(pairs),
    )
    for a, person in enumerate(g.participants):
        if a not in matched_g:
            problems.append(f"missing participant {person.describe()} {where}")
    for b, person in enumerate(p.participants):
        if b not in matched_p:
            problems.append(f"extra participant {person.describe()} {where}")
    for a, b in pairs:
        gp, pp = g.participants[a], p.participants[b]
        who = gp.name if gp.key is not None else gp.describe()
        counts["role"]["total"] += 1
        if gp.role == pp.role:
            counts["role"]["correct"] += 1
        else:
            problems.append(f"role of {who}: {_show(pp.role)} != {_show(gp.role)} {where}")
        if gp.side != pp.side:
            problems.append(f"country of {who}: {_show(pp.side)} != {_show(gp.side)} {where}")

    shared_sides = sum((g.sides & p.sides).values())
    counts["country"].update(
        tp=shared_sides,
        fp=sum(p.sides.values()) - shared_sides,
        fn=sum(g.sides.values()) - shared_sides,
    )

    def check(name: str, same: bool, pred_text: str, gold_text: str) -> None:
        counts[name]["total"] += 1
        if same:
            counts[name]["correct"] += 1
        else:
            problems.append(f"{name} {pred_text} != {gold_text} {where}")

    check("date", g.date == p.date, _show(p.date), _show(g.date))
    place_same = _place_equal(g.place, p.place)
    gold_country = g.place.country if g.place else None
    pred_country = p.place.country if p.place else None
    counts["place_country"]["total"] += 1
    counts["place_country"]["correct"] += gold_country == pred_country
    check(
        "place",
        place_same,
        p.place.text if p.place else "null",
        g.place.text if g.place else "null",
    )
    check("mode", g.mode == p.mode, _show(p.mode), _show(g.mode))
    check(
        "occasion",
        g.occasion_key == p.occasion_key,
        "null" if p.occasion is None else f'"{p.occasion}"',
        "null" if g.occasion is None else f'"{g.occasion}"',
    )
    check(
        "occasion_org",
        g.occasion_org == p.occasion_org,
        _show(p.occasion_org),
        _show(g.occasion_org),
    )

    shared_topics = len(g.topics & p.topics)
    for name in ("topic", "topic_all"):
        counts[name].update(
            tp=shared_topics,
            fp=len(p.topics) - shared_topics,
            fn=len(g.topics) - shared_topics,
        )
    if g.topics - p.topics:
        problems.append(f"missing topics {', '.join(sorted(g.topics - p.topics))} {where}")
    if p.topics - g.topics:
        problems.append(f"extra topics {', '.join(sorted(p.topics - g.topics))} {where}")
