"""``python -m eventline``: the same command line as the ``eventline`` script."""

from __future__ import annotations

import sys

from eventline.cli import main

if __name__ == "__main__":
    sys.exit(main())
