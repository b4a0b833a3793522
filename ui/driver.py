"""Drive the QML window like a finger would: find items by objectName, tap their centre, type, grab frames."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QMouseEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ui.worker import process_events, wait_all_idle


class ItemNotFound(LookupError):
    """No visible item with that objectName on screen."""


def all_items(root: QQuickItem) -> list[QQuickItem]:
    found = [root]
    for child in root.childItems():
        found.extend(all_items(child))
    return found


def is_shown(item: QQuickItem) -> bool:
    """Visible all the way up (QML's `visible` is already inherited) and with some size."""
    return item.isVisible() and item.width() > 0 and item.height() > 0


def polish(window: QQuickWindow) -> list[QQuickItem]:
    """Lay out the scene as the next frame would (offscreen, nothing renders between two taps by itself).

    Rendering a frame is what polishes rows and columns. QQuickItem.ensurePolished would be cheaper, but
    PySide6 6.12 drops a reference to None on every call, which crashes the interpreter after a few thousand.
    """
    settle()
    window.grabWindow()
    return all_items(window.contentItem())


def find(window: QQuickWindow, name: str, *, shown: bool = True) -> QQuickItem:
    for item in polish(window):
        if item.objectName() == name and (is_shown(item) or not shown):
            return item
    raise ItemNotFound(f"no {'visible ' if shown else ''}item named {name!r}")


def settle(*, wait_for_work: bool = True) -> None:
    """Handle pending events; by default also let slow work started by the last tap (ui.worker) finish and land,
    as a person would wait for the screen to change. `wait_for_work=False` leaves it running (waiting screens)."""
    process_events()
    if wait_for_work:
        wait_all_idle()
        process_events()


_clock = itertools.count(start=1_000, step=1_000)


def _mouse(window: QQuickWindow, kind: QEvent.Type, point: QPointF, *, wait_for_work: bool = True) -> None:
    buttons = Qt.MouseButton.LeftButton if kind is QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, point, window.mapToGlobal(point), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
    )
    # Taps a second apart: never merged into a double click, as two taps by a person would not be either.
    event.setTimestamp(next(_clock))
    QGuiApplication.sendEvent(window, event)
    settle(wait_for_work=wait_for_work)


def tap(window: QQuickWindow, name: str, *, times: int = 1, wait_for_work: bool = True) -> None:
    """Tap the item's centre; `times=2` taps the same spot again after the first tap was handled (a double tap).
    `wait_for_work=False` returns while the slow work the tap started is still running (the waiting screen)."""
    item = find(window, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    for _ in range(times):
        _mouse(window, QEvent.Type.MouseButtonPress, centre, wait_for_work=wait_for_work)
        _mouse(window, QEvent.Type.MouseButtonRelease, centre, wait_for_work=wait_for_work)


def hold(window: QQuickWindow, name: str, during: Callable[[], object]) -> None:
    """Press the item's centre, let `during` run while the finger is down (e.g. move a fake clock), then lift."""
    item = find(window, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    _mouse(window, QEvent.Type.MouseButtonPress, centre)
    during()
    _mouse(window, QEvent.Type.MouseButtonRelease, centre)


def type_text(window: QQuickWindow, name: str, text: str) -> None:
    """Focus a text field by tapping it, then type key by key (each keystroke updates the results)."""
    item = find(window, name)
    item.forceActiveFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        settle()


def keyboard_key(window: QQuickWindow, char: str) -> QQuickItem:
    """The on-screen keyboard's key (Main.qml's InputPanel, objectName "keyboard") that types `char` on the layout
    showing now; its keys carry `text` and `key`, no objectName."""
    for item in all_items(find(window, "keyboard")):
        meta = item.metaObject()
        typed = meta.indexOfProperty("key") >= 0 and item.property("text") == char
        if typed and meta.className().startswith("Key") and is_shown(item):
            return item
    raise ItemNotFound(f"no key {char!r} on the on-screen keyboard's layout now showing")


def type_on_keyboard(window: QQuickWindow, text: str) -> None:
    """Tap the on-screen keyboard's keys, one per character, into the field that has the focus."""
    for char in text:
        key = keyboard_key(window, char)
        centre = key.mapToScene(QPointF(key.width() / 2, key.height() / 2))
        _mouse(window, QEvent.Type.MouseButtonPress, centre)
        _mouse(window, QEvent.Type.MouseButtonRelease, centre)


def type_digits(window: QQuickWindow, digits: str) -> None:
    for digit in digits:
        tap(window, f"key{digit}")


def text_of(window: QQuickWindow, name: str) -> str:
    return str(find(window, name).property("text"))


def grab(window: QQuickWindow, path: Path | None = None) -> QImage:
    settle()
    image = window.grabWindow()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise OSError(f"could not write screenshot {path}")
    return image
