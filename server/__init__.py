"""Serving the built dataset: the SPARQL endpoint, exports, Linked Data pages, the web UI and the CLI."""
