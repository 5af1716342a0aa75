"""Windows and dialogs that fit the screen they open on.

Office PCs have small screens (1366×768, or 1920×1080 at 150 %: about 1280×660 logical pixels
once the taskbar and title bar are gone). Every window and dialog opens through
:func:`fit_to_screen`: its preferred size where there is room, the screen's available area
where there is not, never larger, and never above or beside the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# What a frame and title bar add around a top-level widget's own geometry (the platform adds
# them outside it); kept free so the whole window, title bar included, is on the screen.
FRAME_MARGIN = QSize(16, 40)


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by taskbars (the primary screen if unknown)."""
    screen: QScreen | None = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1280, 660)
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, preferred: tuple[int, int] | None = None) -> QSize:
    """Size ``widget`` (a window or dialog) to ``preferred`` (default: its size hint, or its
    present size if larger), shrunk to the screen's available area, and move it onto the
    screen; returns the size given. A widget whose minimum is larger than the screen keeps its
    minimum (Qt would anyway) — the layouts are made so that this does not happen at 1280×660.
    """
    area = available_area(widget)
    room = QSize(
        max(1, area.width() - FRAME_MARGIN.width()), max(1, area.height() - FRAME_MARGIN.height())
    )
    if preferred is not None:
        wanted = QSize(*preferred)
    else:
        wanted = widget.size().expandedTo(widget.sizeHint())
    size = wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    size = size.expandedTo(widget.minimumSize())
    widget.resize(size)
    # Keep it on the screen: a saved position from a larger screen, a dialog centred on a
    # parent near the edge.
    geometry = widget.frameGeometry() if widget.isWindow() else widget.geometry()
    x = min(max(geometry.x(), area.left()), max(area.left(), area.right() - size.width()))
    y = min(max(geometry.y(), area.top()), max(area.top(), area.bottom() - size.height()))
    if (x, y) != (geometry.x(), geometry.y()):
        widget.move(x, y)
    return size


__all__ = ["available_area", "fit_to_screen"]
