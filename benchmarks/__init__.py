"""Benchmarks and evaluations runnable with ``python -m benchmarks``."""
