"""Per-document time limit: the expensive extraction call runs in a persistent child process.

In: a picklable top-level function `fn(page) -> result` (the extractor) and a limit in seconds;
a `prepare` attribute on `fn`, if it has one, is called once in the child before its first page.
Out: `DocGuard.call(page)` returns fn's result, re-raises fn's own exception (NoArticle, a parser
error), raises `DocTimeout` when the child runs past the limit (the child is killed and a fresh one
started at once) and `WorkerDied` when the child dies on the page (segfault, OOM kill).

Why a process and not a timer: SIGALRM only works in the main thread, and Beam runs DoFns in worker
threads (Dataflow harness threads, FnApiRunner multi_threading); an async exception raised into a
thread is not delivered while it sits in C code (lxml, a long regex). Killing a child always works.

Cost: one child per DoFn instance, spawned (never forked: the worker has gRPC threads) in setup and
kept for the life of the instance; per page only the page goes down the pipe and the extraction comes
back without a second copy of the page text. On the 160 fundus-news-80 pages (avg 394k chars of
HTML) it adds ~1 ms a page (pickling the page is most of it): +4% CPU, +6% wall on a loaded machine.

  .venv/bin/python -m bench.fuzz overhead --data ../shared/data/fundus-news-80
"""

import contextlib
import importlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, is_dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

# Extraction time allowed per document by default: trafilatura takes well under a second on a
# normal page and ~5 s on a 10 MB text dump on a slow core; past 30 s it is stuck, not working.
DEFAULT_DOC_TIMEOUT_SECONDS = 30.0
# How long a fresh child may take to import the extractor (trafilatura, lxml) before it counts as dead.
STARTUP_SECONDS = 120.0
# How long a child gets to exit on its own at close before it is killed.
CLOSE_SECONDS = 2.0
# Pipe buffer asked for each way: a typical page (~200 KB of HTML) fits in one write; Linux's
# default cap for unprivileged processes (/proc/sys/fs/pipe-max-size) is 1 MiB.
PIPE_BYTES = 1 << 20

# The child's OOM-killer preference: the highest, it goes first (`_first_to_go_out_of_memory`).
OOM_SCORE_ADJ = 1000

_READY, _OK, _ERROR = "ready", "ok", "error"
# The child is a plain `python -c` (not multiprocessing spawn, which re-runs the parent's main
# script in the child when it lacks an `if __name__ == "__main__"` guard).
_CHILD = "from transforms.guard import serve_stdio; serve_stdio()"


@dataclass(frozen=True)
class Named:
    """A module-level function by its module and name, imported where it is first called.

    A guard pickles its `fn` by reference anyway and never calls it itself: handed a `Named`, the
    parent (the pipeline's worker) does not import the extractor's modules (trafilatura and the
    parsers, ~0.13 s of CPU a process) that only the child runs; the child imports them at start-up.
    """

    module: str
    name: str

    def resolve(self) -> Callable[..., Any]:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)


class DocTimeout(Exception):
    """The extractor ran over the per-document limit (reason `timeout`)."""


class WorkerDied(Exception):
    """The extractor's child process died while working on a document (reason `parse_error`)."""


class GuardStartError(RuntimeError):
    """The child could not start or import the extractor: a deployment bug, so it fails the bundle."""


