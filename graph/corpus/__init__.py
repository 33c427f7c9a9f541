"""The bundled default corpus: the two real ITU-T documents itukg builds when given no other input."""
