"""
diplomodel-arctic: an example diplomodel rule pack for Arctic diplomacy.

Installing it changes nothing; enable it by name::

    diplomodel parse --pack arctic article.txt

or in Python::

    from diplomodel.engine import Parser
    from diplomodel.plugins import apply_packs
    from diplomodel.rules import default_rulebook

    parser = Parser(apply_packs(default_rulebook(), ["arctic"]))

The word lists live in ``arctic.toml`` (diplomodel's rule-file schema); the one rule that a
word list cannot express is written in code below.
"""

from __future__ import annotations

from importlib.resources import as_file, files

import attrs

from diplomodel.model import Meeting, Span, Topic, TopicEvidence
from diplomodel.rules import Rule, Rulebook, RuleContext

__all__ = ["ARCTIC", "ICEBREAKER_RULE", "rulepack"]

__version__ = "0.1.0"

ARCTIC = Topic("arctic", "Arctic")


def _add_arctic_topic(ctx: RuleContext) -> Meeting | None:
    """The meeting with the topic "arctic" (evidence: the match), or None if it has it."""
    meeting: Meeting = ctx.meeting
    if any(topic.code == ARCTIC.code for topic in meeting.topics):
        return None
    evidence = TopicEvidence(ARCTIC.code, (Span.of(ctx.text, ctx.match.start(), ctx.match.end()),))
    return attrs.evolve(
        meeting,
        topics=(*meeting.topics, ARCTIC),
        topic_evidence=(*meeting.topic_evidence, evidence),
    )


ICEBREAKER_RULE = Rule(
    id="arctic.icebreakers",
    target="meeting",
    pattern=r"(?i)\bice[\s-]?breakers?\b",
    produce=_add_arctic_topic,
    description="A meeting that mentions icebreakers is about the Arctic.",
)


def rulepack(base: Rulebook) -> Rulebook:
    """
    The entry point: ``base`` plus the word lists of ``arctic.toml`` and the icebreaker rule.
    """
    with as_file(files(__name__) / "arctic.toml") as path:
        book = base.with_file(path)
    return book.with_rules(ICEBREAKER_RULE)
