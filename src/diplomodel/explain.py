"""
What the parser found and decided for one article (``Parser.explain``), for rule authors.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from diplomodel.model import ArticleResult

__all__ = ["Explanation"]


@attrs.frozen
class Explanation:
    """
    The parse result and the ordered record of decisions that led to it.

    Each event is a dict with an ``event`` name ("lexicon hit", "official", "meeting phrase
    ruled out", "meeting frame", "side from context", "rule fired") and its details.
    """

    result: ArticleResult
    events: tuple[dict[str, object], ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"events": [...], "result": ArticleResult.to_dict()}``."""
        return {"events": [dict(e) for e in self.events], "result": self.result.to_dict()}

    def format(self) -> str:
        """A readable report, one section per kind of event, then the meetings found."""
        sections: dict[str, list[str]] = {}
        for event in self.events:
            name = str(event["event"])
            details = ", ".join(
                f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in event.items() if k != "event"
            )
            sections.setdefault(name, []).append(f"  - {details}")
        lines: list[str] = []
        for name, items in sections.items():
            lines.append(f"{name} ({len(items)}):")
            lines.extend(items)
        lines.append(f"meetings ({len(self.result.meetings)}):")
        for m in self.result.meetings:
            people = "; ".join(
                f"{p.name or 'unnamed'} ({p.side}, {p.role.value})" for p in m.participants
            )
            place = f"{m.place.name or ''} ({m.place.country.alpha2})" if m.place else "-"
            lines.append(
                f"  - {people} | {m.mode.value} | date {m.date.iso if m.date else '-'} | "
                f"place {place} | occasion {m.occasion.name if m.occasion else '-'} | "
                f"topics {', '.join(t.code for t in m.topics) or '-'}"
            )
        return "\n".join(lines)
