"""The applicant's photo from a camera frame: one face found and framed, cropped to passport size, JPEG ≤ 40 KB."""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageOps

from kiosk.capture.port import Photo

PASSPORT_PX = (413, 531)  # 35 × 45 mm at 300 dpi, the size the application forms ask for
PHOTO_CAP_BYTES = 40 * 1024
QUALITIES = (85, 75, 65, 55, 45, 35)
PREVIEW_PX = (140, 180)
DETECT_WIDTH = 640  # frames are searched at this width: a face filling a fifth of it is ~128 px, plenty for Haar
MIN_FACE_SHARE = 0.15  # a face narrower than this share of the frame: the villager stands too far away
EDGE_MARGIN_SHARE = 0.04  # a face this close to the frame's edge may be cut off (chin, ear, top of the head)
# OpenCV's frontal-face Haar cascade, shipped inside the opencv-python-headless wheel with its trained data.
CASCADE_FILE = "haarcascade_frontalface_default.xml"


@dataclass(frozen=True, slots=True)
class Box:
    x: int
    y: int
    w: int
    h: int


class FaceFinder:
    """Upright frontal faces through OpenCV's Haar cascade (Viola–Jones). It finds a face looking at the camera in
    fair light, turned up to ~25°; it misses faces turned further, in profile, in strong back-light or half hidden,
    and it can be fooled by a printed photo or a face-like pattern (no liveness check)."""

    def __init__(self) -> None:
        self._cascade = cv2.CascadeClassifier(str(cv2.data.haarcascades) + CASCADE_FILE)  # type: ignore[attr-defined]
        if self._cascade.empty():
            raise RuntimeError(f"OpenCV's face data {CASCADE_FILE} is missing from the opencv-python-headless wheel")

    def faces(self, frame: Image.Image) -> list[Box]:
        scale = min(1.0, DETECT_WIDTH / frame.width)
        small = frame.convert("L").resize((max(1, round(frame.width * scale)), max(1, round(frame.height * scale))))
        grey = cv2.equalizeHist(np.asarray(small, dtype=np.uint8))  # evens out a dim or washed-out frame
        smallest = max(24, round(small.width * MIN_FACE_SHARE * 0.8))
        found = self._cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest))
        return [Box(*(round(int(v) / scale) for v in box)) for box in found]


def judge(faces: list[Box], size: tuple[int, int]) -> tuple[bool, str]:
    """Whether the frame has exactly one face, near enough and clear of the edges; the reason in English."""
    width, height = size
    if not faces:
        return False, "no face in the frame"
    if len(faces) > 1:
        return False, f"{len(faces)} faces in the frame; one person at a time"
    face = faces[0]
    if face.w < MIN_FACE_SHARE * width:
        return False, f"face is {face.w / width:.0%} of the frame width; come closer"
    margin_x, margin_y = EDGE_MARGIN_SHARE * width, EDGE_MARGIN_SHARE * height
    if (
        face.x < margin_x
        or face.y < margin_y
        or face.x + face.w > width - margin_x
        or face.y + face.h > height - margin_y
    ):
        return False, "face is at the edge of the frame and may be cut off"
    return True, f"one face, {face.w / width:.0%} of the frame width"


def passport_crop(size: tuple[int, int], face: Box | None) -> tuple[int, int, int, int]:
    """The 35 × 45 crop with the head at ~75 % of its height (the cascade's box spans brows to chin, about half the
    head with hair and neck); the frame's centre when there is no face. Shifted, then shrunk, to stay inside."""
    width, height = size
    aspect = PASSPORT_PX[0] / PASSPORT_PX[1]
    if face is None:
        crop_h = min(height, width / aspect)
        cx, cy = width / 2, height / 2
    else:
        crop_h = min(height, width / aspect, face.h * 2.1)
        cx, cy = face.x + face.w / 2, face.y + face.h * 0.45
    crop_w = crop_h * aspect
    left = min(max(0.0, cx - crop_w / 2), width - crop_w)
    top = min(max(0.0, cy - crop_h / 2), height - crop_h)
    return round(left), round(top), round(left + crop_w), round(top + crop_h)


def make_photo(frame: Image.Image, finder: FaceFinder) -> Photo:
    faces = finder.faces(frame)
    ok, detail = judge(faces, frame.size)
    crop = passport_crop(frame.size, faces[0] if ok else None)
    portrait = frame.convert("RGB").crop(crop).resize(PASSPORT_PX, Image.Resampling.LANCZOS)
    return Photo(jpeg=under_cap(portrait), preview_png=preview(portrait), face_in_frame=ok, detail=detail)


def under_cap(portrait: Image.Image, cap_bytes: int = PHOTO_CAP_BYTES) -> bytes:
    """The best JPEG quality that fits; a noisy frame past the lowest quality is made smaller until it fits."""
    image = portrait
    while True:
        for quality in QUALITIES:
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=quality, optimize=True, dpi=(300, 300))
            if out.tell() <= cap_bytes:
                return out.getvalue()
        image = image.resize((max(8, image.width * 3 // 4), max(8, image.height * 3 // 4)), Image.Resampling.LANCZOS)


def preview(portrait: Image.Image) -> bytes:
    out = io.BytesIO()
    ImageOps.fit(portrait, PREVIEW_PX).save(out, format="PNG", optimize=True)
    return out.getvalue()
