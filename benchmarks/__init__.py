"""Benchmarks: run as `python -m benchmarks.<name>`; each prints its figures."""
