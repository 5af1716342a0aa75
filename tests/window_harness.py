"""Types shared by the window tests."""

from collections.abc import Callable
from pathlib import Path

from ui.main_window import MainWindow

WindowFactory = Callable[[Path], MainWindow]
