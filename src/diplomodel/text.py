"""
Tokens and sentences with offsets into the caller's original string, and key folding.

Everything downstream looks words up by *key*: the casefolded, diacritic-free form of a token
(``fold``), and for a phrase the keys of its tokens joined by one space (``phrase_key``). Hyphens
between word parts count as a space, so "Secretary-General" and "Secretary General" share a key.
Offsets always refer to the original string, never to a normalised copy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, itemgetter, sub
from typing import NamedTuple, cast

__all__ = ["Token", "fold", "key_of", "phrase_key", "sentence_bounds", "tokenize"]

# Combining marks are part of a word so that NFD input tokenizes like NFC input (a character
# class body, for other modules' patterns too).
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Apostrophes as typed and as typeset ("Leaders' Meeting", "Leaders\u2019 Meeting").
APOSTROPHES = "'\u2019\u02bc"
# Quotation marks, straight and typeset (one character each).
QUOTES = frozenset("'\"\u2018\u2019\u201c\u201d")
_WORD_REST = f"[\\w{COMBINING_MARKS}]*"
_TOKEN = re.compile(
    rf"""
    (?P<abbr>(?:[A-Za-z]\.){{2,}})                 # U.S.  U.K.  U.N.
  | (?P<poss>[{APOSTROPHES}]s(?![^\W_]))                   # possessive 's
  | (?P<word>[^\W_]{_WORD_REST}(?:[{APOSTROPHES}](?!s(?![^\W_]))[^\W_]{_WORD_REST})*)  # O'Brien
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)
# Each token with the gap before it (only white space and lone underscores lie between
# tokens), so that findall returns (gap, token) pairs that cover the text up to its last token.
# The last alternative takes a trailing gap in one match: without it, the search would start
# again at every position of the gap and scan to its end.
_GAP_TOKEN = re.compile(
    r"([\s_]*+)(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN.pattern) + r")|[\s_]++\Z",
    _TOKEN.flags,
)
_APOS_TRANS = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})

# Tokens after which a full stop does not end a sentence.
_NO_BREAK_AFTER = frozenset(
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sen", "rep", "gov",
        "prof", "amb", "hon", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "jr", "sr", "h.e", "he", "nos", "ft",
        # "the Rt. Hon'ble Prime Minister", "Brig. Gen.", "Smt. Droupadi Murmu"
        "rt", "brig", "adm", "cdr", "cmdr", "sgt", "messrs", "mme", "sh", "smt", "dy",
    }
)  # fmt: skip


