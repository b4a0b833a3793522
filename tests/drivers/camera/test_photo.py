from __future__ import annotations

import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from drivers.camera.emulator import picture
from drivers.camera.photo import PASSPORT_PX, PHOTO_CAP_BYTES, PREVIEW_PX, Box, FaceFinder, judge, make_photo


@pytest.fixture(scope="module")
def finder() -> FaceFinder:
    return FaceFinder()


def test_one_face_is_framed_at_passport_size_under_40_kb(finder: FaceFinder) -> None:
    photo = make_photo(picture("face"), finder)
    assert photo.face_in_frame
    assert photo.detail == "one face, 37% of the frame width"
    image = Image.open(io.BytesIO(photo.jpeg))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", PASSPORT_PX)
    assert len(photo.jpeg) <= PHOTO_CAP_BYTES
    preview = Image.open(io.BytesIO(photo.preview_png))
    assert (preview.format, preview.size) == ("PNG", PREVIEW_PX)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty", "no face in the frame"),
        ("two_faces", "2 faces in the frame; one person at a time"),
        ("edge", "face is at the edge of the frame and may be cut off"),
    ],
)
def test_frame_without_exactly_one_whole_face_asks_for_a_retake(finder: FaceFinder, name: str, reason: str) -> None:
    photo = make_photo(picture(name), finder)
    assert not photo.face_in_frame
    assert photo.detail == reason


def test_face_far_from_the_camera_asks_the_villager_to_come_closer() -> None:
    assert judge([Box(300, 200, 60, 60)], (640, 480)) == (False, "face is 9% of the frame width; come closer")


def test_unknown_test_picture_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no camera test picture 'selfie'"):
        picture("selfie")


@settings(max_examples=8, deadline=None)
@given(width=st.integers(8, 480), height=st.integers(8, 360), seed=st.binary(min_size=1, max_size=48))
def test_any_frame_gives_a_photo_under_the_cap_without_error(width: int, height: int, seed: bytes) -> None:
    noise = (seed * (3 * width * height // len(seed) + 1))[: 3 * width * height]
    photo = make_photo(Image.frombytes("RGB", (width, height), noise), FaceFinder())
    assert len(photo.jpeg) <= PHOTO_CAP_BYTES
    assert Image.open(io.BytesIO(photo.jpeg)).format == "JPEG"


def test_a_frame_of_pure_noise_is_still_brought_under_the_cap(finder: FaceFinder) -> None:
    size = (640, 480)
    noise = Image.frombytes("RGB", size, random.Random(7).randbytes(3 * size[0] * size[1]))
    photo = make_photo(noise, finder)
    assert len(photo.jpeg) <= PHOTO_CAP_BYTES
    assert not photo.face_in_frame
