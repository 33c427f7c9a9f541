"""Fair sharing of the endpoint: a fast lane for cheap queries, a bounded slow lane for the rest, a bounded
update queue.

The problem (issue 16): twenty clients looping on a query that runs for seconds held every query worker and
every request thread, and a cheap `ASK` waited 6-11 s. What server/runtime.py does with the pieces below:

* **Fast lane.** Every query starts in the fast pool (`query_workers`) with a budget of `fast_query_seconds`
  (default 0.5 s) once a worker has it. Nearly every real query ends well within it.
* **Slow lane.** A query still running at the end of its budget is stopped there (its worker SIGKILLed, its
  memory freed, a fresh fork takes its place) and run again in the slow pool (`slow_workers`, reniced), under
  what is left of `query_timeout`: the deadline counts from the request's arrival, so the timeout stays real.
  Before it runs there it is admitted by `SlowLane`: at most `client_slow_queries` slow queries per client
  (its remote address) running or waiting (else 429), and at most `slow_queue` waiting for a slow worker
  (else 503); both with Retry-After, both at once, without holding a worker.
* **Known slow queries.** `KnownSlow` remembers (for a while) the queries that ran past their budget, so the
  same query sent again goes straight to the slow lane's admission instead of taking a fast worker for its
  budget first. That is what keeps a client that loops on one slow query from occupying the fast lane.
* **Threads.** Requests that wait in the slow lane or the update queue each hold a waitress thread; the server
  adds one thread for each (server/app.py `request_threads`), so `threads` stay free for fast requests.
* **Updates.** `UpdateGate` lets one update run and `update_queue` wait; any more is a 503 at once.
"""
from __future__ import annotations

import collections
import contextlib
import threading
import time
from collections.abc import Iterator

from ..graph.errors import LaneFull, ServerBusy, TooManyRequests

#: Niceness added to slow workers: on a busy machine the fast workers (and the server) get the CPU first.
SLOW_NICE = 10


class SlowLane:
    """Admission to the slow workers: `workers` run at once, `queue` wait (first come, first served), and one
    client holds at most `per_client` of the two."""

    def __init__(self, workers: int, queue: int, per_client: int, retry_after: float):
        self.workers = workers
        self.queue = queue
        self.per_client = per_client
        self.retry_after = retry_after
        self._cond = threading.Condition()
        self._running = 0
        self._waiting: collections.deque = collections.deque()
        self._by_client: collections.Counter[str] = collections.Counter()
        self.refused: collections.Counter[str] = collections.Counter()  # "client" (429) / "queue" (503) / "waited" (503): for /status

    @contextlib.contextmanager
    def slot(self, client: str | None, deadline: float, timeout: float) -> Iterator[None]:
        """Hold a slow worker's slot for the `with` body; TooManyRequests / LaneFull at once, ServerBusy when
        the deadline passes in the queue."""
        client = client or "-"
        with self._cond:
            if self._by_client[client] >= self.per_client:
                self.refused["client"] += 1
                raise TooManyRequests(
                    f"This client already has {self._by_client[client]} slow queries running or waiting "
                    f"(client_slow_queries = {self.per_client}); wait for one to finish. Queries that run "
                    "longer than fast_query_seconds are slow; make this one more selective.", self.retry_after)
            if self._running >= self.workers and len(self._waiting) >= self.queue:
                self.refused["queue"] += 1
                raise LaneFull(
                    f"The server is busy with slow queries ({self._running} running, {len(self._waiting)} "
                    f"waiting: slow_workers = {self.workers}, slow_queue = {self.queue}); try again later. "
                    "Fast queries are still answered.", self.retry_after)
            self._by_client[client] += 1
            ticket = object()
            self._waiting.append(ticket)
            try:
                while self._running >= self.workers or self._waiting[0] is not ticket:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        self.refused["waited"] += 1
                        raise ServerBusy(timeout)
                    self._cond.wait(remaining)
            except BaseException:
                self._waiting.remove(ticket)
                self._leave(client)
                raise
            self._waiting.popleft()
            self._running += 1
            self._cond.notify_all()
        try:
            yield
        finally:
            with self._cond:
                self._running -= 1
                self._leave(client)

    def _leave(self, client: str) -> None:
        self._by_client[client] -= 1
        if self._by_client[client] <= 0:
            del self._by_client[client]
        self._cond.notify_all()

    def state(self) -> dict:
        with self._cond:
            return {"running": self._running, "waiting": len(self._waiting), "refused": dict(self.refused)}


class KnownSlow:
    """The keys of queries that ran past the fast lane's budget, each remembered for `ttl` seconds (at most
    `size`, least recently seen first out)."""

    def __init__(self, size: int = 4096, ttl: float = 600.0):
        self.size = size
        self.ttl = ttl
        self._seen: collections.OrderedDict = collections.OrderedDict()
        self._lock = threading.Lock()

    def add(self, key) -> None:
        with self._lock:
            self._seen[key] = time.monotonic() + self.ttl
            self._seen.move_to_end(key)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)

    def __contains__(self, key) -> bool:
        with self._lock:
            expires = self._seen.get(key)
            if expires is None:
                return False
            if expires < time.monotonic():
                del self._seen[key]
                return False
            self._seen.move_to_end(key)
            return True

    def __len__(self) -> int:
        return len(self._seen)


def query_key(job: dict) -> tuple | None:
    """What makes two jobs the same query for KnownSlow: the text with its whitespace collapsed, the dataset
    and the base IRI (for an export: what it exports)."""
    query = job.get("query")
    if query is None:
        return ("export", repr(sorted((job.get("export") or {}).items())))
    return (" ".join(query.split()), repr(job.get("dataset")), job.get("base_iri"))


class UpdateGate:
    """One update runs, `queue` wait; any more is refused at once (LaneFull: 503 with Retry-After)."""

    def __init__(self, queue: int, retry_after: float):
        self.queue = queue
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._inside = 0

    @contextlib.contextmanager
    def enter(self) -> Iterator[None]:
        with self._lock:
            if self._inside >= 1 + self.queue:
                raise LaneFull(f"{self._inside} updates are already running or waiting (update_queue = "
                               f"{self.queue}); send this one again later.", self.retry_after)
            self._inside += 1
        try:
            yield
        finally:
            with self._lock:
                self._inside -= 1
