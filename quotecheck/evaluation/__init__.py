"""Evaluation of quotecheck against annotated corpora: the logic behind ``benchmarks/``.

* :mod:`quotecheck.evaluation.polnear` loads the PolNeAR attribution corpus and scores reports
  against it;
* :mod:`quotecheck.evaluation.accuracy` and :mod:`quotecheck.evaluation.speed` are the accuracy
  and speed benchmarks (``benchmarks/accuracy.py`` and ``benchmarks/speed.py`` run their
  ``main``), importable so that the tests can run them against a stub checker.

The checker never imports this package. Its modules read the corpus and the model from beside a
source checkout (``../shared``) and write ``docs/`` in it: they are tools for a checkout with an
editable install, not part of the installed command.
"""
