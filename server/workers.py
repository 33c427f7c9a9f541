"""Query workers: forked processes that evaluate SPARQL, so a timeout can really stop a query.

Why processes. pyoxigraph (0.5, and still at oxigraph HEAD) exposes no way to cancel a running query; the Rust
server has a CancellationToken, the Python binding does not. A thread with a deadline check between result
rows is not enough either: COUNT, ORDER BY, GROUP BY and DISTINCT do all their work before the first row, so
the check never runs (a 4-way cartesian COUNT keeps a core busy for hours). The only thing that stops such a
query is killing what runs it. So each query runs in a worker process forked from the server after the store
is loaded (the store is shared copy-on-write, nothing is re-parsed); a worker that passes the deadline is
SIGKILLed and replaced by a fresh fork, and the client gets a 503 while other workers keep answering.

Why it is safe to fork from a threaded server: the child only runs this module's loop, which touches the
read-only store, os-level pipes and pickle; it closes every inherited descriptor it does not own (listening
and client sockets included). Forks never overlap a write to the store (snapshots are immutable; updates build
a new one).

Sandbox, as a bonus of having a process: after closing its inherited descriptors a worker lowers
RLIMIT_NOFILE to the descriptors it holds, so it cannot open a socket or a file at all. pyoxigraph is built
with an HTTP client and would otherwise follow SERVICE (and fetch remote data) from the server's network;
in a worker any such attempt fails with EMFILE, whatever the query text hides. An optional RLIMIT_AS caps the
memory a query can take; an alarm makes an orphaned worker die even if the server vanished.

Federation (setting `service_allowlist`): a query whose every SERVICE names an allowed endpoint must reach the
network, so it runs in a second, small pool created with `sandbox=False`: the same fork, descriptor cleanup,
deadline, kill and memory limit, but RLIMIT_NOFILE is left alone. Only queries the HTTP layer has checked go
there (sparql.check_service); every other query keeps running in the sandboxed pool.

Lanes (server/lanes.py): a pool can run a job under a `budget` shorter than its deadline. A job still running
when the budget is spent is *moved*, not stopped: its worker leaves the pool (a fresh fork takes its place, so
the fast lane keeps its size) and comes back to the caller as a `Detached` handle inside OverBudget; the
caller pauses it (SIGSTOP) while it waits for a slow-lane slot, resumes it with a lower CPU priority, and
collects its answer or kills it at the deadline. The query keeps the work done and the data it started on.
`start_detached` hands out a detached worker at once, for a query already known to be slow.

Memory. Copy-on-write shares the store only as long as nobody writes to it, and reading Oxigraph's in-memory
store writes to the pages it reads (measured: in a forked child, `len(store)` alone makes the child own about
as much memory as the store holds; gc.freeze() changes nothing, these are not Python objects). So a worker
comes to own a private copy of whatever its queries read, and eight of them held most of the server's 3.7 GB
at 1M triples. A pool with `private_mb` therefore looks at a worker's private memory after each job
(/proc/PID/smaps_rollup) and, past the limit, kills it and forks a fresh one from the server, off the
request's path (bench/RESULTS.md, "Memory").

Cost: a pipe round trip and a pickle of the job and the serialized answer: about 0.03 ms on a simple SELECT
(tests/test_server_limits.py measures it against calling the store directly).
"""
from __future__ import annotations

import fcntl
import gc
import logging
import os
import pickle
import resource
import select
import signal
import struct
import threading
import time
from collections.abc import Callable

from ..graph.errors import PoolClosed, QueryTimeout, ServerBusy, WorkerDied

log = logging.getLogger("itukg.server.workers")

_HEADER = struct.Struct("!Q")
_CHILD_READ_FD, _CHILD_WRITE_FD = 3, 4
_MAX_FD = 65536
#: Stack of the thread that runs jobs in a worker (reserved address space; pages are used on demand).
_WORKER_STACK = 1 << 30
_MIN_STACK = 8 << 20


class OverBudget(Exception):
    """The job ran past its budget (shorter than its deadline). Its worker, still running it, left the pool
    (replaced by a fresh fork) and is `self.detached`: whoever catches this must finish or kill it."""

    def __init__(self, detached: Detached):
        super().__init__("over budget")
        self.detached = detached


