"""A worker's exit: the heap is frozen out of the exit's garbage collections (transforms.shutdown)."""

import gc
import subprocess
import sys

from transforms import shutdown


def test_the_heap_is_frozen_before_the_exit_handlers_registered_earlier_run():
    code = (
        "import atexit, gc\n"
        "print('frozen at start:', gc.get_freeze_count())\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))\n"
        "from transforms.shutdown import freeze_heap_at_exit\n"
        "freeze_heap_at_exit()\n"
        "print('frozen before exit:', gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    start, before, at_exit = (int(line.rsplit(" ", 1)[1]) for line in out.splitlines())
    # the interpreter's own start may freeze some (375 objects on this machine's Python 3.12, 0 on 3.11)
    assert before == start  # nothing more is frozen while the process works
    assert at_exit > start + 1000  # everything alive at exit: the modules, their objects


def test_the_freeze_is_registered_once_per_process(monkeypatch):
    registered = []
    monkeypatch.setattr(shutdown, "_registered", False)
    monkeypatch.setattr(shutdown.atexit, "register", registered.append)
    shutdown.freeze_heap_at_exit()
    shutdown.freeze_heap_at_exit()
    assert registered == [gc.freeze]
