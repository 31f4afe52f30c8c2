"""Benchmark harnesses for bedfellows: accuracy on gold sets, and throughput.

Run from the repository root::

    python benchmarks/accuracy.py      # gold-set accuracy → benchmarks/results/accuracy.json
    python benchmarks/throughput.py    # words/s and memory → benchmarks/results/throughput.json

Gold data and news text are read from ``../shared`` at run time and never
copied here; the JSON results hold figures and record ids only.
"""
