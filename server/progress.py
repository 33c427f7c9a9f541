"""Progress of long work on the command line: count/total, rate and time left, and a closing summary.

On a terminal one line is redrawn in place (at most ten times a second); otherwise (a log file, a pipe) plain
lines are written, one per document when there are few, else one each 10 %, so logs stay short.
"""
from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """`update(n, name)` after each item of `total`; `finish()` clears the line and returns the summary."""

    def __init__(self, total: int, noun: str = "documents", stream: TextIO | None = None,
                 clock=time.monotonic, tty: bool | None = None):
        self.total = max(0, total)
        self.noun = noun
        self.stream = stream or sys.stderr
        self.clock = clock
        self.tty = self.stream.isatty() if tty is None else tty
        self.started = clock()
        self.n = 0
        self._drawn = 0.0
        self._next_step = 0
        self._width = 0

    def rate(self) -> float:
        elapsed = self.clock() - self.started
        return self.n / elapsed if elapsed > 0 else 0.0

    def line(self, name: str = "") -> str:
        """'12/100 (12%), 3.4 documents/s, 0:26 left: name'."""
        total = max(self.total, self.n)
        pct = f" ({100 * self.n // total}%)" if total else ""
        rate = self.rate()
        speed = f", {rate:.1f} {self.noun}/s" if rate else ""
        left = f", {_duration((total - self.n) / rate)} left" if rate and total > self.n else ""
        return f"{self.n}/{total}{pct}{speed}{left}" + (f": {name}" if name else "")

    def update(self, n: int, name: str = "") -> None:
        self.n = n
        if self.tty:
            now = self.clock()
            if now - self._drawn < 0.1 and n < self.total:
                return
            self._drawn = now
            width = shutil.get_terminal_size((100, 24)).columns - 1
            text = self.line(name)[:width]
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
            self.stream.flush()
            return
        step = 1 if self.total <= 10 else max(1, self.total // 10)
        if n >= self._next_step or n == self.total:
            self._next_step = (n // step + 1) * step
            self.stream.write(self.line(name) + "\n")
            self.stream.flush()

    def finish(self) -> str:
        """Clear the redrawn line; the summary: 'read 100 documents in 0:29 (3.4 documents/s)'."""
        if self.tty and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
        elapsed = self.clock() - self.started
        rate = f" ({self.rate():.1f} {self.noun}/s)" if self.n and elapsed > 0 else ""
        when = f"{elapsed:.1f} s" if elapsed < 60 else _duration(elapsed)
        return f"processed {self.n} {self.noun} in {when}{rate}"
