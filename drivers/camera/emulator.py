"""The camera's test pictures, as SANE's test backend draws its own: a face, nobody, two people, a face at the edge."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter

FRAME = (640, 480)  # VGA, what a kiosk's UVC camera gives at its lowest setting
PICTURES = ("face", "empty", "two_faces", "edge")


def picture(name: str, size: tuple[int, int] = FRAME) -> Image.Image:
    """A frame as the camera would see it: a plain wall behind, soft focus (drawn faces the Haar cascade finds)."""
    if name not in PICTURES:
        raise ValueError(f"no camera test picture {name!r} (have: {', '.join(PICTURES)})")
    width, height = size
    frame = Image.new("RGB", size, (92, 96, 104))
    draw = ImageDraw.Draw(frame)
    radius = height // 5
    if name == "face":
        _face(draw, width // 2, height // 2, radius)
    elif name == "two_faces":
        _face(draw, width // 4, height // 2, radius * 3 // 4)
        _face(draw, width * 3 // 4, height // 2, radius * 3 // 4)
    elif name == "edge":
        _face(draw, width - radius - 30, height // 2, radius)  # found, but its box touches the right edge
    return frame.filter(ImageFilter.GaussianBlur(3))


def _face(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int) -> None:
    """Skin, hair, dark eyes under brows, a lighter nose bridge, a mouth: the light-dark pattern a face detector
    looks for."""
    skin, dark = (205, 160, 130), (45, 35, 30)
    draw.ellipse((cx - r, cy - r * 13 // 10, cx + r, cy + r * 13 // 10), fill=skin)
    draw.chord((cx - r - 5, cy - r * 14 // 10, cx + r + 5, cy - r // 5), 180, 360, fill=dark)
    eye_y, eye_dx = cy - r // 4, r * 42 // 100
    for side in (-1, 1):
        x = cx + side * eye_dx
        draw.ellipse((x - r // 5, eye_y - r * 9 // 100, x + r // 5, eye_y + r * 9 // 100), fill=(60, 50, 45))
        draw.rectangle((x - r // 4, eye_y - r * 28 // 100, x + r // 4, eye_y - r // 5), fill=dark)
    nose = [(cx, eye_y + 5), (cx - r * 15 // 100, cy + r * 35 // 100), (cx + r * 15 // 100, cy + r * 35 // 100)]
    draw.polygon(nose, fill=(185, 140, 112))
    draw.ellipse((cx - r * 35 // 100, cy + r * 55 // 100, cx + r * 35 // 100, cy + r * 72 // 100), fill=(120, 60, 60))
