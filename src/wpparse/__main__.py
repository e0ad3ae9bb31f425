"""``python -m wpparse``: the same as the ``wpparse`` command."""

from __future__ import annotations

import sys

from wpparse._cli import main

if __name__ == "__main__":
    sys.exit(main())
