"""Page bytes benchmark: what one scanned A4 page costs on a 2G uplink, ours vs the raw scan vs a naive JPEG."""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops, ImageFilter  # noqa: E402

from drivers.scanner.pages import PAGE_CAP_BYTES, check_page  # noqa: E402
from drivers.scanner.sane.codec import normalise  # noqa: E402
from drivers.scanner.sane.driver import SaneScanner  # noqa: E402
from drivers.scanner.sane.emulator import SaneTestBackend  # noqa: E402
from kiosk.devices.scanner import ScannedDocument  # noqa: E402
from tests.drivers.scanner import page_samples as samples  # noqa: E402

EDGE_BITS_PER_S = 40_000  # what a 2G (EDGE) uplink gives in a village, on a good day


def raw_png(page: Image.Image) -> bytes:
    """The page as the SANE driver hands it over: PNM through the driver's own normalisation (grey PNG, 300 dpi),
    with a flatbed's sensor noise (σ ≈ 1.5 levels) and its slight blur, which is what makes a real raw scan big."""
    noise = Image.effect_noise(page.size, 1.5)
    scanned = ImageChops.add(page.filter(ImageFilter.GaussianBlur(0.7)), noise, scale=1.0, offset=-128)
    pnm = io.BytesIO()
    scanned.save(pnm, format="PPM")
    return normalise(pnm.getvalue(), samples.DPI)[0]


def naive_jpeg(png: bytes) -> int:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).save(out, format="JPEG")  # Pillow's default quality (75), full resolution
    return out.tell()


def sane_grid(folder: Path) -> bytes | None:
    if shutil.which("scanimage") is None:
        return None
    backend = SaneTestBackend(folder)
    from kiosk.clock import SystemClock

    scanner = SaneScanner(
        SystemClock(), device=backend.device, area_mm=(200, 200), sane_config_dir=backend.config_dir,
        device_options=backend.options(),
    )  # fmt: skip
    result = scanner.scan()
    return result.png if isinstance(result, ScannedDocument) else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    pages: dict[str, bytes] = {
        "dense typed A4 (60 lines of 10 pt)": raw_png(samples.text_page()),
        "form A4 (14 lines, photo, signature)": raw_png(samples.form_page()),
        "ID card copy on A4 (4 lines, photo)": raw_png(samples.form_page(lines=4)),
        "dense typed A4 turned 3°": raw_png(samples.turned(samples.text_page(), 3)),
    }
    with tempfile.TemporaryDirectory() as folder:
        grid = sane_grid(Path(folder))
    if grid is not None:
        pages["SANE test backend grid (200 mm)"] = grid
    print(f"cap {PAGE_CAP_BYTES} B per page; {EDGE_BITS_PER_S // 1000} kbit/s EDGE for the upload times")
    for name, png in pages.items():
        started = time.perf_counter()
        checked = check_page(png, samples.DPI)
        took = time.perf_counter() - started
        ours, naive = len(checked.jpeg), naive_jpeg(png)
        print(
            f"{name}: raw PNG {len(png):,} B, naive JPEG {naive:,} B, ours {ours:,} B ({checked.media_type}, "
            f"{checked.dpi} dpi, {checked.verdict.value}) — {len(png) / ours:.1f}× less than raw, "
            f"{naive / ours:.1f}× less than naive; {ours * 8 / EDGE_BITS_PER_S:.1f} s vs "
            f"{len(png) * 8 / EDGE_BITS_PER_S:.0f} s raw at 2G; checks + compression {took * 1000:.0f} ms"
        )
    handover(samples.text_page())
    return 0


def handover(page: Image.Image) -> None:
    """The SANE driver's PNG hand-over of a noisy A4 page: zlib's fastest level (ours) vs its best (the old way)."""
    scanned = raw_png(page)
    grey = Image.open(io.BytesIO(scanned))
    grey.load()
    timings = {}
    for name, options in (("fast (ours)", {"compress_level": 1}), ("best (optimize)", {"optimize": True})):
        started = time.perf_counter()
        out = io.BytesIO()
        grey.save(out, format="PNG", **options)
        timings[name] = (time.perf_counter() - started, out.tell())
    (fast, fast_b), (best, best_b) = timings.values()
    print(
        f"driver hand-over of a noisy A4 page: fast {fast * 1000:.0f} ms ({fast_b:,} B) vs best {best * 1000:.0f} ms "
        f"({best_b:,} B): {best / fast:.1f}× faster for {fast_b / best_b - 1:.0%} more bytes in memory"
    )


if __name__ == "__main__":
    raise SystemExit(main())
