"""
The public entry point: :func:`parse`.
"""

from __future__ import annotations

import datetime as dt

from diplomodel.errors import InputError
from diplomodel.model import ArticleResult

__all__ = ["coerce_published", "parse"]


def coerce_published(published: dt.date | str | None) -> dt.date | None:
    """
    Accept a ``datetime.date`` (a datetime gives its date) or an ISO ``YYYY-MM-DD`` string.

    Raises:
        InputError: any other type, or a string that is not an ISO date.
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        text = published.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise InputError(
                f"published={published!r}: not an ISO date (expected YYYY-MM-DD)"
            ) from None
    raise InputError(
        f"published={published!r}: expected datetime.date, an ISO date string or None, "
        f"got {type(published).__name__}"
    )


def parse(text: str, *, published: dt.date | str | None = None) -> ArticleResult:
    """
    Find the diplomatic meetings an article reports.

    Args:
        text: the article, title line first when there is one.
        published: the publication date (a ``datetime.date`` or ISO string), used to resolve
            relative dates when the article has no dated dateline.

    Returns:
        An :class:`~diplomodel.model.ArticleResult`; every span indexes ``text``.

    Raises:
        InputError: ``text`` is not a ``str`` or ``published`` is not a date.
    """
    from diplomodel.engine import default_parser

    return default_parser().parse(text, published=published)
