"""
The per-article working state shared by the extractors (one instance per ``parse`` call).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any

from diplomodel.compiled import CompiledRulebook, PlaceRef
from diplomodel.dates import DatelineInfo
from diplomodel.matcher import Hit, longest_first
from diplomodel.rules import CountryName, MeetingPhrase, OrgEntry, TitleEntry
from diplomodel.text import Token, sentence_bounds, tokenize

__all__ = ["Article"]


class Article:
    """
    Tokens, sentences and every lexicon hit of one article, with offsets into its text.
    """

    def __init__(
        self,
        text: str,
        book: CompiledRulebook,
        published: dt.date | None,
        dateline: DatelineInfo | None,
    ) -> None:
        self.text = text
        self.book = book
        self.published = published
        self.dateline = dateline
        self.reference: dt.date | None = dateline.date if dateline and dateline.date else published
        self.trace: list[dict[str, object]] | None = None
        self.tokens: list[Token] = tokenize(text)
        self.sentences: list[tuple[int, int]] = sentence_bounds(self.tokens)
        self._sentence_starts = [s for s, _ in self.sentences]
        tokens = self.tokens
        by_kind: dict[str, list[Hit[Any]]] = {}
        for hit in book.lexicon.find_all(tokens):
            name, value = hit.entry
            by_kind.setdefault(name, []).append(Hit(hit.start, hit.end, value))

        def kind(name: str) -> list[Hit[Any]]:
            return longest_first(by_kind.get(name, []))

        blocked = by_kind.get("blocker", [])
        self.titles: list[Hit[TitleEntry]] = kind("title")
        self.countries: list[Hit[CountryName]] = [
            h
            for h in kind("country")
            if not any(
                b.start <= h.start and h.end <= b.end and b.end - b.start > h.end - h.start
                for b in blocked
            )
        ]
        self.orgs: list[Hit[OrgEntry]] = kind("org")
        self.places: list[Hit[PlaceRef]] = kind("place")
        self.topics: list[Hit[str]] = kind("topic")
        self.phrases: list[Hit[MeetingPhrase]] = kind("phrase")
        self.events: list[Hit[str | None]] = kind("event")
        self.cues: list[Hit[str]] = kind("cue")
        self._resolve_overlaps()
        self.title_at = {h.start: h for h in self.titles}
        self.country_at = {h.start: h for h in self.countries}
        self.org_at = {h.start: h for h in self.orgs}
        self.place_at = {h.start: h for h in self.places}

    def _resolve_overlaps(self) -> None:
        # A title that contains an organisation or country ("European Commission President",
        # "UN Secretary-General") keeps it as its affiliation, so drop the inner name hit only
        # when the title is longer; a country name beats a shorter place inside it and vice
        # versa ("Mexico City" is a place, "Papua New Guinea" a country).
        def spans(hits: list[Hit[Any]]) -> list[tuple[int, int]]:
            return [(h.start, h.end) for h in hits]

        def covered(hit: Hit[Any], others: list[tuple[int, int]]) -> bool:
            return any(
                s <= hit.start and hit.end <= e and (e - s) > (hit.end - hit.start)
                for s, e in others
            )

        names = spans(self.countries) + spans(self.orgs)
        places = spans(self.places)
        self.places = [p for p in self.places if not covered(p, names)]
        # "Kazakh" is a demonym, not the town of that name.
        demonyms = {(h.start, h.end) for h in self.countries if h.entry.kind == "demonym"}
        self.places = [p for p in self.places if (p.start, p.end) not in demonyms]
        self.countries = [c for c in self.countries if not covered(c, places + spans(self.orgs))]
        self.orgs = [o for o in self.orgs if not covered(o, spans(self.titles))]
        # "Security" in "Organization for Security and Co-operation in Europe" is not a topic.
        names_and_titles = spans(self.orgs) + spans(self.titles) + spans(self.events)
        self.topics = [
            t for t in self.topics
            if not any(s <= t.start and t.end <= e for s, e in names_and_titles)
        ]  # fmt: skip

    def on(self, rule_id: str) -> bool:
        """
        Whether a built-in rule is active in this article's rulebook.
        """
        return self.book.rulebook.enabled(rule_id)

    def note(self, event: str, **details: object) -> None:
        """
        Record a decision for ``explain`` (a no-op unless the article is being explained).
        """
        if self.trace is not None:
            self.trace.append({"event": event, **details})

    def sentence_of(self, token_index: int) -> int:
        """
        The index of the sentence that holds a token.
        """
        return bisect_right(self._sentence_starts, token_index) - 1

    def surface(self, start: int, end: int) -> str:
        """
        The original text of tokens ``[start, end)``.
        """
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]
