"""
Metamorphic properties: changes to an article that must not change what the parser reports
(or must change it in a known way).

- appending an unrelated paragraph changes nothing (spans included);
- prefixing a neutral first line (to an article with no dateline) shifts every span by its
  length and changes nothing else;
- NFC vs NFD, straight vs curly quotes and apostrophes, non-breaking spaces and ``\\r\\n`` line
  ends give the same guideline values;
- another name or demonym of the same country ("Turkish" / "Turkey's" / "Türkiye's") gives
  the same country;
- writing the participants in another order gives the same participants.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from _support import assert_invariants, assert_reports, guidelines
from hypothesis import given
from hypothesis import strategies as st

import diplomodel
from diplomodel import render
from diplomodel import strategies as dst
from diplomodel.render import RenderedArticle

NEUTRAL_FIRST_LINES = ["Listen to this article", "Print this page", "Share this story"]


def _without_length(data: Any) -> Any:
    data = dict(data)
    data.pop("length")
    return data


def _shifted(data: Any, offset: int) -> Any:
    """A result's JSON form with every span moved by ``offset`` characters."""
    if isinstance(data, dict):
        if isinstance(data.get("start"), int) and isinstance(data.get("end"), int):
            return {**data, "start": data["start"] + offset, "end": data["end"] + offset}
        return {k: _shifted(v, offset) for k, v in data.items()}
    if isinstance(data, list):
        return [_shifted(v, offset) for v in data]
    return data


def _parse(text: str, article: RenderedArticle) -> diplomodel.ArticleResult:
    return diplomodel.parse(text, published=article.published)


@given(dst.rendered_articles(), st.sampled_from(render.templates().unrelated_paragraphs))
def test_appending_an_unrelated_paragraph_changes_nothing(
    article: RenderedArticle, paragraph: str
) -> None:
    """News appended after the article leaves every meeting, official and span as it was."""
    before = _parse(article.text, article).to_dict()
    after = _parse(article.text + "\n\n" + paragraph, article).to_dict()
    assert _without_length(after) == _without_length(before)


@given(dst.rendered_articles(datelines=False), st.sampled_from(NEUTRAL_FIRST_LINES))
def test_a_first_line_shifts_every_span(article: RenderedArticle, line: str) -> None:
    """A neutral first line moves every span by its length and changes nothing else."""
    prefix = line + "\n\n"
    before = _parse(article.text, article).to_dict()
    after = _parse(prefix + article.text, article).to_dict()
    assert after["length"] == before["length"] + len(prefix)
    assert _without_length(after) == _shifted(_without_length(before), len(prefix))


def _same_guidelines(article: RenderedArticle, variant: str) -> None:
    before = _parse(article.text, article)
    after = _parse(variant, article)
    assert_invariants(variant, after)
    assert guidelines(after.meetings) == guidelines(before.meetings), (article.text, variant)


@given(dst.rendered_articles())
def test_nfd_reads_like_nfc(article: RenderedArticle) -> None:
    """Decomposed accents (NFD) read as the composed ones (NFC)."""
    nfc = unicodedata.normalize("NFC", article.text)
    assert nfc == article.text
    _same_guidelines(article, unicodedata.normalize("NFD", article.text))


@given(dst.rendered_articles())
def test_curly_quotes_read_like_straight_ones(article: RenderedArticle) -> None:
    """Curly apostrophes and quotes read as straight ones ("Turkey’s", "O’Kelran")."""
    curly = article.text.replace("'", "\u2019")
    _same_guidelines(article, curly)


@given(dst.rendered_articles())
def test_crlf_line_ends_read_like_lf(article: RenderedArticle) -> None:
    """Windows line ends read as Unix ones."""
    _same_guidelines(article, article.text.replace("\n", "\r\n"))


@given(dst.rendered_articles(), st.data())
def test_non_breaking_spaces_read_like_spaces(article: RenderedArticle, data: Any) -> None:
    """Non-breaking spaces, wherever they stand, read as spaces."""
    parts = article.text.split(" ")
    flags = data.draw(st.lists(st.booleans(), min_size=len(parts) - 1, max_size=len(parts) - 1))
    text = parts[0] + "".join(
        ("\u00a0" if nb else " ") + part for nb, part in zip(flags, parts[1:], strict=True)
    )
    _same_guidelines(article, text)


@given(dst.rendered_articles(), st.data())
def test_other_names_of_a_country_give_the_same_country(
    article: RenderedArticle, data: Any
) -> None:
    """Another demonym or name of a participant's country ("Azeri"/"Azerbaijani", "Turkey's"/
    "Türkiye's"/"Turkish") reports the same meetings."""
    variant = render.render(render.vary_country_forms(article.plan, dst.DrawChooser(data.draw)))
    assert variant.expected == article.expected
    _same_guidelines(article, variant.text)
    assert_reports(variant.text, variant.expected, variant.published)


@given(dst.rendered_articles(), st.data())
def test_participant_order_does_not_matter(article: RenderedArticle, data: Any) -> None:
    """Writing each meeting's participants in another order reports the same participants."""
    variant = render.render(render.reorder_participants(article.plan, dst.DrawChooser(data.draw)))
    assert guidelines(variant.expected) == guidelines(article.expected)
    _same_guidelines(article, variant.text)
    assert_reports(variant.text, variant.expected, variant.published)
