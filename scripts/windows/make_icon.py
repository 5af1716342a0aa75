"""Draw PerfDesk's icon, resources/perfdesk.ico (committed; run again only to change it).

    uv run python scripts/windows/make_icon.py

A white form with ruled lines on red, and a green tick: a form that is checked and ready.
Drawn large and scaled down, so each size in the .ico is smooth.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parents[2]
SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
RED = (196, 30, 36, 255)
WHITE = (255, 255, 255, 255)
LINE = (196, 30, 36, 255)
TICK = (28, 140, 72, 255)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    pen.rounded_rectangle((0.5 * unit, 0.5 * unit, 15.5 * unit, 15.5 * unit), 3 * unit, fill=RED)
    sheet = (3.5 * unit, 2.5 * unit, 12.5 * unit, 13.5 * unit)
    pen.rounded_rectangle(sheet, 0.8 * unit, fill=WHITE)
    left, top, right, _bottom = sheet
    width = max(1, round(0.55 * unit))
    for row in range(4):  # the form's table: a heading bar, then rows
        y = top + (2.2 + row * 1.9) * unit
        pen.line((left + 1.1 * unit, y, right - 1.1 * unit, y), fill=LINE, width=width)
    pen.rectangle(
        (left + 1.1 * unit, top + 0.9 * unit, right - 3 * unit, top + 1.5 * unit), fill=LINE
    )
    pen.line(
        [(7.2 * unit, 11.2 * unit), (9.2 * unit, 13.1 * unit), (14.2 * unit, 7.6 * unit)],
        fill=TICK,
        width=round(1.5 * unit),
        joint="curve",
    )
    return image


def main() -> None:
    target = REPO / "resources" / "perfdesk.ico"
    draw().resize((256, 256), Image.Resampling.LANCZOS).save(target, sizes=SIZES)
    print(target)


if __name__ == "__main__":
    main()
