"""QR codes for QML: `image://qr/<url-encoded text>` rendered from the qrcode module matrix with QPainter."""

from __future__ import annotations

from urllib.parse import quote, unquote

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider


def qr_source(text: str) -> str:
    return "image://qr/" + quote(text, safe="")


def qr_image(text: str, size: int = 300) -> QImage:
    import qrcode  # only the done screen needs it; importing it late keeps the cold start shorter

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    cell = max(size // len(matrix), 1)
    image = QImage(cell * len(matrix), cell * len(matrix), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRect(x * cell, y * cell, cell, cell), Qt.GlobalColor.black)
    painter.end()
    return image


class QrImageProvider(QQuickImageProvider):
    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        wanted = requested.width() if requested.width() > 0 else 300
        image = qr_image(unquote(image_id), wanted)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