class Detached:
    """A worker that left its pool with one job: it answers that job only and is killed afterwards."""

    def __init__(self, worker: _Worker, timeout: float):
        self.worker = worker
        self.timeout = timeout

    @property
    def pid(self) -> int:
        return self.worker.pid

    def pause(self) -> None:
        self._signal(signal.SIGSTOP)

    def resume(self, nice: int = 0) -> None:
        """Continue it, `nice` steps lower in CPU priority (every thread of it: Linux nice is per thread)."""
        if nice:
            base = os.getpriority(os.PRIO_PROCESS, 0)
            try:
                tids = [int(t) for t in os.listdir(f"/proc/{self.pid}/task")]
            except OSError:
                tids = [self.pid]
            for tid in tids:
                try:
                    os.setpriority(os.PRIO_PROCESS, tid, min(19, base + nice))
                except OSError:
                    pass
        self._signal(signal.SIGCONT)

    def _signal(self, sig: int) -> None:
        if self.worker.alive:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def finish(self, deadline: float) -> dict:
        """Its answer; QueryTimeout at the deadline, WorkerDied if it stopped. It is killed either way."""
        try:
            reply = _receive(self.worker.from_child, deadline)
        except TimeoutError:
            self.kill()
            log.warning("query worker %d killed: the (slow) query ran past %.1f s", self.pid, self.timeout)
            raise QueryTimeout(self.timeout) from None
        except (OSError, EOFError, pickle.UnpicklingError):
            reply = None
        self.kill()
        if reply is None:
            log.error("query worker %d stopped while running a query", self.pid)
            raise WorkerDied()
        return reply

    def kill(self) -> None:
        self.worker.kill()


class _Worker:
    def __init__(self, pid: int, to_child: int, from_child: int):
        self.pid = pid
        self.to_child = to_child
        self.from_child = from_child
        self.alive = True
        self.faults_seen = 0  # its minor page faults when its private memory was last read (WorkerPool._done)
        self._ended = threading.Lock()  # kill and stop close the pipes once, whoever calls them first

    def _end(self) -> bool:
        """Mark it dead; False if it already was (its descriptors are closed: closing them again could close
        a descriptor another thread has opened since)."""
        with self._ended:
            if not self.alive:
                return False
            self.alive = False
            return True

    def kill(self) -> None:
        if not self._end():
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._close_and_reap()

    def stop(self) -> None:
        """Ask an idle worker to leave (EOF on its pipe) and reap it."""
        if not self._end():
            return
        self._close_and_reap(grace=True)

    def _close_and_reap(self, grace: bool = False) -> None:
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        deadline = time.monotonic() + (1.0 if grace else 0.0)
        while True:
            try:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return
            if pid:
                return
            if time.monotonic() >= deadline:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                try:
                    os.waitpid(self.pid, 0)
                except ChildProcessError:
                    pass
                return
            time.sleep(0.005)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _send(fd: int, obj) -> None:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(fd, _HEADER.pack(len(payload)) + payload)


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes | None:
    """n bytes from fd; None on EOF; raises TimeoutError once `deadline` (monotonic) passes."""
    chunks, got = [], 0
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while got < n:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if not poller.poll(remaining * 1000):
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _receive(fd: int, deadline: float | None):
    header = _read_exact(fd, _HEADER.size, deadline)
    if header is None:
        return None
    payload = _read_exact(fd, _HEADER.unpack(header)[0], deadline)
    if payload is None:
        return None
    return pickle.loads(payload)


