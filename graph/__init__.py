"""Documents in, validated RDF out: read, extract, map, validate, reason, store."""
