"""
Tokens with offsets into the original string, key folding and sentence bounds.
"""

# The attrs style puts the expected value first: ``assert expected == actual``.
# ruff: noqa: SIM300

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from diplomodel.text import _TOKEN, fold, key_of, phrase_key, sentence_bounds, tokenize

SAMPLES = [
    "Lodz, 1 December 2022 (TDI): The Foreign Minister of Azerbaijan met Turkiye\u2019s FM.",
    "Mevlu\u0308t C\u0327avus\u0327og\u0306lu met the U.S. envoy.",
    "O'Brien and O\u2019Neill spoke to the U.N. Secretary-General on Nov. 9.",
    "\u201cWe agreed,\u201d said Dr. J. Smith \u2014 the talks\u2019 host.\r\nNext line\u2028more",
    "  \t leading spaces, emoji \U0001f600 and \u00e6\u00f8\u00e5 letters ",
    "",
]


# Characters and pieces that exercise every token kind and every kind of gap.
_TRICKY_PIECES = [
    *"aZ\u00e9\u00df1 .,'\u2019_-\n\r\t\u00a0\u2028\u0301\u200b",
    "U.S.",
    "'s",
    "\u2019s",
    " _ ",
]


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def sentences(text: str) -> list[str]:
    """The text of every sentence, from the first token's start to the last token's end."""
    tokens = tokenize(text)
    return [text[tokens[i].start : tokens[j - 1].end] for i, j in sentence_bounds(tokens)]


class TestTokenize:
    @pytest.mark.parametrize("text", SAMPLES)
    def test_offsets_slice_the_original(self, text: str) -> None:
        """text[t.start:t.end] == t.text for every token."""
        assert [] == [t for t in tokenize(text) if text[t.start : t.end] != t.text]

    @pytest.mark.parametrize("text", SAMPLES)
    def test_gaps_rebuild_the_text(self, text: str) -> None:
        """Gaps and token texts together rebuild the text up to the last token."""
        tokens = tokenize(text)
        rebuilt = "".join(t.gap + t.text for t in tokens)

        assert text[: tokens[-1].end if tokens else 0] == rebuilt

    def test_nfd_combining_mark_in_one_word(self) -> None:
        """An NFD name tokenizes as one word whose key equals the NFC name's key."""
        (token,) = tokenize("Mevlu\u0308t")

        assert ("Mevlu\u0308t", "word", fold("Mevl\u00fct")) == (token.text, token.kind, token.key)

    def test_nfd_and_nfc_give_the_same_keys(self) -> None:
        """NFD and NFC forms of a text give the same token keys."""
        nfc = "\u00c7avu\u015fo\u011flu met Mevl\u00fct in \u0141\u00f3d\u017a"
        nfd = unicodedata.normalize("NFD", nfc)

        assert [t.key for t in tokenize(nfc)] == [t.key for t in tokenize(nfd)]

    def test_curly_possessive_split(self) -> None:
        """Curly "’s" is a possessive token after the word."""
        text = "Turkiye\u2019s minister"

        assert [("Turkiye", "word"), ("\u2019s", "poss"), ("minister", "word")] == [
            (t.text, t.kind) for t in tokenize(text)
        ]

    def test_straight_possessive_split(self) -> None:
        """Straight "'s" is a possessive token too, with key "'s"."""
        tokens = tokenize("Turkiye's")

        assert [("Turkiye", "turkiye"), ("'s", "'s")] == [(t.text, t.key) for t in tokens]

    def test_curly_possessive_key(self) -> None:
        """A curly possessive's key uses the straight apostrophe."""
        assert "'s" == tokenize("Aliyev\u2019s")[1].key

    def test_abbreviation(self) -> None:
        """'U.S.' is one token with key 'us'."""
        (token,) = tokenize("U.S.")

        assert ("U.S.", "us", "abbr", True) == (token.text, token.key, token.kind, token.is_word)

    def test_abbreviation_in_a_sentence(self) -> None:
        """'the U.S. envoy' keeps 'U.S.' whole."""
        assert ["the", "U.S.", "envoy"] == texts("the U.S. envoy")

    def test_abbreviation_before_hyphen(self) -> None:
        """'U.S.-Russia' is the abbreviation, a hyphen and a word."""
        assert ["U.S.", "-", "Russia"] == texts("U.S.-Russia")

    def test_apostrophe_inside_name(self) -> None:
        """O'Brien is one word."""
        (token,) = tokenize("O'Brien")

        assert ("O'Brien", "o'brien", "word") == (token.text, token.key, token.kind)

    def test_curly_apostrophe_inside_name(self) -> None:
        """O’Brien is one word with the straight apostrophe in its key."""
        (token,) = tokenize("O\u2019Brien")

        assert ("O\u2019Brien", "o'brien") == (token.text, token.key)

    def test_possessive_of_name_with_apostrophe(self) -> None:
        """O’Brien’s is the name and a possessive."""
        assert ["O\u2019Brien", "\u2019s"] == texts("O\u2019Brien\u2019s")

    def test_apostrophe_s_inside_a_word(self) -> None:
        """An apostrophe followed by 's' and more letters stays inside the word."""
        assert ["D'souza"] == texts("D'souza")

    def test_hyphen_is_punctuation(self) -> None:
        """'Secretary-General' is two words and a hyphen, the second marked as joined."""
        tokens = tokenize("Secretary-General")

        assert (["Secretary", "-", "General"], ["", "", ""]) == (
            [t.text for t in tokens],
            [t.gap for t in tokens],
        )

    def test_period_is_punctuation(self) -> None:
        """A full stop after a word is a separate punctuation token."""
        assert [("met", "word"), (".", "punct")] == [(t.text, t.kind) for t in tokenize("met.")]

    def test_gap_and_newline(self) -> None:
        """Gaps keep the original white space and mark line breaks."""
        tokens = tokenize("one two\n three")

        assert (["", " ", "\n "], [False, False, True]) == (
            [t.gap for t in tokens],
            [t.newline_before for t in tokens],
        )

    def test_is_capitalized(self) -> None:
        """Only words starting with an upper-case letter are capitalized."""
        assert [True, False, False, True] == [
            t.is_capitalized for t in tokenize("Ankara said , \u00c7avu\u015fo\u011flu")
        ]

    def test_numbers_are_words(self) -> None:
        """Digits form word tokens."""
        assert [("1", "word"), ("December", "word"), ("2022", "word")] == [
            (t.text, t.kind) for t in tokenize("1 December 2022")
        ]

    def test_empty(self) -> None:
        """An empty text has no tokens."""
        assert [] == tokenize("")

    @given(st.lists(st.sampled_from(_TRICKY_PIECES), max_size=40).map("".join))
    @example("Talks_ \n _")  # a word may end in an underscore; lone ones are gaps
    @example("a" + " _" * 50)
    @example("\u0301 x\u2028y\u200bz")
    def test_tokens_are_the_token_pattern_matches(self, text: str) -> None:
        """
        Each token is one match of the documented token pattern, in order, with the text
        between it and the previous token as its gap.
        """
        expected = []
        last = 0
        for m in _TOKEN.finditer(text):
            gap = text[last : m.start()]
            newline = any(c in gap for c in "\n\r\u2028")
            expected.append((m.start(), m.end(), m.group(), m.lastgroup, gap, newline))
            last = m.end()

        assert expected == [
            (t.start, t.end, t.text, t.kind, t.gap, t.newline_before) for t in tokenize(text)
        ]


