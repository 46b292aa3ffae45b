"""
Datelines and date expressions, resolved against a reference date.

Dates are isolated by small bounded patterns (never a fuzzy parse over a sentence, the
python-dateutil pitfall); relative expressions are resolved with ``dateutil.relativedelta``:
weekdays roll *backwards* for past-tense news ("on Thursday" is the latest Thursday on or
before the reference date), unlike ``dateutil.parser``'s default.
With no reference date, an expression without a year resolves to nothing, never to today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from diplomodel.model import DateBasis, DatePrecision
from diplomodel.text import COMBINING_MARKS

__all__ = [
    "CALENDAR_WORDS",
    "DAY_WORDS",
    "YEARS",
    "DateMention",
    "DatelineInfo",
    "after_reference",
    "find_dateline",
    "find_dates",
    "find_page_date",
    "history",
    "month_number",
    "resolve",
    "speaks_only_of",
]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR, "saturday": SA,
    "sunday": SU,
}  # fmt: skip
# Month and weekday names, lower case (full and abbreviated month names).
CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"  # noqa: E501
_ORD = r"(?:st|nd|rd|th)?"
# Every quantifier is bounded, so matching is linear in the text length.
_M1 = _MONTH.replace("month", "m1")
_M2 = _MONTH.replace("month", "m2")
_M3 = _MONTH.replace("month", "m3")
_M4 = _MONTH.replace("month", "m4")
# spaces, tabs and the no-break spaces of web pages ("1\u00a0December\u00a02022")
_BLANK = r"[ \t\u00a0\u202f]"
_SP = _BLANK + "{1,3}"
# the years a date may have; a year outside them is not a date here
YEARS = (1900, 2100)
_REL = "|".join(
    w.replace(" ", _BLANK)
    for w in (
        "today", "yesterday", "tonight", "this morning", "this afternoon", "this evening",
        "earlier today", "last week", "earlier this week", "this week", "earlier this month",
        "this month", "last month",
    )
)  # fmt: skip
# Every date starts a word with a digit or an ASCII letter: the leading look-ahead lets the
# search skip other positions before it tries the alternatives (a third less time).
_DATE = re.compile(
    rf"""
    (?=[\dA-Za-z])\b
    (?:
    (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b
  | (?P<dotted>(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}}))\b
  | (?P<d1>\d{{1,2}}){_ORD}{_SP}(?:of{_SP})?{_M1}\.?,?(?:{_SP}(?P<y1>\d{{4}}))?\b
  | {_M2}\.?{_SP}(?P<d2>\d{{1,2}}){_ORD}\b(?:,?{_SP}(?P<y2>\d{{4}})\b)?
  | {_M3}\.?,?{_SP}(?P<y3>\d{{4}})\b
  | (?P<mp>last){_SP}{_M4}\b(?!\.?,?{_SP}\d)
  | (?:on{_SP})?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
  | (?P<rel>{_REL})\b
  | on{_BLANK}the{_BLANK}(?P<nth>\d{{1,2}})(?:st|nd|rd|th)\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


class DateMention(NamedTuple):
    """
    A date expression found in the text, before resolution.

    ``year``/``month``/``day`` are set for explicit dates; ``weekday`` (0 = Monday) for weekday
    names; ``relative`` for words such as "yesterday" (lower-cased, single spaces).
    """

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None


