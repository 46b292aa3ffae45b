"""
``python -m diplomodel``: the same command line as the ``diplomodel`` script.
"""

from __future__ import annotations

import sys

from diplomodel.cli import main

if __name__ == "__main__":
    sys.exit(main())
