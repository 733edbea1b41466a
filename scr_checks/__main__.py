"""``python -m scr_checks`` is the ``scr-checks`` command."""

from scr_checks.cli import main

raise SystemExit(main())