class Resolved(NamedTuple):
    """
    A resolved date with its precision and basis.
    """

    value: dt.date
    precision: DatePrecision
    basis: DateBasis


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """
    Date expressions in ``text[start:end]``, with offsets into ``text``.

    "May" and "March" count as months only next to a day number; "on Friday" and "Friday's"
    give weekdays.
    """
    found: list[DateMention] = []
    stop = len(text) if end is None else end
    for m in _DATE.finditer(text, start, stop):
        g = m.groupdict()
        if g["iso"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            if _valid(y, mo, d):
                found.append(DateMention(m.start(), m.end(), y, mo, d))
        elif g["dotted"]:
            # day.month.year, the order wherever dates are written with full stops
            y, mo, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
            if YEARS[0] <= y <= YEARS[1] and _valid(y, mo, d):
                found.append(DateMention(m.start(), m.end(), y, mo, d))
        elif g["d1"] or g["d2"]:
            if not (g["m1"] or g["m2"])[0].isupper():
                continue  # "the 27 may agree", "some 20 march on the embassy"
            day = int(g["d1"] or g["d2"])
            month = _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
            year_text = g["y1"] or g["y2"]
            year = int(year_text) if year_text else None
            if 1 <= day <= 31 and (year is None or YEARS[0] <= year <= YEARS[1]):
                found.append(DateMention(m.start(), m.end(), year, month, day))
        elif g["y3"]:
            if not g["m3"][0].isupper():
                continue  # "may 2024 bring peace"
            year = int(g["y3"])
            if YEARS[0] <= year <= YEARS[1]:
                month = _MONTHS[g["m3"].lower().rstrip(".")]
                found.append(DateMention(m.start(), m.end(), year, month))
        elif g["m4"]:
            if not g["m4"][0].isupper():
                continue  # "in may be"
            month = _MONTHS[g["m4"].lower().rstrip(".")]
            prefix = g["mp"].lower()
            found.append(DateMention(m.start(), m.end(), month=month, relative=f"month {prefix}"))
        elif g["wd"]:
            if not g["wd"][0].isupper():
                continue
            found.append(DateMention(m.start(), m.end(), weekday=_weekday_index(g["wd"])))
        elif g["rel"]:
            found.append(
                DateMention(m.start(), m.end(), relative=" ".join(g["rel"].lower().split()))
            )
        elif g["nth"]:
            day = int(g["nth"])
            if 1 <= day <= 31:
                found.append(DateMention(m.start(), m.end(), day=day, relative="nth"))
    return found


def _weekday_index(name: str) -> int:
    return list(_WEEKDAYS).index(name.lower())


def resolve(mention: DateMention, reference: dt.date | None) -> Resolved | None:
    """
    The date a mention denotes, given the article's reference date (dateline or published).

    Returns None when it cannot be determined (no reference and no year, an impossible date,
    a date outside the years 1900 to 2100 that the parser reads).
    """
    found = _resolve(mention, reference)
    if found is not None and not YEARS[0] <= found.value.year <= YEARS[1]:
        return None  # "Nov. 9" published on 1 January 1900 would be 1899
    return found


def _resolve(mention: DateMention, reference: dt.date | None) -> Resolved | None:
    day_p, month_p = DatePrecision.DAY, DatePrecision.MONTH
    if mention.month is not None and mention.day is not None:
        year = mention.year
        if year is None:
            if reference is None:
                return None
            year = reference.year
            # A past-tense report of "Dec. 30" published on 2 January means last year.
            if _valid(year, mention.month, mention.day) and dt.date(
                year, mention.month, mention.day
            ) > reference + dt.timedelta(days=2):
                year -= 1
        if not _valid(year, mention.month, mention.day):
            return None
        basis = DateBasis.EXPLICIT if mention.year is not None else DateBasis.RELATIVE
        return Resolved(dt.date(year, mention.month, mention.day), day_p, basis)
    if mention.month is not None and mention.year is not None:  # "in April 2023"
        return Resolved(dt.date(mention.year, mention.month, 1), month_p, DateBasis.EXPLICIT)
    if mention.month is not None and mention.relative is not None and reference is not None:
        # "last April": the latest April before the reference date's month ("in April" is
        # not read: it may lie ahead, "takes over the chairmanship in January")
        year = reference.year if mention.month < reference.month else reference.year - 1
        return Resolved(dt.date(year, mention.month, 1), month_p, DateBasis.RELATIVE)
    if reference is None:
        return None
    rel = DateBasis.RELATIVE
    if mention.weekday is not None:
        weekday = list(_WEEKDAYS.values())[mention.weekday]
        return Resolved(reference + relativedelta(weekday=weekday(-1)), day_p, rel)
    word = mention.relative
    if word == "nth" and mention.day is not None:
        candidate = reference + relativedelta(day=mention.day)
        if candidate.day != mention.day:
            return None
        if candidate > reference:
            candidate = reference + relativedelta(months=-1, day=mention.day)
            if candidate.day != mention.day:
                return None
        return Resolved(candidate, day_p, rel)
    if word in _TODAY_WORDS:
        return Resolved(reference, day_p, rel)
    if word == "yesterday":
        return Resolved(reference - dt.timedelta(days=1), day_p, rel)
    if word == "last week":
        return Resolved((reference - dt.timedelta(days=7)).replace(day=1), month_p, rel)
    if word in ("earlier this week", "this week"):
        monday = reference + relativedelta(weekday=MO(-1))
        if monday.month == reference.month:
            return Resolved(reference.replace(day=1), month_p, rel)
        return None
    if word in ("earlier this month", "this month"):
        return Resolved(reference.replace(day=1), month_p, rel)
    if word == "last month":
        return Resolved(reference.replace(day=1) - relativedelta(months=1), month_p, rel)
    return None


_TODAY_WORDS = frozenset(
    {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}
)
# The relative expressions that name a day (not a week or a month): DateMention.relative.
DAY_WORDS = _TODAY_WORDS | {"yesterday", "nth"}

# A reported meeting has taken place: its date may lie up to two days after the article's
# (time zones, late datelines), never more.
_LEEWAY = dt.timedelta(days=2)
# How long before the article's date a meeting may lie and still be news: no gold meeting of
# the dev and test corpora lies more than a month before it. A month counts from its last day,
# so "last month" is always news.
_NEWS_DAYS = dt.timedelta(days=45)
_NEWS_MONTHS = dt.timedelta(days=31)


_FULL_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


def month_number(word: str) -> int | None:
    """The number of a month named in full ("March" -> 3, "May" -> 5), else None."""
    folded = word.lower()
    return _FULL_MONTHS.index(folded) + 1 if folded in _FULL_MONTHS else None


def after_reference(value: dt.date, reference: dt.date) -> bool:
    """Whether a date lies too far after the article's date to be a reported meeting's."""
    return value > reference + _LEEWAY


def history(value: dt.date, precision: DatePrecision, reference: dt.date) -> bool:
    """
    Whether a meeting of this date is history told as background in an article of the
    reference date: a day more than 45 days before it, a month that ended more than 31 days
    before it.
    """
    if precision is DatePrecision.MONTH:
        month_end = value + relativedelta(months=1) - dt.timedelta(days=1)
        return month_end < reference - _NEWS_MONTHS
    return value < reference - _NEWS_DAYS


def speaks_only_of(
    text: str, day: dt.date, ranges: Iterable[tuple[int, int]], skip: tuple[int, int] | None = None
) -> bool:
    """
    Whether every date expression of ``text`` inside ``ranges`` (character ranges; outside the
    ``skip`` range, the dateline) that resolves against ``day`` resolves to ``day`` itself:
    those parts of the text speak of no other day, month or year.
    """
    for start, end in ranges:
        for mention in find_dates(text, start, end):
            if skip is not None and skip[0] <= mention.start < skip[1]:
                continue
            resolved = resolve(mention, day)
            if resolved is not None and (
                resolved.value != day or resolved.precision is not DatePrecision.DAY
            ):
                return False
    return True


class DatelineInfo(NamedTuple):
    """
    A dateline found at the start of a line near the top of the article.

    ``city_start``/``city_end`` delimit the place name; ``date`` is resolved (or None).
    """

    start: int
    end: int
    city_start: int
    city_end: int
    date: dt.date | None
    date_start: int | None
    date_end: int | None


# The dateline's end: a colon, a dash, or "--" after the city/date/agency part.
# ... or an agency between slashes, TASS style: "ASTANA, July 4. /TASS/."
# ... or the full stop after a date written with full stops: "Tbilisi, 18.03.2024. NATO ..."
# ... or, PTI style, nothing but the space after the agency: "Washington, Apr 13 (PTI) Union"
_DATELINE_SEP = re.compile(
    r"\s?(?::|--|\u2013|\u2014|-(?=\s)|/[A-Z][A-Za-z-]{1,15}/\.?|(?<=\.\d{4})\.(?=\s)"
    r"|(?<=\)\s)(?=[A-Z]))\s?"
)
_AGENCY_END = re.compile(r"\([A-Z][A-Za-z&. -]{1,24}\)\s?$")
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_PARENS = re.compile(r"\([^()\n]{0,80}\)")
# letters with their combining marks, so that "Brasi\u0301lia" (NFD) reads like "Brasília";
# words joined by a space, a no-break space or a hyphen
_CITY_PART = rf"[A-Za-z\u00C0-\u024F'.{COMBINING_MARKS}]{{1,30}}"
# lower-case words inside a city's name: "Rio de Janeiro", "Dar es Salaam", "Port-au-Prince"
_CITY_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|la|le|les|es|au|aux|al|el|en|sur)"
_CITY_GAP = r"[ \u00a0\u202f-]"
_CITY = re.compile(
    rf"[A-Z]{_CITY_PART}(?:{_CITY_GAP}(?:{_CITY_PARTICLE}{_CITY_GAP}){{0,2}}[A-Z]{_CITY_PART}){{0,3}}"
)
_NOISE_LINE = re.compile(
    r"^\s*(?:photo|image|video|also read|read more|read also|today|updated|published|posted|source|file|caption)\b",  # noqa: E501
    re.IGNORECASE,
)


