"""Run the PolNeAR speed benchmark: ``python benchmarks/speed.py --help``.

The benchmark is :mod:`quotecheck.evaluation.speed` (importable, so that the tests can run it
against a stub checker); this script only runs its ``main``.
"""

import sys

from quotecheck.evaluation.speed import main

if __name__ == "__main__":
    sys.exit(main())
