from __future__ import annotations

import io

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from drivers.scanner.pages import (
    PAGE_CAP_BYTES,
    PREVIEW_WIDTH,
    TARGET_DPI,
    PageImageError,
    check_page,
    estimate_skew,
    ink_mask,
)
from kiosk.capture.port import CheckedPage, PageVerdict
from tests.drivers.scanner import page_samples as samples


@pytest.fixture(scope="module")
def text() -> Image.Image:
    return samples.text_page()


@pytest.fixture(scope="module")
def checked_text(text: Image.Image) -> CheckedPage:
    return check_page(samples.png(text), samples.DPI)


@pytest.fixture(scope="module")
def a5_text() -> Image.Image:
    """A smaller page for the checks that need no A4 (a quarter of the pixels)."""
    return samples.text_page(2, size=(1748, 2480), lines=30)


def decoded(page: CheckedPage) -> Image.Image:
    image = Image.open(io.BytesIO(page.jpeg))
    image.load()
    return image


def qr_texts(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image.convert("L"))]


def test_typed_a4_page_is_readable_under_the_2g_cap_and_its_fine_print_survives(checked_text: CheckedPage) -> None:
    page = checked_text
    assert page.verdict is PageVerdict.READABLE
    assert len(page.jpeg) <= PAGE_CAP_BYTES
    image = decoded(page)
    assert (image.format, page.media_type) == ("PNG", "image/png")  # dense type: black-and-white beats JPEG
    assert page.dpi == TARGET_DPI
    assert round(image.info["dpi"][0]) == TARGET_DPI
    assert image.size == (1240, 1754)  # A4 at 150 dpi
    # Readability, measured: a QR code of 0.5 mm modules (the stroke width of 8 pt print) still decodes.
    assert qr_texts(image) == [samples.QR_TEXT]


def test_page_turned_3_degrees_is_straightened_and_readable(a5_text: Image.Image) -> None:
    page = check_page(samples.png(samples.turned(a5_text, 3)), samples.DPI)
    assert page.verdict is PageVerdict.READABLE
    assert "turned +3.0°" in page.detail
    straightened = decoded(page)
    assert abs(estimate_skew(ink_mask(straightened.convert("L").resize((400, 567)), 255))) <= 0.3
    assert qr_texts(straightened) == [samples.QR_TEXT]


def test_page_turned_the_other_way_is_measured_with_its_sign(a5_text: Image.Image) -> None:
    page = check_page(samples.png(samples.turned(a5_text, -6.5)), samples.DPI)
    assert page.verdict is PageVerdict.READABLE
    assert "turned -6.5°" in page.detail


def test_page_turned_25_degrees_is_too_skewed_to_correct(a5_text: Image.Image) -> None:
    page = check_page(samples.png(samples.turned(a5_text, 25)), samples.DPI)
    assert page.verdict is PageVerdict.SKEWED
    assert "turned +25.0°, more than 10°" in page.detail


def test_back_of_a_sheet_is_blank() -> None:
    page = check_page(samples.png(samples.blank_page((1240, 1748))), samples.DPI)
    assert page.verdict is PageVerdict.BLANK
    assert len(page.jpeg) <= PAGE_CAP_BYTES


def test_page_scanned_with_the_lid_open_in_sunlight_is_too_dark(a5_text: Image.Image) -> None:
    page = check_page(samples.png(samples.darkened(a5_text)), samples.DPI)
    assert page.verdict is PageVerdict.TOO_DARK
    assert "paper level" in page.detail


def test_preview_is_a_small_png_of_the_whole_page(checked_text: CheckedPage) -> None:
    preview = Image.open(io.BytesIO(checked_text.preview_png))
    assert preview.format == "PNG"
    assert preview.size == (PREVIEW_WIDTH, round(3508 * PREVIEW_WIDTH / 2480))
    assert len(checked_text.preview_png) < 20_000


def test_detail_never_carries_the_page_content(checked_text: CheckedPage) -> None:
    assert samples.QR_TEXT not in checked_text.detail
    assert not any(word in checked_text.detail for word in samples.WORDS)


def test_bytes_that_are_not_an_image_are_refused_with_the_reason() -> None:
    with pytest.raises(PageImageError, match="not a readable image"):
        check_page(b"\x89PNG\r\n\x1a\n broken", 300)


def test_a_cap_too_small_for_any_page_is_refused() -> None:
    with pytest.raises(ValueError, match="page cap of 100 bytes"):
        check_page(samples.png(samples.blank_page((64, 64))), 300, cap_bytes=100)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(16, 300),
    height=st.integers(16, 400),
    seed=st.binary(min_size=1, max_size=64),
    dpi=st.sampled_from([200, 240, 300]),
    cap=st.integers(2048, 16_384),
)
def test_any_page_image_is_checked_without_error_and_never_exceeds_the_cap(
    width: int, height: int, seed: bytes, dpi: int, cap: int
) -> None:
    noise = (seed * (width * height // len(seed) + 1))[: width * height]
    page = check_page(samples.png(Image.frombytes("L", (width, height), noise), dpi), dpi, cap_bytes=cap)
    assert len(page.jpeg) <= cap
    assert decoded(page).format == {"image/jpeg": "JPEG", "image/png": "PNG"}[page.media_type]
    assert isinstance(page.verdict, PageVerdict)


def photo_area(page: CheckedPage) -> Image.Image:
    image = decoded(page).convert("L")
    half = [round(edge * page.dpi / samples.DPI) for edge in samples.PHOTO_BOX]
    return image.crop((half[0] + 10, half[1] + 10, half[2] - 10, half[3] - 10))


def test_form_with_a_photo_keeps_the_photo_as_a_halftone_and_its_text_sharp() -> None:
    page = check_page(samples.png(samples.form_page()), samples.DPI)
    assert (page.verdict, page.media_type, page.dpi) == (PageVerdict.READABLE, "image/png", TARGET_DPI)
    assert len(page.jpeg) <= PAGE_CAP_BYTES
    dots = photo_area(page).histogram()
    assert 0.2 < dots[0] / (dots[0] + dots[255]) < 0.8  # dithered greys, not crushed to black or washed to white
    assert qr_texts(decoded(page)) == [samples.QR_TEXT]


def test_page_with_little_text_and_a_photo_is_a_grey_jpeg() -> None:
    page = check_page(samples.png(samples.form_page(lines=4)), samples.DPI)
    assert (page.media_type, page.dpi) == ("image/jpeg", TARGET_DPI)
    assert len(page.jpeg) <= PAGE_CAP_BYTES
    low, high = photo_area(page).getextrema()
    assert low < 80  # the photo's shadows and highlights came through
    assert high > 170
    assert qr_texts(decoded(page)) == [samples.QR_TEXT]
