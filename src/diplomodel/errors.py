"""
Exception classes raised by diplomodel.

Every error the library raises on purpose derives from :class:`DiplomodelError`, so a caller can
catch one class. Messages name the offending field, value, file or rule.
"""

from __future__ import annotations

__all__ = [
    "DiplomodelError",
    "InputError",
    "LexiconError",
    "RuleError",
    "UnknownCountryError",
    "ValidationError",
]


class DiplomodelError(Exception):
    """
    Base class of every error diplomodel raises on purpose.
    """


class ValidationError(DiplomodelError, ValueError):
    """
    A model value was constructed with an invalid field.

    The message names the class, the field and the offending value.
    """

    def __init__(self, owner: str, field: str, value: object, reason: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{owner}.{field}={value!r}: {reason}")


class UnknownCountryError(DiplomodelError, LookupError):
    """
    A country name or code that diplomodel cannot resolve.
    """


class InputError(DiplomodelError, ValueError):
    """
    Bad input to a public function (wrong type, unparsable ``published`` date, bad record).
    """


class LexiconError(DiplomodelError):
    """
    A data file (shipped or user-supplied) is malformed; the message names file, key and reason.
    """

    def __init__(self, source: str, key: str, reason: str) -> None:
        self.source = source
        self.key = key
        self.reason = reason
        super().__init__(f"{source}: {key}: {reason}")


class RuleError(DiplomodelError):
    """
    A rule is invalid (bad pattern, duplicate id) when a rulebook is built.
    """
