"""
The renderer's data (``diplomodel/data/templates.toml``) against the parser's lexicons, through
the public ``parse``: every city, venue, occasion, topic phrase, country form and title reads
as the renderer says it does, and every fixed sentence is neutral. A lexicon change that would
make the renderer's expectations wrong fails here first, naming the entry.
"""

from __future__ import annotations

import pytest
from _support import guidelines, norm

import diplomodel
from diplomodel import render
from diplomodel.rules import default_rulebook
from diplomodel.text import key_of

DATA = render.templates()
LEAD = "Turkish Foreign Minister Arvid Kelmoran met Azerbaijani Foreign Minister Sevrin Velindor"
BASE = f"{LEAD} in Baku on 3 March 2024."


def only_meeting(text: str) -> diplomodel.Meeting:
    result = diplomodel.parse(text)
    assert len(result.meetings) == 1, (text, result.meetings)
    return result.meetings[0]


@pytest.mark.parametrize(("city", "code"), DATA.all_cities())
def test_cities(city: str, code: str) -> None:
    """Each city is the place of a meeting "in CITY", with its country."""
    place = only_meeting(f"{LEAD} in {city} on 3 March 2024.").place
    assert place is not None
    assert (norm(place.name), place.country.alpha2) == (city, code)


@pytest.mark.parametrize(("venue", "city", "code"), DATA.venues)
def test_venues(venue: str, city: str, code: str) -> None:
    """Each venue gives its city."""
    place = only_meeting(f"{LEAD} at the {venue} on 3 March 2024.").place
    assert place is not None and (place.name, place.country.alpha2) == (city, code)


@pytest.mark.parametrize(("term", "org"), DATA.occasions)
def test_occasions(term: str, org: str | None) -> None:
    """Each occasion is read whole, with its organisation, and names no place."""
    m = only_meeting(f"{LEAD} on the sidelines of the {term} in Baku on 3 March 2024.")
    assert m.occasion is not None and norm(m.occasion.name) == term
    assert (m.occasion.org.acronym if m.occasion.org else None) == org
    assert m.place is not None and m.place.name == "Baku"
    assert m.topics == ()


TOPIC_PHRASES = [(code, phrase) for code, phrases in DATA.topics.items() for phrase in phrases]


@pytest.mark.parametrize(("code", "phrase"), TOPIC_PHRASES)
def test_topic_phrases(code: str, phrase: str) -> None:
    """Each topic phrase signals exactly its own topic."""
    m = only_meeting(f"{BASE} They discussed {phrase}.")
    assert [t.code for t in m.topics] == [code]


def test_topic_phrases_do_not_merge_across_and() -> None:
    """No lexicon term spans "X and Y" for two phrases X and Y ("oil and gas")."""
    terms = [key_of(t) for lexicon in default_rulebook().topics for t in lexicon.terms]
    joined = [t.split(" and ") for t in terms if " and " in t]
    phrases = [key_of(p) for _, p in TOPIC_PHRASES]
    for left, right in (pair for pair in joined if len(pair) == 2):
        ends = [p for p in phrases if p.endswith(left) or left.endswith(p)]
        starts = [p for p in phrases if p.startswith(right) or right.startswith(p)]
        assert not (ends and starts), (left, right, ends, starts)


def test_every_topic_code_has_phrases() -> None:
    """The renderer can write every topic of the guidelines."""
    assert set(DATA.topics) == {t.code for t in default_rulebook().topics}


COUNTRY_FORMS = [
    (forms.code, style, surface)
    for forms in DATA.countries.values()
    for style, surfaces in (
        ("adjective", forms.adjectives),
        ("possessive", forms.possessives),
        ("of", forms.nouns),
    )
    for surface in surfaces
]


