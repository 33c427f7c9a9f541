"""Data files shipped with itukg (Turtle / SPARQL); located at run time with importlib.resources."""
