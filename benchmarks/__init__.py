"""Reproducible measurements of Nilai, each printed against a baseline measured in the same run.

Run one: ``.venv/bin/python -m benchmarks.bench_sheets``; run all: ``.venv/bin/python -m benchmarks``.
"""
