"""Sizes that fit the screen a window opens on: 1366×768 laptops with a taskbar are common."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window frame and title bar, which the available geometry does not subtract.
FRAME_W, FRAME_H = 16, 40


def available(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by taskbars and panels."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less where the screen is smaller."""
    area = available(widget)
    widget.resize(min(width, area.width() - FRAME_W), min(height, area.height() - FRAME_H))


def clamp_to_screen(widget: QWidget) -> None:
    """Bring a restored window back onto its screen and no bigger than it."""
    area = available(widget)
    frame = widget.frameGeometry()
    w = min(widget.width(), area.width() - FRAME_W)
    h = min(widget.height(), area.height() - FRAME_H)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(w, h)
    x = min(max(frame.x(), area.left()), area.right() - w - FRAME_W + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - h - FRAME_H + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))
