"""Pictures and documents for the demo, drawn locally: no download, no network."""

import io
import zlib

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 675

# Colour pairs for the gradients: party red, deep plum, petrol, dark blue, ochre.
PALETTES = [
    ((220, 0, 40), (120, 0, 60)),
    ((90, 20, 90), (200, 30, 80)),
    ((0, 100, 110), (20, 40, 90)),
    ((30, 45, 110), (200, 0, 50)),
    ((190, 120, 20), (170, 20, 40)),
    ((40, 110, 60), (10, 60, 80)),
]


# Pillow's built-in font has no umlauts; DejaVu ships with most Linux systems.
SYSTEM_FONTS = [
    "DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
]
TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "–": "-",
        "·": "-",
    }
)


def _font(size):
    """A font with umlauts if the system has one, else Pillow's built-in font."""
    for name in SYSTEM_FONTS:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size), False
    except (TypeError, ImportError, OSError):  # Pillow without FreeType
        return ImageFont.load_default(), False


def _draw_text(draw, position, text, *, size, fill, max_width=WIDTH - 120):
    """Draw ``text``, shrinking the font until it fits ``max_width``."""
    while True:
        font, has_umlauts = _font(size)
        shown = text if has_umlauts else text.translate(TRANSLITERATION)
        if size <= 20 or draw.textlength(shown, font=font) <= max_width:
            break
        size -= 4
    draw.text(position, shown, font=font, fill=fill)


def poster_png(caption: str, *, variant: int = 0) -> bytes:
    """A 1200×675 PNG: a diagonal gradient, a few circles and the caption."""
    top, bottom = PALETTES[variant % len(PALETTES)]
    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    gradient = gradient.rotate(-30 if variant % 2 else 30, expand=False, fillcolor=128)
    picture = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), bottom),
        Image.new("RGB", (WIDTH, HEIGHT), top),
        gradient,
    )
    draw = ImageDraw.Draw(picture, "RGBA")
    for i in range(5):
        radius = 90 + 55 * ((variant + i) % 4)
        x = (variant * 173 + i * 263) % WIDTH
        y = (variant * 97 + i * 151) % HEIGHT
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 28)
        )
    draw.rectangle((0, HEIGHT - 170, WIDTH, HEIGHT), fill=(0, 0, 0, 110))
    _draw_text(draw, (60, HEIGHT - 140), caption, size=50, fill=(255, 255, 255))
    _draw_text(
        draw, (60, HEIGHT - 62), "Mitmachportal · Berlin", size=26, fill=(255, 220, 220)
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def _pdf_text(value: str) -> bytes:
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF (Helvetica, WinAnsi) with a title and some lines."""
    content = [b"BT", b"/F1 20 Tf", b"56 780 Td", b"(" + _pdf_text(title) + b") Tj"]
    content += [b"/F1 11 Tf", b"0 -34 Td"]
    for line in lines:
        content += [b"(" + _pdf_text(line) + b") Tj", b"0 -16 Td"]
    content.append(b"ET")
    stream = zlib.compress(b"\n".join(content))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
        b"<< /Title (" + _pdf_text(title) + b") /Producer (Mitmachportal) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n" % (len(objects) + 1))
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()
