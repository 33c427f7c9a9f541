"""Run one function per item in forked children under a deadline and a memory limit: `run_each` forks a child per
item (what /update runs in), `Workers` keeps forked workers that take one item after another (what a build and
`itukg validate` read, extract and validate each document in).

Why forked children rather than multiprocessing.Pool: a document stuck in C code (a regular expression, lxml,
pypdf) does not see a Python signal, so the only sure stop is SIGKILL, and multiprocessing.Pool waits forever for
a task whose worker was killed. A fork of the build process shares the loaded reference data copy-on-write.

In the child: SIGALRM after `timeout` seconds raises DocumentTimeout (a BaseException, so no `except Exception`
in an extractor swallows it), and RLIMIT_AS is set `memory_mb` MiB above the address space the child has when
the item starts, so an allocation past it raises MemoryError. The parent SIGKILLs a child still running two
seconds after its deadline. The child's answer is pickled through a pipe.
"""
from __future__ import annotations

import multiprocessing.connection as mpc
import os
import pickle
import resource
import selectors
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

#: Seconds the parent waits past a child's own deadline before killing it.
GRACE = 2.0


class DocumentTimeout(BaseException):
    """Raised in a child by SIGALRM at its deadline."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise DocumentTimeout()


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


_budget: tuple[int, int] | None = None  #: in a child: (address space at start, bytes allowed on top)


def _peak_address_space() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def used_most_memory() -> bool:
    """In a child: has it used more than half its memory budget? A C library that fails an allocation under
    RLIMIT_AS (lxml, for one) reports a parse error ("unknown error") rather than MemoryError: the caller
    then takes the failure for the memory limit."""
    if _budget is None:
        return False
    start, allowed = _budget
    return _peak_address_space() - start > allowed // 2


def _child(fn: Callable, item, write_fd: int, timeout: float, memory_mb: int, close_fds: Iterable[int]) -> None:
    status = 1
    try:
        for fd in close_fds:
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if memory_mb > 0:
            global _budget
            _budget = (_address_space(), memory_mb * 1024 * 1024)
            limit = sum(_budget)
            try:
                resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))
            except (ValueError, OSError):
                pass
        if timeout > 0:
            signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            try:
                outcome = ("ok", fn(item))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except DocumentTimeout:
            outcome = ("timeout", None)
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as error:  # noqa: BLE001 - passed to the parent to decide
            outcome = ("error", (type(error).__name__, str(error)))
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory", None))
        view = memoryview(payload)
        while view:
            view = view[os.write(write_fd, view):]
        status = 0
    finally:
        os._exit(status)


def run_each(fn: Callable, items: Iterable, *, jobs: int = 1, timeout: float = 0, memory_mb: int = 0,
             close_fds: Iterable[int] = ()) -> Iterator[tuple[object, str, object]]:
    """`fn(item)` for each item in a child of its own, at most `jobs` at a time; yields (item, kind, value) in
    the order of `items`. kind: "ok" (value: what fn returned), "timeout", "memory" (the limits were hit),
    "error" (value: (exception type name, message)) or "died" (value: the signal or exit status)."""
    items = list(items)
    close_fds = tuple(close_fds)
    selector = selectors.DefaultSelector()
    running: dict[int, dict] = {}  # read fd -> the child's state
    done: dict[int, tuple[str, object]] = {}
    started = emitted = 0
    try:
        while emitted < len(items):
            while started < len(items) and len(running) < max(1, jobs):
                read_fd, write_fd = os.pipe()
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the child, which never returns
                    os.close(read_fd)
                    _child(fn, items[started], write_fd, timeout, memory_mb, close_fds)
                os.close(write_fd)
                deadline = time.monotonic() + timeout + GRACE if timeout > 0 else None
                running[read_fd] = {"index": started, "pid": pid, "chunks": [], "deadline": deadline,
                                    "killed": False}
                selector.register(read_fd, selectors.EVENT_READ)
                started += 1
            while emitted in done:
                kind, value = done.pop(emitted)
                yield items[emitted], kind, value
                emitted += 1
            if emitted >= len(items):
                break
            deadlines = [s["deadline"] for s in running.values() if s["deadline"] is not None and not s["killed"]]
            wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            for key, _ in selector.select(wait):
                state = running[key.fd]
                chunk = os.read(key.fd, 1 << 20)
                if chunk:
                    state["chunks"].append(chunk)
                    continue
                selector.unregister(key.fd)
                os.close(key.fd)
                del running[key.fd]
                _, status = os.waitpid(state["pid"], 0)
                done[state["index"]] = _outcome(state, status)
            now = time.monotonic()
            for state in running.values():
                if state["deadline"] is not None and not state["killed"] and now >= state["deadline"]:
                    os.kill(state["pid"], signal.SIGKILL)
                    state["killed"] = True
    finally:
        for fd, state in running.items():
            try:
                os.kill(state["pid"], signal.SIGKILL)
                os.waitpid(state["pid"], 0)
            except OSError:
                pass
            selector.unregister(fd)
            os.close(fd)
        selector.close()


def _outcome(state: dict, status: int) -> tuple[str, object]:
    if state["killed"]:
        return "timeout", None
    data = b"".join(state["chunks"])
    if data and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        try:
            return pickle.loads(data)
        except Exception as error:  # noqa: BLE001
            return "error", (type(error).__name__, str(error))
    if os.WIFSIGNALED(status):
        return "died", f"signal {os.WTERMSIG(status)}"
    return "died", f"exit status {os.WEXITSTATUS(status)}"


# --- persistent workers ------------------------------------------------------------------------------------

def _set_death_signal() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: a worker still ends when its pipe closes


def _set_address_limit(limit: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ValueError, OSError):
        pass


@dataclass
class _Worker:
    pid: int
    conn: mpc.Connection
    item: object = None
    index: int = -1
    deadline: float | None = None
    killed: bool = False
    done: int = field(default=0)  #: items it has answered


class Workers:
    """Up to `jobs` forked worker processes, each running `fn(item)` for one item at a time: each item within
    `timeout` seconds (0: no limit) and `memory_mb` MiB of address space above what its worker holds when the
    item starts (0: no limit).

    A worker whose item hit a limit, raised or died is replaced by a fresh fork for the next item, and so is one
    whose address space has grown by more than half of `memory_mb` since it started (a Python process seldom
    gives memory back), so every item starts with its whole budget. Workers are forked as items need them, from
    the process as it is then (what it has loaded is shared copy-on-write); `init()` runs first in each.

    `fn` is expected to turn an item's own failures into a value; an exception out of it ends its worker and is
    handed to the caller (kind "error").
    """

    def __init__(self, fn: Callable, *, jobs: int = 1, timeout: float = 0, memory_mb: int = 0,
                 init: Callable[[], None] | None = None):
        self.fn, self.jobs, self.timeout, self.memory_mb, self.init = fn, max(1, jobs), timeout, memory_mb, init
        self._workers: dict[int, _Worker] = {}  # pid -> worker
        self._idle: list[_Worker] = []
        self.forks = 0  #: workers started so far

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def map(self, items: Iterable) -> Iterator[tuple[object, str, object]]:
        """(item, kind, value) for each item, in the order of `items`. kind: "ok" (value: what fn returned),
        "timeout" or "memory" (the item hit a limit), "error" (value: the exception fn raised) or "died" (value:
        the signal or exit status of its worker). Items are taken from `items` as workers become free."""
        source = iter(items)
        busy: dict[mpc.Connection, _Worker] = {}
        finished: dict[int, tuple[object, str, object]] = {}
        taken = emitted = 0
        exhausted = False
        try:
            while True:
                while not exhausted and (self._idle or len(self._workers) < self.jobs):
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    worker = self._hand(item)
                    worker.item, worker.index, worker.killed = item, taken, False
                    worker.deadline = time.monotonic() + self.timeout + GRACE if self.timeout > 0 else None
                    busy[worker.conn] = worker
                    taken += 1
                while emitted in finished:
                    yield finished.pop(emitted)
                    emitted += 1
                if exhausted and emitted == taken:
                    return
                if not busy:
                    continue
                deadlines = [w.deadline for w in busy.values() if w.deadline is not None and not w.killed]
                wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                for conn in mpc.wait(list(busy), wait):
                    worker = busy.pop(cast(mpc.Connection, conn))
                    finished[worker.index] = (worker.item, *self._answer(worker))
                    worker.item = None
                now = time.monotonic()
                for worker in busy.values():
                    if worker.deadline is not None and not worker.killed and now >= worker.deadline:
                        _kill(worker.pid)
                        worker.killed = True
        finally:
            for worker in busy.values():  # the caller stopped early, or failed: items under way are dropped
                self._end(worker, kill=True)

    def close(self) -> None:
        """End every worker (they are idle unless a map() was abandoned)."""
        for worker in list(self._workers.values()):
            self._end(worker, kill=True)
        self._idle.clear()

    # -- the parent's side

    def _hand(self, item) -> _Worker:
        """An idle worker (or a new one) that has been sent `item`."""
        while self._idle:
            worker = self._idle.pop()
            try:
                worker.conn.send(item)
                return worker
            except (OSError, ValueError):  # it died while idle: fork another
                self._end(worker, kill=True)
        worker = self._spawn()
        worker.conn.send(item)
        return worker

    def _spawn(self) -> _Worker:
        parent_end, child_end = mpc.Pipe()
        others = [w.conn for w in self._workers.values()]
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            status = 1
            try:
                parent_end.close()
                for conn in others:
                    conn.close()
                _serve(self.fn, child_end, self.timeout, self.memory_mb, self.init)
                status = 0
            finally:
                os._exit(status)
        child_end.close()
        worker = _Worker(pid, parent_end)
        self._workers[pid] = worker
        self.forks += 1
        return worker

    def _answer(self, worker: _Worker) -> tuple[str, object]:
        """The answer of a worker that is readable: its message, or how it ended."""
        try:
            kind, value, keep = worker.conn.recv()
        except (EOFError, OSError):
            status = self._end(worker)
            if worker.killed:
                return "timeout", None
            return "died", _describe_status(status)
        except Exception as error:  # noqa: BLE001 - an answer that cannot be unpickled
            self._end(worker, kill=True)
            return "error", error
        worker.done += 1
        if keep:
            self._idle.append(worker)
        else:
            self._end(worker)
        return kind, value

    def _end(self, worker: _Worker, kill: bool = False) -> int:
        """Close the worker's pipe and reap it (SIGKILL first with `kill`); its exit status."""
        self._workers.pop(worker.pid, None)
        if worker in self._idle:
            self._idle.remove(worker)
        if kill:
            _kill(worker.pid)
        worker.conn.close()
        try:
            return os.waitpid(worker.pid, 0)[1]
        except ChildProcessError:
            return 0


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.WEXITSTATUS(status) if os.WIFEXITED(status) else status}"


