"""The app on memory devices, offscreen, with every Qt warning turned into a test failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from kiosk.clock import FakeClock
from tests.fakes.services import memory_services
from ui.app import KioskWindow, build_window, use_virtual_keyboard
from ui.composition import DEMO_START, Services


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    use_virtual_keyboard()
    return QGuiApplication  # the kiosk has no widgets; pytest-qt would otherwise make a QApplication


# Warnings from inside Qt's own virtual keyboard, not from our QML: its sound feedback probes PipeWire (absent on a
# kiosk, PulseAudio or nothing is used) and its PopupList QML shadows a property in Qt 6.12. Matched exactly.
QT_OWN_WARNINGS = (
    "Couldn't load pipewire-0.3 library",
    "Couldn't resolve pipewire-0.3 symbols",
    "Member contentWidth of the object PopupList_QMLTYPE_",
    # Qt Multimedia probing a machine without sound: no PulseAudio server, no VA-API (the kiosk then stays silent).
    "PulseAudioService: pa_context_connect() failed",
    "No audio device detected",
    "Couldn't load va",
    "Couldn't resolve va",
    # Qt Multimedia turning a camera frame into an image without a GPU (offscreen, CI): it says it uses the CPU.
    "QRhi* {anonymous}::ThreadLocalRhiHolder::ensureRhi(QRhi::Implementation) : No RHI backend. Using CPU conversion",
)


@pytest.fixture
def qt_warnings() -> Iterator[list[str]]:
    """Collect Qt warnings during the test and fail it if there were any (QML binding errors included)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(QT_OWN_WARNINGS):
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            seen.append(f"{context.file}:{context.line}: {message}")

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)
    assert seen == [], "Qt warnings:\n" + "\n".join(seen)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock(DEMO_START)


@pytest.fixture
def services(tmp_path: Path, fake_clock: FakeClock) -> Iterator[Services]:
    built = memory_services(tmp_path, fake_clock)
    yield built
    built.close()


@pytest.fixture
def kiosk(qapp: QGuiApplication, qt_warnings: list[str], services: Services) -> Iterator[KioskWindow]:
    window = build_window(services, kiosk_mode=False)
    yield window
    window.close()
