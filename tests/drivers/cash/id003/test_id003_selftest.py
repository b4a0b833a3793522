"""The ID-003 self-test against the emulator on a pty: PASS only for a note it saw stacked, never for silence."""

from __future__ import annotations

import argparse
import contextlib
import io
import threading
import time
from pathlib import Path

from drivers.cash.id003.emulator import Id003Emulator
from drivers.cash.id003.selftest import FAILED, PASSED, UNTESTED, add_arguments, main, run


def self_test(path: str, *args: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = io.StringIO()
    code = run(parser.parse_args(["--port", path, *args]), out)
    return code, out.getvalue()


def test_a_note_inserted_during_the_test_passes_and_is_named(tmp_path: Path) -> None:
    device = Id003Emulator(firmware="minimal")
    path = device.serve_pty(tmp_path / "ttyCASH")

    def villager() -> None:
        for _ in range(200):
            if device.state.enabled:
                device.insert_note(100)
                return
            time.sleep(0.02)

    threading.Thread(target=villager, daemon=True).start()
    try:
        code, text = self_test(path, "--seconds", "2")
    finally:
        device.close()
    assert code == PASSED, text
    assert "notes: 1=₹10, 2=₹20, 3=₹50, 4=₹100, 5=₹200, 6=₹500" in text
    assert "version not told by this unit" in text
    assert "features absent): SET_SECURITY, VERSION" in text
    assert "PASS  seen: 1 note(s) held in escrow, 1 stacked into the box, 0 returned, 0 refused" in text
    assert device.stacked == [100]


def test_with_no_note_inserted_taking_notes_is_untested_not_passed(tmp_path: Path) -> None:
    device = Id003Emulator()
    path = device.serve_pty(tmp_path / "ttyCASH")
    try:
        code, text = self_test(path, "--seconds", "0.5")
    finally:
        device.close()
    assert code == UNTESTED
    assert "PASS" not in text
    assert "version i(INR)-100-SS ID003-03V280-12" in text


def test_nothing_answering_fails_clearly(tmp_path: Path) -> None:
    device = Id003Emulator()
    path = device.serve_pty(tmp_path / "ttyCASH")
    device.go_silent()
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            code = main(["--port", path, "--seconds", "0", "--connect-timeout", "1"])
    finally:
        device.close()
    assert code == FAILED
    assert "FAIL  no working ID-003 acceptor" in out.getvalue()