def _child_main(handler: Callable[[dict], dict], to_child: int, from_child: int, timeout: float,
                memory_bytes: int, sandbox: bool = True) -> None:
    """The worker's whole life. Never returns: always os._exit, so no parent cleanup code runs here."""
    # Everything inherited goes to the garbage collector's permanent generation: a collection then never walks
    # (and so never copies) the server's objects (the page of each object holds the collector's links).
    gc.freeze()
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        # Our two pipe ends become fds 3 and 4; every other inherited descriptor above 2 is closed.
        high_r = fcntl.fcntl(to_child, fcntl.F_DUPFD, 16)  # out of the way of 3 and 4 first
        high_w = fcntl.fcntl(from_child, fcntl.F_DUPFD, 16)
        os.dup2(high_r, _CHILD_READ_FD, inheritable=False)
        os.dup2(high_w, _CHILD_WRITE_FD, inheritable=False)
        os.closerange(_CHILD_WRITE_FD + 1, max(_MAX_FD, resource.getrlimit(resource.RLIMIT_NOFILE)[0]))
        if sandbox:
            resource.setrlimit(resource.RLIMIT_NOFILE, (_CHILD_WRITE_FD + 1, _CHILD_WRITE_FD + 1))
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        grace = int(timeout) + 5
        # Jobs run on a thread with a large stack: pyoxigraph parses and evaluates recursively, and long flat
        # queries (10,000 UNIONs or FILTERs, a+b+...+z) overflow an 8 MB stack with a SIGSEGV. Stack pages are
        # only committed when used. (Deep nesting is refused before it gets here: scan.check_nesting.)
        stack = _WORKER_STACK
        if memory_bytes:
            stack = max(_MIN_STACK, min(stack, (memory_bytes - _address_space_now()) // 4))
        try:
            threading.stack_size(stack)
            thread = threading.Thread(target=_serve_jobs, args=(handler, grace), daemon=True)
            thread.start()
        except (RuntimeError, ValueError, MemoryError):  # no room for the big stack: run on this one
            _serve_jobs(handler, grace)
        thread.join()
    except BaseException:
        os._exit(70)
    os._exit(70)  # _serve_jobs only ends by os._exit


def _serve_jobs(handler: Callable[[dict], dict], grace: int) -> None:
    try:
        while True:
            job = _receive(_CHILD_READ_FD, None)
            if job is None:
                os._exit(0)
            signal.alarm(grace)  # if the server died and nobody kills us, stop anyway
            try:
                reply = handler(job)
            except BaseException as exc:  # noqa: BLE001 - report, never die silently mid-protocol
                reply = {"ok": False, "status": 500, "message": "internal error", "detail": repr(exc)}
            signal.alarm(0)
            _send(_CHILD_WRITE_FD, reply)
    except BaseException:
        os._exit(70)


_PAGE = resource.getpagesize()


def _minor_faults(pid: int) -> int:
    """Minor page faults of `pid` so far (/proc/PID/stat); 0 if unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[7])
    except (OSError, ValueError, IndexError):
        return 0


def private_mb(pid: int) -> float:
    """MiB of memory `pid` owns alone (Private_Clean + Private_Dirty of /proc/PID/smaps_rollup); 0 if unknown."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(("Private_Clean:", "Private_Dirty:")):
                    total += int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return total / 1024


def _address_space_now() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


class WorkerPool:
    """A fixed number of forked workers running `handler(job) -> reply` with a per-job deadline."""

    def __init__(self, handler: Callable[[dict], dict], size: int, timeout: float, memory_mb: int = 0,
                 sandbox: bool = True, private_mb: int = 0):
        self.handler = handler
        self.sandbox = sandbox  # False only for the federation pool: those workers may open sockets
        self.size = size
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.private_mb = private_mb  # recycle a worker owning more private memory than this (0: never)
        self.recycled = 0
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closing = False
        self._fork_lock = threading.Lock()
        for _ in range(size):
            self._idle.append(self._spawn())

    def _spawn(self) -> _Worker:
        with self._fork_lock:
            to_child_r, to_child_w = os.pipe()
            from_child_r, from_child_w = os.pipe()
            memory = 0
            if self.memory_mb:
                memory = _address_space_now() + self.memory_mb * 1024 * 1024
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                _child_main(self.handler, to_child_r, from_child_w, self.timeout, memory, self.sandbox)
            os.close(to_child_r)
            os.close(from_child_w)
            return _Worker(pid, to_child_w, from_child_r)

    def run(self, job: dict, timeout: float | None = None, deadline: float | None = None,
            budget: float | None = None) -> dict:
        """Run one job; QueryTimeout past the deadline (the worker is killed), ServerBusy if none freed up.

        `budget`: seconds the job may run once a worker has it (waiting for a worker does not count); past it
        (and before the deadline) the worker leaves the pool with its job: OverBudget(Detached)."""
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout if deadline is None else deadline
        worker = self._acquire(deadline, timeout)
        limit = deadline
        try:
            _send(worker.to_child, job)
            if budget is not None:
                limit = min(deadline, time.monotonic() + budget)
            reply = _receive(worker.from_child, limit)
        except TimeoutError:
            if limit < deadline:
                self._replace(worker)  # it leaves the pool; a fresh fork takes its place
                raise OverBudget(Detached(worker, timeout)) from None
            worker.kill()
            self._replace(worker)
            log.warning("query worker %d killed: the query ran past %.1f s", worker.pid, timeout)
            raise QueryTimeout(timeout) from None
        except (OSError, EOFError, pickle.UnpicklingError):
            reply = None
        if reply is None:
            log.error("query worker %d stopped while running a query", worker.pid)
            worker.kill()
            self._replace(worker)
            raise WorkerDied()
        self._done(worker)
        return reply

    def _done(self, worker: _Worker) -> None:
        """Back to the pool, or, owning more private memory than `private_mb`, replaced by a fresh fork.

        Reading /proc/PID/smaps_rollup walks the page tables (26 ms for a worker of a 1M-triple store), so it is
        only read once the worker's minor page faults since the last reading (/proc/PID/stat, cheap; every page
        it copied is one) could amount to `private_mb`, and then in a thread of its own: the caller has its
        answer and goes on."""
        if not self.private_mb:
            self._release(worker)
            return
        faults = _minor_faults(worker.pid)
        if (faults - worker.faults_seen) * _PAGE < self.private_mb << 20:
            self._release(worker)
            return
        threading.Thread(target=self._check, args=(worker, faults), name="itukg-worker-memory",
                         daemon=True).start()

    def _check(self, worker: _Worker, faults: int) -> None:
        if private_mb(worker.pid) > self.private_mb:
            with self._cond:
                self._busy.discard(worker)
            self._recycle(worker)
        else:
            worker.faults_seen = faults
            self._release(worker)

    def _recycle(self, worker: _Worker) -> None:
        worker.kill()  # idle: nothing is lost
        self.recycled += 1
        self._replace(worker)

    def start_detached(self, job: dict, timeout: float, deadline: float) -> Detached:
        """Give `job` to a worker that leaves the pool with it (a fresh fork takes its place): for a job known
        to be slow, which must not hold one of the pool's workers."""
        worker = self._acquire(deadline, timeout)
        self._replace(worker)
        try:
            _send(worker.to_child, job)
        except OSError:
            worker.kill()
            raise WorkerDied() from None
        return Detached(worker, timeout)

    def _acquire(self, deadline: float, timeout: float) -> _Worker:
        with self._cond:
            while not self._idle:
                if self._closing:
                    raise PoolClosed()
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._cond.wait(remaining):
                    if not self._idle:
                        raise ServerBusy(timeout)
            worker = self._idle.pop()
            self._busy.add(worker)
            return worker

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._busy.discard(worker)
            if self._closing:
                worker.stop()
                return
            self._idle.append(worker)
            self._cond.notify()

    def _replace(self, worker: _Worker) -> None:
        with self._cond:
            self._busy.discard(worker)
            if self._closing:
                return
        fresh = self._spawn()
        with self._cond:
            if self._closing:
                fresh.stop()
                return
            self._idle.append(fresh)
            self._cond.notify()

    def close(self) -> None:
        """Stop idle workers now; busy ones stop when their job ends (or are killed by their deadline)."""
        with self._cond:
            self._closing = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            worker.stop()

    def kill_all(self) -> None:
        """For shutdown: kill every worker, busy or not."""
        self.close()
        with self._cond:
            busy = list(self._busy)
        for worker in busy:
            worker.kill()

    @property
    def pids(self) -> list[int]:
        with self._cond:
            return [w.pid for w in self._idle + list(self._busy)]
