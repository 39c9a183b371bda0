"""The benchmark's data set: a dedicated PostgreSQL database at the issue's scale (bench/data/build.py)."""