class TestFold:
    @pytest.mark.parametrize(
        ("word", "key"),
        [
            ("\u00c7avu\u015fo\u011flu", "cavusoglu"),
            ("Mevl\u00fct", "mevlut"),
            ("T\u00fcrkiye", "turkiye"),
            ("\u0141\u00f3d\u017a", "lodz"),
            ("I\u015f\u0131k", "isik"),
            ("S\u00f8ren", "soren"),
            ("Stra\u00dfe", "strasse"),
            ("\u0110or\u0111e", "dorde"),
            ("C\u00f4te", "cote"),
            ("\u00c6ther", "aether"),
            ("MINISTER", "minister"),
        ],
    )
    def test_folds(self, word: str, key: str) -> None:
        """Case and diacritics are folded, and special letters mapped by hand."""
        assert key == fold(word)

    def test_apostrophes(self) -> None:
        """Curly and modifier apostrophes fold to the straight one."""
        assert ["o'neill"] * 3 == [fold(w) for w in ("O'Neill", "O\u2019Neill", "O\u02bcNeill")]

    def test_nfd_equals_nfc(self) -> None:
        """Decomposed input folds like composed input."""
        assert fold("Mevl\u00fct") == fold("Mevlu\u0308t")


class TestKeyOf:
    def test_hyphen_is_a_space(self) -> None:
        """'Secretary-General' and 'Secretary General' share a key."""
        assert key_of("Secretary General") == key_of("Secretary-General")

    def test_en_dash_is_a_hyphen(self) -> None:
        """A typeset dash between words joins them like a hyphen; an em dash does not."""
        assert key_of("India\u2013Pacific") == key_of("India-Pacific") == "india pacific"
        assert key_of("India\u2014Pacific") != "india pacific"

    def test_value(self) -> None:
        """The key is the folded words joined by one space."""
        assert "secretary general" == key_of("Secretary-General")

    def test_spacing_and_case(self) -> None:
        """Extra white space and case do not change the key."""
        assert "foreign minister" == key_of("  FOREIGN \n Minister ")

    def test_abbreviation(self) -> None:
        """The dots of an abbreviation are dropped."""
        assert ("us", "the us") == (key_of("U.S."), key_of("the U.S."))

    def test_diacritics(self) -> None:
        """Diacritics are folded."""
        assert "turkiye" == key_of("T\u00fcrkiye")

    def test_phrase_key_of_tokens(self) -> None:
        """phrase_key of the tokens equals key_of of the phrase."""
        assert key_of("Co-operation in Europe") == phrase_key(tokenize("Co-operation in Europe"))


