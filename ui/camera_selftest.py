"""Take one photo through Qt Multimedia and say what came back: a decoded frame, and whether one face was found."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from drivers.plugin import Plugin
from kiosk.capture.port import Photo
from kiosk.clock import Clock

if TYPE_CHECKING:
    from ui.camera import QtCamera

# Qt Multimedia is imported only when a camera is built or tested: every kioskctl command loads every plugin.


def build(params: Mapping[str, Any], clock: Clock) -> QtCamera:
    """Entry point `camera.qt`: params `device` (a camera's id or name, "" for the default; `test:face` …) and
    `timeout_s`. Built on the Qt thread, after the application object exists."""
    from ui.camera import QtCamera

    device = params.get("device", "")
    if not isinstance(device, str):
        raise ValueError(f"[devices.camera].device = {device!r}: expected a camera id or name, or test:face")
    timeout_s = float(params.get("timeout_s", 5.0))
    if not 0.5 <= timeout_s <= 30:
        raise ValueError(f"[devices.camera].timeout_s = {timeout_s:g}: expected 0.5 to 30 seconds")
    return QtCamera(device=device, timeout_s=timeout_s)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="", help="camera id or name (default: the system's default camera)")
    parser.add_argument("--emulator", action="store_true", help="Qt Multimedia's frame input playing a test face")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from PySide6.QtCore import QCoreApplication

    from ui.camera import TEST_PREFIX, QtCamera

    _app = QCoreApplication.instance() or QCoreApplication(["kioskctl"])  # Qt Multimedia needs one; kept alive here
    camera = QtCamera(device=f"{TEST_PREFIX}face" if args.emulator else args.device)
    try:
        result = camera.take_photo()
    finally:
        camera.close()
    if not isinstance(result, Photo):
        out.write(f"FAIL  {result.status.value}: {result.detail}\n")
        return 1
    out.write(f"ok    a frame came back and was decoded: {len(result.jpeg)} bytes JPEG at passport size\n")
    out.write(f"ok    face check: {result.detail}\n")
    if args.emulator and not result.face_in_frame:
        out.write("FAIL  the test face was not found in the emulator's picture\n")
        return 1
    found = "one face found" if result.face_in_frame else "no single whole face found"
    out.write(f"PASS  camera (a frame was decoded; {found})\n")
    return 0


def unattended(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """`kioskctl doctor` tests the configured camera: one short capture, nothing kept."""
    return {"device": str(config.get("device", ""))}


PLUGIN = Plugin(
    family="camera",
    model="qt",
    summary=(__doc__ or "").strip().splitlines()[0],
    factory=build,
    runner=run,
    arguments=add_arguments,
    unattended_options=unattended,
)