def _portable(err: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError with its text."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:
        return RuntimeError(f"{type(err).__name__}: {err}"[:2000])


def serve_stdio() -> None:
    """The child's entry point: messages on stdin/stdout; stray prints go to stderr."""
    _first_to_go_out_of_memory()
    out_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inbox, outbox = Connection(0, writable=False), Connection(out_fd, readable=False)
    path, fn_bytes = inbox.recv()
    sys.path[:0] = [p for p in path if p not in sys.path]
    fn = pickle.loads(fn_bytes)
    fn = fn.resolve() if isinstance(fn, Named) else fn  # imported before "ready"
    if callable(prepare := getattr(fn, "prepare", None)):
        prepare()  # what the first page would otherwise wait for (within STARTUP_SECONDS)
    _serve(inbox, outbox, fn)
    # Done: skip the interpreter's teardown of the extractor's modules (~0.1 s the parent waits for
    # at close); the child holds nothing to flush but stderr.
    sys.stderr.flush()
    os._exit(0)


def _serve(inbox: Connection, outbox: Connection, fn: Callable[[Any], Any]) -> None:
    """The child's loop: a page in, ("ok", result) or ("error", exception) out, until None or EOF."""
    outbox.send((_READY, None))
    while True:
        try:
            page = inbox.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if page is None:
            return
        try:
            result = fn(page)
            if is_dataclass(result) and getattr(result, "page", None) is page:
                result = replace(result, page=None)  # the parent has the page: do not send it back
            message = (_OK, result)
        except Exception as err:  # fn's failure is the parent's to classify
            message = (_ERROR, _portable(err))
        try:
            outbox.send(message)
        except (EOFError, OSError):
            return


def _first_to_go_out_of_memory() -> None:
    """Ask Linux to kill this child first when memory runs out (oom_score_adj 1000, which a process
    may raise for itself): a hostile page's blow-up then ends in this child, which the parent
    turns into a quarantine row (WorkerDied) and replaces, not in the Beam worker and the bundle
    it holds (on Dataflow a worker killed for memory fails its work item, retried until the job
    fails). Best effort: a no-op off Linux."""
    try:
        with open("/proc/self/oom_score_adj", "w") as adj:
            adj.write(str(OOM_SCORE_ADJ))
    except OSError:
        pass


def _widen_pipe(fd: int) -> None:
    """Grow a pipe's buffer (Linux) so that a page goes down in one write instead of 64 KiB
    round trips with the reader: ~0.1-0.2 ms less CPU per page on 180 KB pages. Best effort."""
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except (ImportError, OSError):
        pass  # not Linux, or over /proc/sys/fs/pipe-max-size for an unprivileged user: keep the default


def _spawn(fn_bytes: bytes) -> tuple[subprocess.Popen, Connection, Connection]:
    """A fresh child for the pickled `fn`: (process, pipe to it, pipe from it)."""
    # The child must import this package before it reads the parent's sys.path: point it here.
    home = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (home, os.environ.get("PYTHONPATH")) if p)}
    # -P: `-c` would put the current folder first on the import path, where a folder of the user's
    # named "pipeline" or "transforms" would stand in for this package (Python 3.11+)
    proc = subprocess.Popen(
        [sys.executable, "-P", "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True, env=env
    )
    outbox = Connection(os.dup(proc.stdin.fileno()), readable=False)
    inbox = Connection(os.dup(proc.stdout.fileno()), writable=False)
    proc.stdin.close()
    proc.stdout.close()
    for conn in (outbox, inbox):
        _widen_pipe(conn.fileno())
    outbox.send((list(sys.path), fn_bytes))
    return proc, outbox, inbox


# Children started ahead of their DocGuard, by pickled fn: see `standby`.
_standby: dict[bytes, list[tuple[subprocess.Popen, Connection, Connection]]] = {}
_standby_lock = threading.Lock()


def _take_standby(fn_bytes: bytes) -> tuple[subprocess.Popen, Connection, Connection] | None:
    with _standby_lock:
        waiting = _standby.get(fn_bytes)
        return waiting.pop() if waiting else None


@contextlib.contextmanager
def standby(fn: Callable[[Any], Any], count: int = 1) -> Iterator[None]:
    """Start `count` children for `fn` now, one for each of the first `DocGuard`s of `fn` in this
    process to take (one per worker thread of an in-process runner).

    An in-process runner sets a DoFn up (and so starts its guard's child) only when the DoFn's
    stage runs its first bundle, and the first page then waits for the child to import the
    extractor (~0.4 s of CPU). A child started before the graph is built imports while the graph
    is built and translated, on another core. Not taken by the end of the block, it is stopped;
    the guard's time limits are the same either way (its start-up limit counts from the first call).
    """
    fn_bytes = pickle.dumps(fn)
    children = [_spawn(fn_bytes) for _ in range(count)]
    with _standby_lock:
        _standby.setdefault(fn_bytes, []).extend(children)
    try:
        yield
    finally:
        with _standby_lock:
            waiting = _standby.get(fn_bytes, [])
            left = [child for child in children if child in waiting]
            for child in left:
                waiting.remove(child)
            if not waiting:
                _standby.pop(fn_bytes, None)
        for proc, outbox, inbox in left:
            _stop_child(proc, outbox, inbox, kill=False)


def _stop_child(proc: subprocess.Popen, outbox: Connection, inbox: Connection, kill: bool) -> None:
    """Ask the child to exit (or kill it), wait for it and close the pipes."""
    if not kill:
        try:
            outbox.send(None)
            proc.wait(CLOSE_SECONDS)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    inbox.close()
    outbox.close()


class DocGuard:
    """Runs `fn(page)` in a child process with a time limit; one call at a time.

    `fn` must be picklable by reference (a module-level function); the child imports its module.
    """

    def __init__(self, fn: Callable[[Any], Any], timeout_seconds: float, startup_seconds: float = STARTUP_SECONDS):
        if timeout_seconds <= 0:
            raise ValueError("timeout_seconds must be positive")
        self._fn_bytes = pickle.dumps(fn)
        self._timeout, self._startup = timeout_seconds, startup_seconds
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._inbox: Connection | None = None
        self._outbox: Connection | None = None
        self._ready = False
        self.restarts = 0  # children replaced after a timeout or a death

    def start(self) -> None:
        """Start the child (it imports the extractor while the caller goes on), or take the one
        `standby` started for the same `fn`."""
        self._proc, self._outbox, self._inbox = _take_standby(self._fn_bytes) or _spawn(self._fn_bytes)
        self._ready = False

    @property
    def child_pid(self) -> int | None:
        """The current child's process id (for CPU accounting), None before the first start."""
        return self._proc.pid if self._proc is not None else None

    def call(self, page):
        """fn(page), computed in the child; raises DocTimeout, WorkerDied or fn's own exception."""
        with self._lock:
            if self._proc is None:
                self.start()
            if not self._ready:
                self._await_ready()
            try:
                self._outbox.send(page)
                if not self._inbox.poll(self._timeout):
                    self._restart()
                    raise DocTimeout(f"extraction took over {self._timeout:g} s")
                status, value = self._inbox.recv()
            except (EOFError, OSError) as err:
                code = self._proc.poll()
                self._restart()
                raise WorkerDied(f"extractor process died (exit code {code}): {type(err).__name__}") from None
        if status == _ERROR:
            raise value
        if is_dataclass(value) and getattr(value, "page", 0) is None:
            value = replace(value, page=page)
        return value

    def _await_ready(self) -> None:
        try:
            if not self._inbox.poll(self._startup):
                raise GuardStartError(f"extractor process did not start within {self._startup:g} s")
            self._inbox.recv()
        except (EOFError, OSError):
            try:
                code = self._proc.wait(CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                code = None
            self._stop(kill=True)
            raise GuardStartError(f"extractor process failed to start (exit code {code})") from None
        except GuardStartError:
            self._stop(kill=True)
            raise
        self._ready = True

    def _restart(self) -> None:
        self._stop(kill=True)
        self.restarts += 1
        self.start()

    def _stop(self, kill: bool = False) -> None:
        proc, inbox, outbox = self._proc, self._inbox, self._outbox
        self._proc, self._inbox, self._outbox, self._ready = None, None, None, False
        if proc is not None:
            _stop_child(proc, outbox, inbox, kill)

    def close(self) -> None:
        """Stop the child; the guard can be used again (it restarts on the next call)."""
        with self._lock:
            self._stop()

    def __enter__(self) -> "DocGuard":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
