"""Regenerate ``docs/timeline.png``: the seed article's HTML timeline in headless Chromium.

    python scripts/screenshot.py [--height PIXELS] [--output PATH]

Extracts the timeline of ``seeds/blinken-china-visit-2024-04.txt`` (reference 2024-04-24),
writes it with ``eventline.export.to_html`` to a temporary file and has Chromium (Debian's
``chromium`` package, or ``chromium-browser`` / ``google-chrome``) take a 1280-pixel-wide
screenshot of it, offline, with a fresh profile. The height defaults to the page's length at
that width; pass another when the page grows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import eventline  # noqa: E402
from eventline.export import to_html  # noqa: E402

SEED = ROOT / "seeds" / "blinken-china-visit-2024-04.txt"
OUTPUT = ROOT / "docs" / "timeline.png"
TITLE = "Blinken visits China, April 2024"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--height", type=int, default=1990, help="window height in pixels")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the PNG")
    args = parser.parse_args(argv)
    browser = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if browser is None:
        print(f"no Chromium found (looked for {', '.join(BROWSERS)})", file=sys.stderr)
        return 1
    timeline = eventline.extract(SEED.read_text(encoding="utf-8"), reference="2024-04-24")
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "timeline.html"
        page.write_text(to_html(timeline, title=TITLE), encoding="utf-8")
        command = [
            browser,
            *FLAGS,
            f"--user-data-dir={Path(scratch) / 'profile'}",
            f"--window-size=1280,{args.height}",
            f"--screenshot={args.output.resolve()}",
            page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
