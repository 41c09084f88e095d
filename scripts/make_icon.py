"""Draw the application icon (resources/icons/talimger.png and .ico) with Pillow: shapes only."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
NAVY, GOLD, WHITE = (22, 52, 96, 255), (214, 168, 54, 255), (255, 255, 255, 255)


def draw(size: int = 256) -> Image.Image:
    """A navy tile with an open book (white) under a golden sun: learning, the Kazakh flag's sun."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    s = size / 256
    pen.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=NAVY)
    pen.ellipse((93 * s, 34 * s, 163 * s, 104 * s), fill=GOLD)
    # the book: two pages meeting at a spine, slightly raised at the outer edges
    pen.polygon(
        [(40 * s, 132 * s), (124 * s, 148 * s), (124 * s, 214 * s), (40 * s, 198 * s)], fill=WHITE
    )
    pen.polygon(
        [(216 * s, 132 * s), (132 * s, 148 * s), (132 * s, 214 * s), (216 * s, 198 * s)], fill=WHITE
    )
    pen.line([(128 * s, 146 * s), (128 * s, 218 * s)], fill=GOLD, width=max(1, round(6 * s)))
    return image


def main() -> None:
    """Write the PNG (window icon) and the multi-size ICO (exe and installer)."""
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw(256)
    image.save(OUT / "talimger.png")
    image.save(
        OUT / "talimger.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main()
