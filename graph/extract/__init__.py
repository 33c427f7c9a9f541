"""Rule-based extractors: each returns plain records (graph.facts) with the text span they came from."""