class TestSentenceBounds:
    def test_splits_before_capital(self) -> None:
        """'. ' followed by a capital ends a sentence."""
        assert ["The talks ended.", "They left."] == sentences("The talks ended. They left.")

    def test_bounds_are_token_ranges(self) -> None:
        """Bounds are half-open token index ranges covering every token."""
        tokens = tokenize("The talks ended. They left.")

        assert [(0, 4), (4, 7)] == sentence_bounds(tokens)

    def test_no_split_before_lower_case(self) -> None:
        """'. ' followed by a lower-case word does not end a sentence."""
        assert ["It ended at 5 p. m. today."] == sentences("It ended at 5 p. m. today.")

    def test_question_and_exclamation(self) -> None:
        """'?' and '!' end sentences too."""
        assert ["Really?", "Yes!", "No."] == sentences("Really? Yes! No.")

    def test_split_before_digit(self) -> None:
        """A sentence may start with a digit."""
        assert ["They met.", "20 deals were signed."] == sentences(
            "They met. 20 deals were signed."
        )

    def test_split_before_quote(self) -> None:
        """A sentence may start with a quote."""
        assert ["They met.", "\u201cWe agreed,\u201d he said."] == sentences(
            "They met. \u201cWe agreed,\u201d he said."
        )

    def test_no_split_after_title(self) -> None:
        """'Dr.' does not end a sentence."""
        assert ["He met Dr. Smith.", "Then he left."] == sentences(
            "He met Dr. Smith. Then he left."
        )

    def test_no_split_after_honorific_abbreviations(self) -> None:
        """'Rt.', 'Brig.' and 'Smt.' open a title or a name; they end no sentence."""
        assert ["He called on the Rt. Hon'ble Prime Minister.", "Then he left."] == sentences(
            "He called on the Rt. Hon'ble Prime Minister. Then he left."
        )
        assert ["Brig. Gen. Smith and Smt. Murmu met."] == sentences(
            "Brig. Gen. Smith and Smt. Murmu met."
        )

    def test_no_split_after_month_abbreviation(self) -> None:
        """'Nov.' before a day number does not end a sentence."""
        assert ["Talks on Nov. 9 ended.", "They left."] == sentences(
            "Talks on Nov. 9 ended. They left."
        )

    def test_no_split_after_initial(self) -> None:
        """A single initial 'J.' does not end a sentence."""
        assert ["Secretary J. Blinken spoke.", "Next came A. Smith."] == sentences(
            "Secretary J. Blinken spoke. Next came A. Smith."
        )

    def test_no_split_without_space(self) -> None:
        """A full stop directly followed by a word does not split."""
        assert ["in Lodz.The talks"] == sentences("in Lodz.The talks")

    def test_split_at_line_break(self) -> None:
        """A line break always ends a sentence, even before a lower-case word."""
        assert ["Line one", "line two"] == sentences("Line one\nline two")

    def test_split_at_line_break_after_title(self) -> None:
        """A line break ends a sentence even after 'Dr.'."""
        assert ["He met Dr.", "Smith"] == sentences("He met Dr.\nSmith")

    def test_split_at_line_break_after_full_stop(self) -> None:
        """A full stop then a line break gives one split, not an empty sentence."""
        assert ["The talks ended.", "They left."] == sentences("The talks ended.\nThey left.")

    def test_split_at_crlf_and_blank_lines(self) -> None:
        """CRLF line ends and blank lines split like a line break."""
        assert ["Headline", "Body text."] == sentences("Headline\r\n\r\nBody text.")

    def test_no_trailing_empty_sentence(self) -> None:
        """A text ending in a full stop has no empty last sentence."""
        assert [(0, 3)] == sentence_bounds(tokenize("They met."))

    def test_empty(self) -> None:
        """No tokens, no sentences."""
        assert [] == sentence_bounds([])
