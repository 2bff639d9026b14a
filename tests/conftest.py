"""Test configuration: Hypothesis profiles.

The "ci" profile (more examples) is loaded when the ``CI`` environment variable is set,
the "dev" profile otherwise. Neither has a deadline: timings on shared machines vary.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
