"""Run one function per item (an update today; a document, when builds are bounded) in a forked child, under a
deadline and a memory limit.

Why a child per document rather than a pool: a document stuck in C code (a regular expression, lxml, pypdf)
does not see a Python signal, so the only sure stop is SIGKILL, and multiprocessing.Pool waits forever for a
task whose worker was killed. A fork of the build process costs a few milliseconds and shares the loaded
reference data copy-on-write.

In the child: SIGALRM after `timeout` seconds raises DocumentTimeout (a BaseException, so no `except Exception`
in an extractor swallows it), and RLIMIT_AS is set `memory_mb` MiB above the address space the child starts
with, so an allocation past it raises MemoryError. The parent SIGKILLs a child still running two seconds after
its deadline. The child's answer is pickled through a pipe.
"""
from __future__ import annotations

import os
import pickle
import resource
import selectors
import signal
import time
from collections.abc import Callable, Iterable, Iterator

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
