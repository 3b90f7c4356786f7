"""Run the PolNeAR accuracy benchmark: ``python benchmarks/accuracy.py --help``.

The benchmark is :mod:`quotecheck.evaluation.accuracy` (importable, so that the tests can run it
against a stub checker); this script only runs its ``main``.
"""

import sys

from quotecheck.evaluation.accuracy import main

if __name__ == "__main__":
    sys.exit(main())
