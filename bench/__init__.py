"""Benchmarks of the anil server (design/performance.md): `python -m bench`."""
