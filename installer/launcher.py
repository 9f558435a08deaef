"""Entry point of the frozen build (installer/nilai.spec): the same as the `nilai` command."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
