"""`python -m app`: the same as the `nilai` command."""

import sys

from app.cli import main

sys.exit(main())