class Token(NamedTuple):
    """
    One token: its offsets, its text, its folded key and how it is separated from the last one.

    ``gap`` is the original text between the previous token and this one ("" when joined,
    " " for a space, "\\n" etc.). ``hyphen`` is True when a hyphen joins it to the previous word.
    """

    start: int
    end: int
    text: str
    key: str
    gap: str
    kind: str  # "word", "abbr", "poss" or "punct"
    newline_before: bool  # a line break separates this token from the previous one

    @property
    def is_word(self) -> bool:
        """True for word and abbreviation tokens."""
        return self.kind in ("word", "abbr")

    @property
    def is_capitalized(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.is_word and self.text[:1].isupper()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """
    The lookup key of one word: casefolded, without diacritics, with one kind of apostrophe.

    >>> fold("Çavuşoğlu")
    'cavusoglu'
    """
    decomposed = unicodedata.normalize("NFKD", word.translate(_APOS_TRANS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Some letters have no decomposition (ı, ł, ø, đ, ß): map them by hand.
    return stripped.casefold().translate(_EXTRA_FOLD)


_EXTRA_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)


def tokenize(text: str) -> list[Token]:
    """
    Split ``text`` into tokens with offsets into ``text``. Runs in linear time.

    Hyphens and periods inside words are separate punctuation tokens, except in abbreviations
    such as "U.S.". Use :func:`phrase_key` to build the key of a run of tokens.
    """
    # Every step maps a C function over the whole text: this runs for every article, and a
    # Python loop over its tokens cost more than all of the regex matching.
    pairs = _GAP_TOKEN.findall(text)
    if pairs and not pairs[-1][1]:
        pairs.pop()  # the trailing gap
    if not pairs:
        return []
    gaps, surfaces = zip(*pairs, strict=True)
    known = _KEYS
    found = list(map(known.get, surfaces))
    if None in found:  # words not seen before (the same one may come twice)
        infos = [i or known.get(s) or _learn(s) for i, s in zip(found, surfaces, strict=True)]
    else:
        infos = cast(list[tuple[str, str]], found)
    ends = list(accumulate(map(add, map(len, gaps), map(len, surfaces))))
    starts = map(sub, ends, map(len, surfaces))
    breaks = {gap: _has_newline(gap) for gap in set(gaps)}
    return list(
        map(
            tuple.__new__,
            repeat(Token),
            zip(
                starts,
                ends,
                surfaces,
                map(_KEY, infos),
                gaps,
                map(_KIND, infos),
                map(breaks.__getitem__, gaps),
                strict=True,
            ),
        )
    )


def _has_newline(gap: str) -> bool:
    return gap != " " and ("\n" in gap or "\r" in gap or "\u2028" in gap)


# Hyphens and the en dash: keyed "-" like the ASCII hyphen. (The em dash is never a joiner.)
_DASHES = frozenset({"\u2010", "\u2011", "\u2013"})

_KEY = itemgetter(0)
_KIND = itemgetter(1)


# Token text -> (key, kind). Bounded so that a corpus of endless distinct words cannot grow it
# forever.
_KEYS: dict[str, tuple[str, str]] = {}
_KEYS_MAX = 200_000


def _learn(surface: str) -> tuple[str, str]:
    if surface[0].isalnum():
        kind = "abbr" if surface[-1] == "." else "word"
    else:
        kind = "poss" if len(surface) > 1 else "punct"
    if surface.isascii():
        key = surface.lower()
        if kind == "abbr":
            key = key.replace(".", "")
    else:
        key = fold(surface).replace(".", "") if kind == "abbr" else fold(surface)
    if surface in _DASHES:
        key = "-"  # "India–Pacific": a typeset dash between words joins them like a hyphen
    if len(_KEYS) >= _KEYS_MAX:
        _KEYS.clear()
    info = _KEYS[surface] = (key, kind)
    return info


def phrase_key(tokens: list[Token] | tuple[Token, ...]) -> str:
    """
    The key of a run of tokens: word keys joined by one space; hyphens count as spaces.
    """
    return " ".join(t.key for t in tokens if t.key != "-")


@lru_cache(maxsize=65536)
def key_of(phrase: str) -> str:
    """
    The key of a phrase written in a lexicon ("Secretary-General" -> "secretary general").
    """
    return phrase_key(tokenize(phrase))


def sentence_bounds(tokens: list[Token]) -> list[tuple[int, int]]:
    """
    Sentences as half-open token index ranges ``[i, j)``.

    A sentence ends at a line break, or at ``.``, ``!`` or ``?`` followed by white space and an
    upper-case word, a digit or a quote, unless the full stop follows a title abbreviation
    ("Dr.", "Nov.") or a single initial ("J.").
    """
    bounds: list[tuple[int, int]] = []
    begin = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if i > begin and tok.newline_before:
            bounds.append((begin, i))
            begin = i
        if tok.text in ".!?" and tok.kind == "punct" and i + 1 < n:
            nxt = tokens[i + 1]
            if not nxt.gap or nxt.newline_before:
                continue
            if not (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in "\"“‘'("):
                continue
            if tok.text == "." and i > 0:
                prev = tokens[i - 1]
                if prev.key in _NO_BREAK_AFTER or (len(prev.text) == 1 and prev.text.isupper()):
                    continue
            bounds.append((begin, i + 1))
            begin = i + 1
    if begin < n:
        bounds.append((begin, n))
    return bounds
