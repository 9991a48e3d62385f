"""``python -m cnbudget`` runs the command line."""

from cnbudget.cli import main

raise SystemExit(main())