@pytest.mark.parametrize(("code", "style", "surface"), COUNTRY_FORMS)
def test_country_forms(code: str, style: str, surface: str) -> None:
    """Each demonym and name of a country gives that country's official."""
    other = (
        "Sevrin Velindor, the Foreign Minister of Mongolia,"
        if code != "MN"
        else ("Sevrin Velindor, the Foreign Minister of Peru,")
    )
    subject = {
        "adjective": f"{surface} Foreign Minister Arvid Kelmoran",
        "possessive": f"{surface}'s Foreign Minister Arvid Kelmoran",
        "of": f"The Foreign Minister of {surface}, Arvid Kelmoran,",
    }[style]
    m = only_meeting(f"{subject} met {other} on 3 March 2024.")
    sides = {p.name: p.side for p in m.participants}
    assert sides["Arvid Kelmoran"] == code


TITLES = [
    (forms.role, term, sorted(forms.countries)[0] if forms.countries else "PE")
    for forms in DATA.titles
    for term in forms.terms
]


@pytest.mark.parametrize(("role", "term", "code"), TITLES)
def test_titles(role: diplomodel.Role, term: str, code: str) -> None:
    """Each title gives its role (for a country whose officials bear it)."""
    forms = DATA.countries[code]
    m = only_meeting(
        f"{term} Arvid Kelmoran of {forms.nouns[0]} met Mongolian Foreign Minister Sevrin "
        "Velindor in Ulan Bator on 3 March 2024."
    )
    people = {p.name: p for p in m.participants}
    assert people["Arvid Kelmoran"].role is role
    assert people["Arvid Kelmoran"].side == code


ORG_TITLES = [(forms.role, forms.org, term) for forms in DATA.org_titles for term in forms.terms]


@pytest.mark.parametrize(("role", "org", "term"), ORG_TITLES)
def test_organisation_titles(role: diplomodel.Role, org: str, term: str) -> None:
    """Each organisation title gives its role and organisation."""
    m = only_meeting(f"{term} Arvid Kelmoran met Mongolian Foreign Minister Sevrin Velindor.")
    people = {p.name: p for p in m.participants}
    assert (people["Arvid Kelmoran"].role, people["Arvid Kelmoran"].side) == (role, org)
    assert m.topics == ()


def _neutral_sentences() -> list[str]:
    values = {"s0": "Kelmoran", "s1": "Velindor", "country": "Peru", "city": "Lima"}
    values.update(year="2015", weekday="Monday", topics="")
    found = list(DATA.unrelated_paragraphs)
    for t in (*DATA.followups, *DATA.distractors):
        if t.fields & {"new0", "new1", "topics"}:
            continue
        found.append(t.text.format(**values))
    return found


@pytest.mark.parametrize("sentence", _neutral_sentences())
def test_fixed_sentences_are_neutral(sentence: str) -> None:
    """A follow-up or distractor sentence after a meeting changes none of its fields."""
    base = f"{BASE} They discussed trade."
    before = diplomodel.parse(base)
    after = diplomodel.parse(f"{base} {sentence}")
    assert guidelines(after.meetings) == guidelines(before.meetings), sentence
    assert diplomodel.parse(sentence).meetings == ()


@pytest.mark.parametrize("agency", sorted({f.agency for f in DATA.countries.values()}))
def test_agencies_are_neutral(agency: str) -> None:
    """An agency in a dateline is no official, place or organisation of the article."""
    result = diplomodel.parse(f"LIMA ({agency}) – {BASE}")
    assert result.dateline is not None
    assert len(result.meetings) == 1
    assert {o.name for o in result.officials} == {"Arvid Kelmoran", "Sevrin Velindor"}
    assert result.meetings[0].topics == ()


def test_template_fields_are_known() -> None:
    """Templates use only the placeholders the renderer fills."""
    known = {
        "a", "b", "rest", "all", "plural", "plural_rest", "place", "Place", "date", "Date",
        "occasion", "topics", "s0", "s1", "new0", "new1", "country", "city", "year", "weekday",
        "pronoun",
    }  # fmt: skip
    for section in (DATA.leads, DATA.further, DATA.topic_sentences, DATA.followups,
                    DATA.distractors, DATA.headlines):  # fmt: skip
        for t in section:
            assert t.fields <= known, (t.id, t.fields - known)
    for t in DATA.datelines:
        assert t.fields <= {"city", "day", "month", "mon", "year", "agency"}, t.id
