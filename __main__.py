"""`python -m itukg`: the same command as the `itukg` entry point."""
from .cli import main

raise SystemExit(main())
