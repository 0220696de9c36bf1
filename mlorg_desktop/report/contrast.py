"""WCAG 2 contrast between two colours, and the darkest-needed shade of a colour that reaches
it: text in an archetype's or a series' colour must stay readable on the background it is
drawn on (4.5:1 for body text, WCAG 2.1 success criterion 1.4.3). Qt-free."""

from __future__ import annotations

AA_TEXT = 4.5


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    r, g, b = (_channel(v) for v in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def readable(color: str, background: str, minimum: float = AA_TEXT) -> str:
    """``color`` itself if it reaches ``minimum`` on ``background``; else the same hue mixed
    towards black (on a light background) or white (on a dark one) just far enough."""
    if contrast_ratio(color, background) >= minimum:
        return color.upper()
    target = (0, 0, 0) if relative_luminance(background) > 0.18 else (255, 255, 255)
    start = _rgb(color)
    for step in range(1, 101):
        t = step / 100
        mixed = tuple(round(s + (e - s) * t) for s, e in zip(start, target, strict=True))
        candidate = "#{:02X}{:02X}{:02X}".format(*mixed)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return "#000000" if target == (0, 0, 0) else "#FFFFFF"
