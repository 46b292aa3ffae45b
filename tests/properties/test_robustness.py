"""
Robustness and output invariants: parse never raises on any str, and whatever it returns is a
valid ArticleResult whose JSON validates against the shipped schema and whose spans, dates,
codes and participants obey the invariants of ``_support.assert_invariants``. Checked on
random Unicode (all categories, lone surrogates, control characters, lone combining marks),
on text assembled from fragments the parser reacts to, on rendered articles (including the
hard templates) and on a few large inputs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from _support import assert_invariants, assert_valid_json
from hypothesis import example, given
from hypothesis import strategies as st

import diplomodel
from diplomodel import strategies as dst
from diplomodel.model import ArticleResult
from diplomodel.render import RenderedArticle

# Every Unicode category, lone surrogates (Cs) included.
any_char = st.characters(codec=None, exclude_categories=())
odd_chars = st.sampled_from(
    [
        "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u0301", "\u0308", "\u0327", "\u200b",
        "\u200d", "\u200e", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\U0001f600",
        "\r", "\n", "\t", "\u00a0", "\u3000", "ı", "İ", "ß", "ﬁ", "Ⅻ", "\u0130\u0307",
    ]
)  # fmt: skip
fragments = st.sampled_from(
    [
        "Lodz, 1 December 2022 (TDI): ", "BEIJING, Nov. 9 (Xinhua) -- ", "ANKARA (AA) – ",
        "WASHINGTON — ", "NEW DELHI: ", "Turkish Foreign Minister ", "Arvid Kelmoran",
        "Sevrin Velindor", "Kelmoran", " met with ", " held talks with ", " spoke by phone ",
        " held a video call with ", " his counterpart ", ", Foreign Minister of Turkey, ",
        "the Emir of Qatar", "UN Secretary-General ", "Turkey's ", " and ", ", ",
        " on the sidelines of the OSCE Ministerial Council", " in Lodz", " on Thursday",
        " on 31 February 2023", " on 29 February 2024", " yesterday", "earlier this month",
        " discussed trade and energy", ". ", "\n\n", " will visit ", " last met in 2019",
        " also met ", "Separately, ", "(", ")", '"', "'s", "’", "-", "O'", "de ", "bin ",
        "Mr. ", "H.E. ", "U.S. ", "9999", "0", "May", "March", "Sunday", "The meeting",
    ]
)  # fmt: skip
assembled = st.lists(
    st.one_of(fragments, fragments, st.text(any_char, max_size=5), odd_chars), max_size=60
).map("".join)


def check(text: str, published: dt.date | None = None) -> ArticleResult:
    result = diplomodel.parse(text, published=published)
    assert isinstance(result, ArticleResult)
    assert_invariants(text, result)
    assert_valid_json(result)
    assert ArticleResult.from_dict(result.to_dict()) == result
    return result


@given(st.text(any_char), st.none() | st.dates())
def test_any_unicode_text(text: str, published: dt.date | None) -> None:
    """Any str, lone surrogates and control characters included."""
    check(text, published)


@example(" on 31 February 2023", None)  # found by this test: a crash (ValueError)
@given(assembled, st.none() | st.dates())
def test_assembled_fragments(text: str, published: dt.date | None) -> None:
    """Datelines, titles, names, meeting phrases and dates in random order and odd company."""
    check(text, published)


@given(dst.rendered_articles(include_hard=True))
def test_rendered_articles_obey_the_invariants(article: RenderedArticle) -> None:
    """Rendered articles (hard templates too) give valid output, whether or not it is right."""
    check(article.text, article.published)


@given(dst.rendered_articles(), st.lists(st.tuples(st.integers(0, 10_000), odd_chars)))
def test_rendered_articles_with_odd_characters(
    article: RenderedArticle, insertions: list[tuple[int, str]]
) -> None:
    """Rendered articles with control characters, surrogates and marks inserted anywhere."""
    text = article.text
    for position, char in insertions:
        at = position % (len(text) + 1)
        text = text[:at] + char + text[at:]
    check(text, article.published)


ARTICLE = (
    "Lodz, 1 December 2022 (TDI): Turkish Foreign Minister Arvid Kelmoran met with his "
    "Azerbaijani counterpart Sevrin Velindor on the sidelines of the OSCE Ministerial Council "
    "in Lodz. The two sides discussed trade and energy cooperation.\n\n"
)
LARGE = {
    # 300 kB keeps the suite quick; the time is linear in the size (docs/testing.md).
    "repeated-article-300kB": ARTICLE * (300_000 // len(ARTICLE)),
    "one-line-without-spaces": "Kelmoran" * 50_000,
    "combining-marks": "a" + "\u0301" * 100_000,
    "newlines": "\n" * 100_000 + ARTICLE,
    "nested-parentheses": "(" * 20_000 + ARTICLE + ")" * 20_000,
    "capitalised-words": " ".join(["Arvid", "Kelmoran", "Minister"] * 30_000),
    "long-dateline-line": "LODZ" + " LODZ" * 30_000 + ": " + ARTICLE,
    "surrogates-and-controls": ("\ud800\x00\u2028" * 30_000) + ARTICLE,
}


@pytest.mark.parametrize("name", sorted(LARGE))
def test_large_inputs(name: str) -> None:
    """A few large inputs (rather than generating megabytes): valid output, linear time."""
    check(LARGE[name])


@pytest.mark.parametrize(
    "text", [" on 31 February 2023", "Published 31 February 2023", "31 April 2023"]
)
def test_impossible_dates_do_not_crash(text: str) -> None:
    """A short line with an impossible date is no page date (it raised ValueError)."""
    check(text)


def test_non_str_input_is_rejected_with_input_error() -> None:
    """Anything but a str is an InputError, not a crash."""
    for bad in (None, b"bytes", 42, ["text"]):
        with pytest.raises(diplomodel.InputError):
            diplomodel.parse(bad)  # type: ignore[arg-type]


# Found by long runs of the properties above; kept as plain tests.
FOUND = {
    # a NUL between an office and its name: the name before it is another side's official's
    "nul-after-title": (
        "YEREVAN \u2014 Armenian Vice President Arvid Kelran, Angolan President\x00 Armas "
        "Kellin, Vice President Arlan Kelevic of Argentina and President Arven Veldor of "
        "Austria held talks via videoconference on 1 January 2015.",
        None,
    ),
    # a year-less dateline date before 1900
    "dateline-before-1900": ("BEIJING, Nov. 9 (Xinhua) -- ", dt.date(1900, 1, 1)),
}


@pytest.mark.parametrize(("text", "published"), FOUND.values(), ids=FOUND.keys())
def test_found_inputs(text: str, published: dt.date | None) -> None:
    """Inputs that once broke an invariant."""
    check(text, published)
