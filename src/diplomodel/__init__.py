"""
diplomodel: turn diplomatic news into typed data.

>>> import diplomodel
>>> result = diplomodel.parse("Text of an article ...", published="2023-05-05")
>>> result.meetings
()
"""

from __future__ import annotations

from diplomodel.api import parse
from diplomodel.errors import (
    DiplomodelError,
    InputError,
    LexiconError,
    RuleError,
    UnknownCountryError,
    ValidationError,
)
from diplomodel.model import (
    ArticleResult,
    Country,
    DateBasis,
    Dateline,
    DatePrecision,
    Meeting,
    MeetingDate,
    MeetingMode,
    Occasion,
    Official,
    Organization,
    Place,
    Role,
    Span,
    Topic,
    TopicEvidence,
)

__version__ = "0.1.0"

__all__ = [
    "ArticleResult",
    "Country",
    "DateBasis",
    "DatePrecision",
    "Dateline",
    "DiplomodelError",
    "InputError",
    "LexiconError",
    "Meeting",
    "MeetingDate",
    "MeetingMode",
    "Occasion",
    "Official",
    "Organization",
    "Place",
    "Role",
    "RuleError",
    "Span",
    "Topic",
    "TopicEvidence",
    "UnknownCountryError",
    "ValidationError",
    "__version__",
    "parse",
]
