"""A QR code drawn straight onto the canvas: one rectangle per run of dark modules."""

from __future__ import annotations

from reportlab.platypus import Flowable


class QrFlowable(Flowable):  # type: ignore[misc]
    """A square QR code of `text`, `size` points wide, with the standard 4-module quiet zone.

    The mask pattern is fixed: choosing the "best" of eight costs ~3 ms per code and every
    reader decodes any mask, so a printout gains nothing from it.
    """

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        import qrcode

        qr = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, mask_pattern=0
        )
        qr.add_data(text)
        qr.make(fit=True)
        self.matrix: list[list[bool]] = qr.get_matrix()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        """Paint the dark modules, merging horizontal runs into one rectangle each."""
        n = len(self.matrix)
        cell = self.size / n
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for row_index, row in enumerate(self.matrix):
            y = self.size - (row_index + 1) * cell
            col = 0
            while col < n:
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < n and row[col]:
                    col += 1
                canvas.rect(start * cell, y, (col - start) * cell, cell, stroke=0, fill=1)
        canvas.restoreState()
