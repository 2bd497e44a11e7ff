"""Write a :class:`~opmap.scene.Scene` as a one-page vector PDF, for the LaTeX build.

LaTeX cannot include SVG; this writer needs nothing outside the standard library. Text is
set in the standard Helvetica font, which every PDF reader has, so no font is embedded.
"""

from __future__ import annotations

import zlib

from .metrics import text_width
from .scene import LAND, Circle, Group, Path, Scene, Text

# Four Bézier arcs approximate a circle with this control-point factor.
_KAPPA = 0.5523


def _rgb(colour: str) -> str:
    h = colour.lstrip("#")
    return " ".join(f"{int(h[i:i + 2], 16) / 255:.3f}" for i in (0, 2, 4))


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class _Canvas:
    def __init__(self, height: float):
        self.height = height
        self.ops: list[bytes] = []

    def y(self, y: float) -> float:
        # PDF measures up from the bottom; the scene measures down from the top.
        return self.height - y

    def op(self, text: str) -> None:
        self.ops.append(text.encode("ascii"))

    def paint(self, fill: str, stroke: str, width: float) -> None:
        if fill:
            self.op(f"{_rgb(fill)} rg")
        if stroke:
            self.op(f"{_rgb(stroke)} RG {width:.2f} w")
        self.op("B" if fill and stroke else "f" if fill else "S" if stroke else "n")

    def shape(self, shape) -> None:
        if isinstance(shape, Group):
            for inner in shape.shapes:
                self.shape(inner)
        elif isinstance(shape, Path):
            (x, y), *rest = shape.points
            self.op(f"{x:.2f} {self.y(y):.2f} m")
            if shape.curve:
                for i in range(0, len(rest), 3):
                    pts = " ".join(f"{px:.2f} {self.y(py):.2f}" for px, py in rest[i:i + 3])
                    self.op(f"{pts} c")
            else:
                for px, py in rest:
                    self.op(f"{px:.2f} {self.y(py):.2f} l")
            if shape.closed:
                self.op("h")
            self.op(f"[{' '.join(f'{d:.1f}' for d in shape.dash)}] 0 d")
            self.paint(shape.fill, shape.stroke, shape.width)
        elif isinstance(shape, Circle):
            x, y, r, k = shape.x, self.y(shape.y), shape.r, shape.r * _KAPPA
            self.op(f"{x + r:.2f} {y:.2f} m")
            self.op(f"{x + r:.2f} {y + k:.2f} {x + k:.2f} {y + r:.2f} {x:.2f} {y + r:.2f} c")
            self.op(f"{x - k:.2f} {y + r:.2f} {x - r:.2f} {y + k:.2f} {x - r:.2f} {y:.2f} c")
            self.op(f"{x - r:.2f} {y - k:.2f} {x - k:.2f} {y - r:.2f} {x:.2f} {y - r:.2f} c")
            self.op(f"{x + k:.2f} {y - r:.2f} {x + r:.2f} {y - k:.2f} {x + r:.2f} {y:.2f} c h")
            self.op("[] 0 d")
            self.paint(shape.fill, shape.stroke, shape.width)
        elif isinstance(shape, Text):
            font = "/F2" if shape.bold else "/F3" if shape.italic else "/F1"
            width = text_width(shape.text, shape.size)
            x = shape.x - {"start": 0, "middle": width / 2, "end": width}[shape.anchor]
            place = f"BT {font} {shape.size:.1f} Tf {x:.2f} {self.y(shape.y):.2f} Td"
            if shape.halo:
                self.op(f"{_rgb(LAND)} RG 3.5 w 1 j 1 Tr {place}")
                self.ops.append(_pdf_string(shape.text) + b" Tj ET 0 Tr")
            self.op(f"{_rgb(shape.fill)} rg {place}")
            self.ops.append(_pdf_string(shape.text) + b" Tj ET")
        else:
            raise TypeError(shape)


def render(scene: Scene, *, title: str) -> bytes:
    canvas = _Canvas(scene.height)
    for shape in scene.shapes:
        canvas.shape(shape)
    content = zlib.compress(b"\n".join(canvas.ops))
    fonts = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {scene.width:.2f} {scene.height:.2f}] "
         f"/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R >>"
         ).encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content + b"\nendstream",
        *(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
          .encode() for name in fonts.values()),
        b"<< /Title " + _pdf_string(title) + b" /Producer (opmap) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, len(objects), xref))
    return bytes(out)
