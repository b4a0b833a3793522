"""Touch app: cold start to first interactive frame, RSS, and tap -> next screen's first frame, vs a bare window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each child process prints "<seconds to first frame> <RSS kB>" and exits.
KIOSK_CHILD = """
import time, tempfile; t0 = time.perf_counter()
from pathlib import Path
from ui.app import application, build_window
from tests.fakes.services import memory_services
from ui import driver
app = application()
kiosk = build_window(memory_services(Path(tempfile.mkdtemp())), kiosk_mode=False)
driver.find(kiosk.window, "tile_jvvnl-bill")  # laid out, rendered, and tappable
elapsed = time.perf_counter() - t0
rss = next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmRSS"))
print(elapsed, rss)
"""

BARE_CHILD = """
import time; t0 = time.perf_counter()
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow  # noqa: F401 - so the root object is wrapped as a QQuickWindow
from ui.fonts import load_fonts
app = QGuiApplication([])
load_fonts(app)
engine = QQmlApplicationEngine()
engine.loadData(b'import QtQuick\\nWindow { width: 1366; height: 768; visible: true\\n'
                b'Text { text: "\\u092c\\u093f\\u091c\\u0932\\u0940 bill"; font.pixelSize: 26 } }')
engine.rootObjects()[0].grabWindow()
elapsed = time.perf_counter() - t0
rss = next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmRSS"))
print(elapsed, rss)
"""


def cold(script: str, runs: int) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times, rss = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start  # includes interpreter start-up, as a real cold start would
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        _, kb = out.stdout.split()
        times.append(wall)
        rss.append(int(kb) / 1024)
    return statistics.median(times), statistics.median(rss)


def tap_to_frame(samples: int) -> tuple[float, float]:
    """p95 of tap -> first frame of the next screen, for the app and for a bare two-rectangle window."""
    import tempfile

    from PySide6.QtCore import QEvent
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - so root objects are wrapped as QQuickWindow

    from tests.fakes.services import memory_services
    from ui import driver
    from ui.app import application, build_window

    application()
    kiosk = build_window(memory_services(Path(tempfile.mkdtemp())), kiosk_mode=False)
    w = kiosk.window

    def timed_tap(window: object, name: str) -> float:
        item = driver.find(window, name)  # type: ignore[arg-type]
        centre = item.mapToScene(item.boundingRect().center())
        start = time.perf_counter()
        driver._mouse(window, QEvent.Type.MouseButtonPress, centre)  # type: ignore[arg-type]
        driver._mouse(window, QEvent.Type.MouseButtonRelease, centre)  # type: ignore[arg-type]
        window.grabWindow()  # type: ignore[attr-defined]
        return (time.perf_counter() - start) * 1000

    ours = []
    for _ in range(samples):
        ours.append(timed_tap(w, "tile_jvvnl-bill"))
        ours.append(timed_tap(w, "homeButton"))
    engine = QQmlApplicationEngine()
    engine.loadData(
        b"import QtQuick\nWindow { id: win; width: 1366; height: 768; visible: true; property bool a: true\n"
        b"Rectangle { objectName: 'one'; anchors.fill: parent; visible: win.a; color: 'teal'\n"
        b" MouseArea { anchors.fill: parent; onClicked: win.a = false } }\n"
        b"Rectangle { objectName: 'two'; anchors.fill: parent; visible: !win.a; color: 'orange'\n"
        b" MouseArea { anchors.fill: parent; onClicked: win.a = true } } }"
    )
    bare_window = engine.rootObjects()[0]
    bare = []
    for _ in range(samples):
        bare.append(timed_tap(bare_window, "one"))
        bare.append(timed_tap(bare_window, "two"))
    p95 = statistics.quantiles
    return p95(ours, n=20)[18], p95(bare, n=20)[18]


def main() -> None:
    runs = 5 if os.environ.get("KIOSK_SOAK") else 3
    kiosk_s, kiosk_mb = cold(KIOSK_CHILD, runs)
    bare_s, bare_mb = cold(BARE_CHILD, runs)
    print(f"cold start to first interactive frame: app {kiosk_s:.2f} s, bare window {bare_s:.2f} s (goal < 2 s)")
    print(f"  ratio app/bare: {kiosk_s / bare_s:.2f}x")
    print(f"resident memory: app {kiosk_mb:.0f} MB, bare window {bare_mb:.0f} MB (goal < 250 MB)")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ours, bare = tap_to_frame(100 if os.environ.get("KIOSK_SOAK") else 30)
    print(f"tap -> next screen's first frame p95: app {ours:.1f} ms, bare window {bare:.1f} ms (goal < 100 ms)")
    print(f"  ratio app/bare: {ours / bare:.2f}x")


if __name__ == "__main__":
    main()
