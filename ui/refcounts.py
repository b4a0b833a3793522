"""A guard against PySide6 6.12's reference-count bugs on True, False and None, which abort a long-running app."""

from __future__ import annotations

import ctypes
import sys

# More references than any run of the kiosk can drop (one per emit or event-loop call: ~10⁹ a year at most).
RESERVE = 1 << 40
_done = False


def keep_singletons_alive() -> None:
    """`Signal.emit()` from Python drops a reference to True, and static calls such as
    `QCoreApplication.processEvents()`/`postEvent()` and Python overrides returning None drop one to None: after a
    few thousand calls CPython frees the singleton and aborts (`bool_dealloc`, `none_dealloc`) — minutes of an
    animated screen. Python 3.12 makes these objects immortal; on 3.11 they get a reserve of references that no
    run uses up (tests/ui/test_slow_work.py checks 10,000 emits). Idempotent."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (True, False, None):
        # ob_refcnt is a PyObject's first field (Py_ssize_t) in CPython's object layout.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _done = True
