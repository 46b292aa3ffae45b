"""
The property tests use diplomodel's own strategies; registering them here does what the
``hypothesis`` entry point does for an installed package (so ``st.from_type`` works even
before the package is reinstalled with the entry point).
"""

from __future__ import annotations

from diplomodel.strategies import _hypothesis_setup_hook

_hypothesis_setup_hook()