_PAGE_DATE_LINE = re.compile(r"^[\w ,.:|()#+\-\u2013/]{0,80}$")


def find_page_date(text: str, max_lines: int = 10) -> dt.date | None:
    """
    The date of a page header line ("Friday, 19 May 2023 10:12", "October 1, 2024 15:10",
    "Published on: Friday, November 12, 2021"), for use as a reference date when the caller
    gives no ``published`` date. Banners of the current day ("Today: ...") are not used.
    """
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        if stripped.lower().startswith("today") or not _PAGE_DATE_LINE.match(stripped):
            continue
        for mention in find_dates(stripped):
            if (
                mention.year is not None
                and mention.month is not None
                and mention.day is not None
                and _valid(mention.year, mention.month, mention.day)
            ):
                words = [w for w in re.findall(r"[A-Za-z]{3,}", stripped)]
                if len(words) <= 8:
                    return dt.date(mention.year, mention.month, mention.day)
    return None


def find_dateline(
    text: str, is_place: object = None, published: dt.date | None = None, max_lines: int = 8
) -> DatelineInfo | None:
    """
    The dateline ("Lodz, 1 December 2022 (TDI):", "BEIJING, Nov. 9 (Xinhua) --", "ANKARA (AA) –")
    at the start of one of the first ``max_lines`` non-empty lines, or None.

    ``is_place`` is a callable telling whether a name is a known place; an ALL-CAPS city is
    accepted without it. A dateline date without a year takes the year of ``published``.
    """
    offset = 0
    lines_seen = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        lines_seen += 1
        if lines_seen > max_lines:
            break
        if _NOISE_LINE.match(line):
            continue
        head = line[:160]
        lead = len(head) - len(head.lstrip())
        city = _CITY.match(head, lead)
        if city is None:
            continue
        name = city.group()
        known = callable(is_place) and bool(is_place(name))
        if not (known or (name.replace(" ", "").replace(".", "").isupper() and len(name) >= 4)):
            continue
        sep = _DATELINE_SEP.search(head, city.end())
        if (
            sep is not None
            and not sep.group().strip()
            and not _AGENCY_END.search(head, 0, sep.start())
        ):
            sep = None  # "Washington (which hosted the talks) Said": no agency, no dateline
        if sep is not None:
            middle, sep_end = head[city.end() : sep.start()], sep.end()
        elif len(line.rstrip()) <= 60 and any(m.month and m.day for m in find_dates(line)):
            # a line of its own: "Baku, December 2, AZERTAC"
            middle, sep_end = line.rstrip()[city.end() :], len(line.rstrip())
        else:
            continue
        # Between the city and the separator only commas, a region, a date and an agency
        # may stand; a verb there means this is a sentence, not a dateline.
        # (a full stop may end the part before the separator: "July 4. /TASS/.")
        bare = _DOTTED_DATE.sub("", _PARENS.sub("", middle)).rstrip(" .")
        if len(bare) > 40 or (
            any(c in bare for c in ".!?") and not re.search(r"[A-Z][a-z]{2,4}\.", bare)
        ):
            continue
        if any(w.islower() and w not in ("of",) for w in re.findall(r"[A-Za-z]+", bare)):
            continue
        date_value: dt.date | None = None
        date_start: int | None = None
        date_end: int | None = None
        base = line_start + city.end()
        for mention in find_dates(middle):
            if mention.month is None or mention.day is None:
                continue
            resolved = (
                resolve(mention, published) if mention.year is None else resolve(mention, None)
            )
            date_start, date_end = base + mention.start, base + mention.end
            date_value = resolved.value if resolved else None
            break
        return DatelineInfo(
            line_start + lead,
            line_start + sep_end,
            line_start + city.start(),
            line_start + city.end(),
            date_value,
            date_start,
            date_end,
        )
    return None
