"""The Qt Multimedia camera driven for real offscreen: Qt's frame input plays the test pictures into the capture
session, the driver's video sink takes the frames, and the photo is asked for from a worker thread as the journey
does. A machine without a camera (this one, CI) is the absent-camera case."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from drivers.camera.photo import PASSPORT_PX, PHOTO_CAP_BYTES
from kiosk.capture.port import CameraProblem, CameraStatus, Photo
from ui.camera import QtCamera


@pytest.fixture
def camera(qapp: object) -> Iterator[Callable[..., QtCamera]]:
    made: list[QtCamera] = []

    def make(device: str, timeout_s: float = 5.0) -> QtCamera:
        made.append(QtCamera(device=device, timeout_s=timeout_s))
        return made[-1]

    yield make
    for each in made:
        each.close()
        each.deleteLater()


def photo_from_a_worker(qtbot: QtBot, camera: QtCamera) -> Photo | CameraProblem:
    """The journey calls ports from its worker thread while the Qt thread keeps running."""
    result: list[Photo | CameraProblem] = []
    worker = threading.Thread(target=lambda: result.append(camera.take_photo()))
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10_000)
    return result[0]


def test_photo_taken_off_the_qt_thread_has_one_face_at_passport_size(
    qtbot: QtBot, camera: Callable[..., QtCamera], qt_warnings: list[str]
) -> None:
    device = camera("test:face")
    assert device.status() is CameraStatus.READY
    photo = photo_from_a_worker(qtbot, device)
    assert isinstance(photo, Photo)
    assert photo.face_in_frame, photo.detail
    image = Image.open(io.BytesIO(photo.jpeg))
    assert image.size == PASSPORT_PX
    assert len(photo.jpeg) <= PHOTO_CAP_BYTES
    assert device.health().ok


def test_nobody_in_front_of_the_camera_asks_for_a_retake(qtbot: QtBot, camera: Callable[..., QtCamera]) -> None:
    photo = photo_from_a_worker(qtbot, camera("test:empty"))
    assert isinstance(photo, Photo)
    assert (photo.face_in_frame, photo.detail) == (False, "no face in the frame")


def test_photo_can_be_taken_on_the_qt_thread_too(camera: Callable[..., QtCamera]) -> None:
    photo = camera("test:two_faces").take_photo()
    assert isinstance(photo, Photo)
    assert (photo.face_in_frame, photo.detail) == (False, "2 faces in the frame; one person at a time")


def test_absent_camera_is_a_device_fault_and_takes_no_photo(camera: Callable[..., QtCamera]) -> None:
    device = camera("usb-0000:00:14.0-4")  # no such camera on this machine (nor on CI)
    assert device.status() is CameraStatus.DISCONNECTED
    health = device.health()
    assert (health.kind, health.status, health.ok) == ("camera", "disconnected", False)
    assert device.take_photo() == CameraProblem(CameraStatus.DISCONNECTED, "camera usb-0000:00:14.0-4 is not connected")


def test_unknown_test_picture_in_the_config_is_refused_naming_the_setting(qapp: object) -> None:
    with pytest.raises(ValueError, match=r"\[devices.camera\].device = 'test:selfie'"):
        QtCamera(device="test:selfie")


def test_camera_that_sends_no_picture_is_an_error_until_it_does(qtbot: QtBot, camera: Callable[..., QtCamera]) -> None:
    device = camera("test:silent", timeout_s=0.5)
    assert photo_from_a_worker(qtbot, device) == CameraProblem(
        CameraStatus.ERROR, "no picture from the camera in 0.5 s"
    )
    assert device.status() is CameraStatus.ERROR
    assert not device.health().ok
