"""ESC/POS bytes and DLE EOT replies, against the vectors in docs/protocols.md (receipt printer)."""

from __future__ import annotations

import pytest
from PIL import Image

from drivers.printer import codec
from drivers.printer.render import TextPiece
from kiosk.devices.printer import PrinterStatus
from kiosk.receipt import Align, Size


def test_raster_of_16x2_image_matches_the_reference_bytes() -> None:
    image = Image.new("1", (16, 2), 1)
    image.putpixel((0, 0), 0)
    image.putpixel((15, 1), 0)
    rows = codec.pack_rows(image)
    assert codec.raster(rows, 2) == bytes.fromhex("1D 76 30 00 02 00 02 00 80 00 00 01")


def test_cut_matches_python_escpos_cut() -> None:
    assert bytes.fromhex("1B 64 06 1D 56 00") == codec.CUT


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "expected"),
    [
        (0x12, 0x12, 0x12, PrinterStatus.READY),
        (0x12, 0x12, 0x1E, PrinterStatus.PAPER_NEAR_END),
        (0x1A, 0x32, 0x72, PrinterStatus.PAPER_OUT),
        (0x1A, 0x16, 0x12, PrinterStatus.COVER_OPEN),
        (0x1A, 0x12, 0x12, PrinterStatus.OFFLINE),
        (0x1A, 0x52, 0x12, PrinterStatus.ERROR),
    ],
)
def test_dle_eot_replies_map_to_port_status(printer: int, cause: int, paper: int, expected: PrinterStatus) -> None:
    assert codec.to_status(codec.parse_status(printer, cause, paper)) is expected


@pytest.mark.parametrize("garbled", [0x00, 0xFF, 0x13, 0x92])
def test_byte_that_is_not_a_status_reply_is_refused_with_its_value(garbled: int) -> None:
    with pytest.raises(codec.StatusReplyError, match=f"0x{garbled:02X}"):
        codec.parse_status(garbled, None, None)


def test_blank_rows_become_paper_feed_not_raster() -> None:
    image = Image.new("1", (384, 100), 1)
    image.putpixel((3, 50), 0)
    data = codec.encode_image(image, band=128)
    # 50 blank rows fed, one row of one byte printed, 49 blank rows fed.
    assert data == bytes([0x1B, 0x4A, 50]) + bytes.fromhex("1D 76 30 00 01 00 01 00 10") + bytes([0x1B, 0x4A, 49])


def test_tall_picture_is_split_into_bands_trimmed_to_their_ink() -> None:
    image = Image.new("1", (384, 300), 0)  # all black
    data = codec.encode_image(image, band=128)
    assert data.count(bytes([0x1D, 0x76, 0x30])) == 3
    assert len(data) == 3 * 8 + 300 * 48


def test_latin_line_is_sent_as_text_with_style() -> None:
    data = codec.encode_text(TextPiece("Receipt 12", Size.LARGE, True, Align.CENTER))
    assert data == bytes.fromhex("1B 61 01 1B 21 38 1B 74 00") + b"Receipt 12\n" + bytes.fromhex("1B 21 00")


def test_status_query_only_for_defined_n() -> None:
    assert codec.status_query(4) == bytes.fromhex("10 04 04")
    with pytest.raises(ValueError, match=r"1\.\.4"):
        codec.status_query(5)


def test_band_with_blank_left_part_is_sent_with_a_left_margin() -> None:
    image = Image.new("1", (384, 20), 1)
    for y in range(20):
        image.putpixel((200, y), 0)  # byte 25, bit 0x80
    data = codec.encode_image(image, band=128)
    assert data == (
        codec.left_margin(200) + bytes.fromhex("1D 76 30 00 01 00 14 00") + bytes([0x80] * 20) + codec.left_margin(0)
    )
