"""
Hypothesis profiles for the whole test suite.

``HYPOTHESIS_PROFILE=ci`` (what ``.ci/run`` sets) runs derandomized with more examples and no
deadline; the default, ``dev``, runs fewer examples for a quick local loop. See
docs/testing.md.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=300,
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=40,
    deadline=None,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
