"""The applicant's camera through Qt Multimedia: a UVC camera (QCamera), or the test source (QVideoFrameInput fed
with drivers/camera/emulator.py's pictures), into a QMediaCaptureSession whose frames reach a QVideoSink.
`take_photo()` may be called from any thread (the journey's worker); the Qt objects stay on the Qt thread."""

from __future__ import annotations

import logging
import threading
import time

from PIL import Image
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameInput,
    QVideoSink,
)

from drivers.camera.emulator import PICTURES, picture
from drivers.camera.photo import FaceFinder, make_photo
from kiosk.capture.port import CameraProblem, CameraStatus, Photo
from kiosk.devices.common import DeviceHealth
from ui.worker import process_events

log = logging.getLogger(__name__)
TEST_PREFIX = "test:"  # `device = "test:face"`: the test source, as SANE's test backend is `test:0`
SETTLE_FRAMES = 5  # a UVC camera's first frames are dark or blurred while exposure and focus settle
TEST_FPS = 10
SILENT = "silent"  # `test:silent`: a camera that is there but sends no picture (a stalled UVC stream)


class QtCamera(QObject):
    """Implements kiosk.capture.port.Camera. Build it on the Qt thread; the camera runs only while a photo is taken."""

    _wanted = Signal(bool)  # emitted on any thread; Qt queues it to this object's thread (the Qt thread)

    def __init__(self, *, device: str = "", timeout_s: float = 5.0, finder: FaceFinder | None = None) -> None:
        super().__init__()
        self.device = device
        self.timeout_s = timeout_s
        self._finder = finder or FaceFinder()
        self._lock = threading.Lock()
        self._busy = threading.Lock()
        self._frames = 0
        self._latest: QVideoFrame | None = None
        self._settled = threading.Event()
        self._status, self._detail = CameraStatus.READY, ""
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setVideoSink(self._sink)
        # Direct: the frame is kept on whichever thread delivers it, even while the Qt thread is busy.
        self._sink.videoFrameChanged.connect(self._frame, Qt.ConnectionType.DirectConnection)
        self._wanted.connect(self._switch)
        self._camera: QCamera | None = None
        self._test: _TestSource | None = None
        if device.startswith(TEST_PREFIX):
            self._test = _TestSource(device.removeprefix(TEST_PREFIX), self._session, self)
        else:
            self._devices = QMediaDevices(self)
            self._devices.videoInputsChanged.connect(self._attach)
            self._attach()

    @Slot()
    def _attach(self) -> None:
        """(Re)find the configured camera: at the start and whenever a camera is plugged in or out."""
        found = _find(self.device)
        if found is None:
            if self._camera is not None:
                self._camera.deleteLater()
            self._camera = None
            self._set(CameraStatus.DISCONNECTED, f"camera {self.device or '(default)'} is not connected")
            return
        if self._camera is not None and self._camera.cameraDevice() == found:
            return
        self._camera = QCamera(found, self)
        self._camera.errorOccurred.connect(self._failed)
        self._session.setCamera(self._camera)
        self._set(CameraStatus.READY, f"camera {found.description()}")

    @Slot(QCamera.Error, str)
    def _failed(self, error: QCamera.Error, text: str) -> None:
        self._set(CameraStatus.ERROR, f"camera error: {text or error.name}")

    def _set(self, status: CameraStatus, detail: str) -> None:
        with self._lock:
            self._status, self._detail = status, detail

    @Slot(bool)
    def _switch(self, on: bool) -> None:
        if self._test is not None:
            self._test.run(on)
        elif self._camera is not None:
            self._camera.setActive(on)

    @Slot(QVideoFrame)
    def _frame(self, frame: QVideoFrame) -> None:
        with self._lock:
            self._frames += 1
            self._latest = QVideoFrame(frame)
            if self._frames >= SETTLE_FRAMES:
                self._settled.set()

    def status(self) -> CameraStatus:
        with self._lock:
            return self._status

    def health(self) -> DeviceHealth:
        with self._lock:
            status, detail = self._status, self._detail
        return DeviceHealth("camera", status.value, status in (CameraStatus.READY, CameraStatus.BUSY), detail)

    def take_photo(self) -> Photo | CameraProblem:
        if self.status() is CameraStatus.DISCONNECTED:
            return CameraProblem(CameraStatus.DISCONNECTED, self.health().detail)
        if not self._busy.acquire(blocking=False):
            return CameraProblem(CameraStatus.BUSY, "a photo is already being taken")
        try:
            frame = self._settled_frame()  # after an ERROR too: a camera that failed once may work again
        finally:
            self._busy.release()
        image = None if frame is None else _to_pil(frame)
        if image is None:
            late = f"no picture from the camera in {self.timeout_s:g} s"
            self._set(CameraStatus.ERROR, late if frame is None else "the camera's picture could not be decoded")
            return CameraProblem(CameraStatus.ERROR, self.health().detail)
        self._set(CameraStatus.READY, f"last photo {image.width}×{image.height}")
        photo = make_photo(image, self._finder)
        log.info("photo taken: face in frame %s (%s), %d bytes", photo.face_in_frame, photo.detail, len(photo.jpeg))
        return photo

    def _settled_frame(self) -> QVideoFrame | None:
        with self._lock:
            self._frames, self._latest = 0, None
            self._settled.clear()
        self._wanted.emit(True)
        try:
            if QThread.currentThread() is self.thread():
                # On the Qt thread (the self-test): the frames arrive through this very event loop.
                deadline = time.monotonic() + self.timeout_s
                while not self._settled.is_set() and time.monotonic() < deadline:
                    process_events()
                    self._settled.wait(0.01)
            else:
                self._settled.wait(self.timeout_s)
        finally:
            self._wanted.emit(False)
        with self._lock:
            return self._latest if self._settled.is_set() else None

    def close(self) -> None:
        self._wanted.emit(False)


class _TestSource(QObject):
    """Qt Multimedia's frame input playing one test picture at TEST_FPS while the camera is wanted."""

    def __init__(self, name: str, session: QMediaCaptureSession, parent: QObject) -> None:
        super().__init__(parent)
        if name not in (*PICTURES, SILENT):
            expected = " | ".join(f"test:{each}" for each in (*PICTURES, SILENT))
            raise ValueError(f"[devices.camera].device = 'test:{name}': expected {expected}")
        self._silent = name == SILENT
        rgb = picture("empty" if self._silent else name).convert("RGB")
        data = rgb.tobytes()
        self._image = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()
        self._input = QVideoFrameInput(self)
        session.setVideoFrameInput(self._input)
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // TEST_FPS)
        self._timer.timeout.connect(self._send)

    def run(self, on: bool) -> None:
        if on and not self._silent:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _send(self) -> None:
        self._input.sendVideoFrame(QVideoFrame(self._image))


def _find(device: str) -> QCameraDevice | None:
    """The configured camera by its id or its name; the system's default camera when none is named."""
    if not device:
        default = QMediaDevices.defaultVideoInput()
        return None if default.isNull() else default
    for candidate in QMediaDevices.videoInputs():
        if device in (bytes(candidate.id().data()).decode("utf-8", "replace"), candidate.description()):
            return candidate
    return None


def _to_pil(frame: QVideoFrame) -> Image.Image | None:
    image = frame.toImage()
    if image.isNull():
        return None
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    stride = rgb.bytesPerLine()
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB", stride, 1)
