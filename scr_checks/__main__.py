"""``python -m scr_checks`` is the ``scr-checks`` command.

The collector is off from the first import: start-up makes modules and their
tables, which live until the run ends, so a collection would find nothing
(:func:`scr_checks.cli.main` keeps it off until the run, as it does for the
console script once this package is imported).
"""

import gc

gc.disable()

from scr_checks.cli import main  # noqa: E402

raise SystemExit(main())
