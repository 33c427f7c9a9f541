"""itukg benchmarks: synthetic documents and graphs, ingestion, query latency, HTTP load, reasoning and SHACL.

Run ``python -m bench --help`` (from the project root, with the project's virtualenv). See bench/README.md.
"""