def _serve(fn: Callable, conn: mpc.Connection, timeout: float, memory_mb: int, init) -> None:
    """A worker's life: items from `conn`, one (kind, value, keep going) answer each, until the pipe closes, an
    item goes wrong or the worker has grown too much."""
    global _budget
    _set_death_signal()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if init is not None:
        init()
    signal.signal(signal.SIGALRM, _on_alarm)
    allowed = memory_mb * 1024 * 1024
    unlimited = resource.getrlimit(resource.RLIMIT_AS)[0]
    born = _address_space()
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if allowed:
            _budget = (_address_space(), allowed)
            _set_address_limit(sum(_budget))
        try:
            try:
                if timeout > 0:
                    signal.setitimer(signal.ITIMER_REAL, timeout)
                kind, value, keep = "ok", fn(item), True
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except DocumentTimeout:
            kind, value, keep = "timeout", None, False
        except MemoryError:
            kind, value, keep = "memory", None, False
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            kind, value, keep = ("memory", None, False) if used_most_memory() else ("error", error, False)
        if allowed and keep and _peak_address_space() - born > allowed // 2:
            keep = False  # grown: a fresh worker takes the next item
        try:
            payload = pickle.dumps((kind, value, keep), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            kind, keep = "memory", False
            payload = pickle.dumps((kind, None, keep))
        except Exception:  # noqa: BLE001 - an answer that does not pickle (an odd exception)
            keep = False
            payload = pickle.dumps(("error", RuntimeError(f"{type(value).__name__}: {value}"), keep))
        if allowed:
            _budget = None
            _set_address_limit(unlimited)
        conn.send_bytes(payload)
        if not keep:
            return
