"""Reads a PDF that LibreOffice made into what the GB/T 9704 audit measures: per page its
glyphs (text, face, size, colour, pen box and ink box), its rules (stroked lines and filled
rectangles) and its images, in millimetres from the top-left corner of the page.

pdfplumber (over pdfminer.six) gives each glyph's text, face, size, colour and matrix; the
glyph's outline comes from the font program embedded in the PDF, read with fontTools. Two
boxes per glyph:

- the pen box: from the pen position to the pen position plus the advance, along the
  baseline, and one em high (the em's top is 0.88 em above the baseline, the ideographic
  em of the CJK faces); horizontal placement (flush left, centred, one character in) is
  measured on it, as a typesetter counts character cells;
- the ink box: the bounds of the glyph's outline, placed by the glyph's matrix; vertical
  distances the standard gives between printed things (the mark's top edge, the red line
  under the number, the page number's dash) are measured on it.

The font program also answers whether a glyph is the font's .notdef (the empty box LibreOffice
prints for a character no face has): a Type 1 program (LibreOffice turns CFF faces into
Type 1) names its glyph per code in the clear-text Encoding; a TrueType subset maps codes to
glyphs in its (1,0) cmap, and a code it does not map is .notdef. Comparing rasterised glyph
boxes against a .notdef rendering was the other way: it depends on which face's .notdef and
on the resolution, where the font program says it exactly.
"""
import io
import re
import struct
import tempfile
from dataclasses import dataclass, field

import pdfplumber
import pdfplumber.page as _plumber_page

PT_PER_MM = 72 / 25.4
EM_ASCENT = 0.88  # the ideographic em box of the Noto CJK faces: 0.88 em up, 0.12 em down

# pdfplumber keeps only the attributes it lists: the code of each glyph (pdfminer's cid) is
# recorded by the hook below, and the font object by name, to read its embedded program.
_plumber_page.ALL_ATTRS.add("cid")
_FONTS = {}
_render_char = _plumber_page.PDFPageAggregatorWithMarkedContent.render_char


def _render_char_with_code(self, matrix, font, fontsize, scaling, rise, cid, ncs, gs):
    adv = _render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, gs)
    if self.cur_item._objs:
        obj = self.cur_item._objs[-1]
        obj.cid = cid
        _FONTS.setdefault(obj.fontname, font)
    return adv


_plumber_page.PDFPageAggregatorWithMarkedContent.render_char = _render_char_with_code


def mm(points):
    return points / PT_PER_MM


# ---------------------------------------------------------------- font programs

class FontProgram:
    """The embedded program of one PDF font: which glyph each code draws and its bounds in
    em units (None for a glyph that draws nothing)."""

    def __init__(self, pdffont):
        self.kind, self.names, self._bounds = "none", {}, {}
        self._glyphs = None
        desc = getattr(pdffont, "descriptor", None) or {}
        try:
            if "FontFile2" in desc:
                self._truetype(desc["FontFile2"].resolve().get_data())
            elif "FontFile" in desc:
                self._type1(desc["FontFile"].resolve())
        except Exception as e:  # an unreadable program is reported as such, not hidden
            self.kind = f"unreadable ({type(e).__name__}: {e})"

    def _truetype(self, data):
        from fontTools.pens.boundsPen import BoundsPen
        from fontTools.ttLib import TTFont
        tt = TTFont(io.BytesIO(data))
        cmap = {}
        for table in tt["cmap"].tables:
            for code, name in table.cmap.items():
                cmap.setdefault(code & 0xFF if table.platformID == 3 and table.platEncID == 0 else code, name)
        self.names = cmap
        scale = 1 / tt["head"].unitsPerEm
        glyphs = tt.getGlyphSet()
        for name in set(cmap.values()):
            pen = BoundsPen(glyphs)
            glyphs[name].draw(pen)
            self._bounds[name] = tuple(v * scale for v in pen.bounds) if pen.bounds else None
        self.kind = "truetype"

    def _type1(self, stream):
        from fontTools.pens.boundsPen import BoundsPen
        from fontTools.t1Lib import T1Font
        data = stream.get_data()
        l1, l2 = int(stream["Length1"]), int(stream["Length2"])
        clear = data[:l1].decode("latin-1")
        self.names = {int(c): n for c, n in re.findall(r"dup (\d+) /(\S+) put", clear)}
        matrix = re.search(r"/FontMatrix \[([^\]]+)\]", clear)
        scale = float(matrix.group(1).split()[0]) if matrix else 0.001
        # fontTools reads Type 1 programs from files: the stream's three parts as a PFB.
        def segment(kind, part):
            return b"\x80" + bytes([kind]) + struct.pack("<I", len(part)) + part
        with tempfile.NamedTemporaryFile(suffix=".pfb") as f:
            f.write(segment(1, data[:l1]) + segment(2, data[l1:l1 + l2]) + segment(1, data[l1 + l2:]) + b"\x80\x03")
            f.flush()
            font = T1Font(f.name)
            font.parse()
        strings = font.font["CharStrings"]
        for name in set(self.names.values()):
            if name in strings:
                pen = BoundsPen(strings)
                strings[name].draw(pen)
                self._bounds[name] = tuple(v * scale for v in pen.bounds) if pen.bounds else None
        self.kind = "type1"

    def glyph(self, code):
        """The glyph name for a code, '.notdef' where the program has none."""
        return self.names.get(code, ".notdef")

    def bounds(self, code):
        return self._bounds.get(self.glyph(code))


# ---------------------------------------------------------------- the page model

@dataclass
class Glyph:
    text: str
    font: str          # the PDF font name without its subset tag
    size: float        # pt
    color: tuple
    upright: bool
    matrix: tuple      # a, b, c, d (the direction of the text)
    x0: float          # pen box, mm from the page's left / top
    x1: float
    top: float
    bottom: float
    baseline: float
    ink: tuple | None  # (x0, top, x1, bottom) in mm, None for a glyph that draws nothing
    glyph_name: str
    page: int

    @property
    def cjk(self):
        return ord(self.text[0]) >= 0x2E80 if self.text else False


@dataclass
class Rule:
    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple

    @property
    def length(self):
        return self.x1 - self.x0

    @property
    def thickness(self):
        return self.bottom - self.top


@dataclass
class Line:
    """Glyphs of one page on one baseline, left to right."""
    glyphs: list
    page: int

    @property
    def text(self):
        return "".join(g.text for g in self.glyphs)

    @property
    def baseline(self):
        return sorted(g.baseline for g in self.glyphs)[len(self.glyphs) // 2]

    @property
    def x0(self):
        return min(g.x0 for g in self.glyphs if g.text.strip()) if self.text.strip() else self.glyphs[0].x0

    @property
    def x1(self):
        return max(g.x1 for g in self.glyphs if g.text.strip()) if self.text.strip() else self.glyphs[-1].x1

    def ink(self):
        return union(g.ink for g in self.glyphs if g.ink)


@dataclass
class Page:
    number: int        # 1-based
    width: float       # mm
    height: float
    glyphs: list
    rules: list
    images: list       # (x0, top, x1, bottom) in mm
    lines: list = field(default_factory=list)

    @property
    def landscape(self):
        return self.width > self.height


def union(boxes):
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def base_font(name):
    return name.split("+", 1)[1] if "+" in name else name


def _colour(c):
    if c is None:
        return None
    c = tuple(float(v) for v in c) if isinstance(c, (list, tuple)) else (float(c),)
    return (c[0],) * 3 if len(c) == 1 else c[:3]


def _glyph(c, page_no, height_pt, programs):
    a, b, cc, d, e, f = (float(v) for v in c["matrix"])
    size = float(c["size"])
    program = programs.get(c["fontname"])
    code = c.get("cid")
    bounds = program.bounds(code) if program and code is not None else None
    ink = None
    if bounds:
        # glyph space (em units) -> text space (size) -> page space (matrix), y up
        pts = [(gx * size, gy * size) for gx in (bounds[0], bounds[2]) for gy in (bounds[1], bounds[3])]
        xs = [a * x + cc * y + e for x, y in pts]
        ys = [b * x + d * y + f for x, y in pts]
        ink = (mm(min(xs)), mm(height_pt - max(ys)), mm(max(xs)), mm(height_pt - min(ys)))
    baseline = mm(height_pt - f)
    return Glyph(text=c["text"], font=base_font(c["fontname"]), size=size, color=_colour(c.get("non_stroking_color")),
                 upright=bool(c.get("upright")), matrix=(a, b, cc, d),
                 x0=mm(float(c["x0"])), x1=mm(float(c["x1"])),
                 top=baseline - mm(EM_ASCENT * size), bottom=baseline + mm((1 - EM_ASCENT) * size),
                 baseline=baseline, ink=ink,
                 glyph_name=program.glyph(code) if program and code is not None else "?", page=page_no)


def _rules(page):
    """Stroked lines and filled rectangles as boxes: a line's box is its stroke's width
    about its path."""
    out = []
    for ln in page.lines:
        w = float(ln.get("linewidth") or 0)
        x0, x1 = sorted((float(ln["x0"]), float(ln["x1"])))
        t, btm = sorted((float(ln["top"]), float(ln["bottom"])))
        if abs(btm - t) < 0.01:      # horizontal
            t, btm = t - w / 2, btm + w / 2
        elif abs(x1 - x0) < 0.01:    # vertical
            x0, x1 = x0 - w / 2, x1 + w / 2
        out.append(Rule(mm(x0), mm(t), mm(x1), mm(btm), _colour(ln.get("stroking_color"))))
    for r in page.rects:
        if r.get("fill"):
            out.append(Rule(mm(float(r["x0"])), mm(float(r["top"])), mm(float(r["x1"])), mm(float(r["bottom"])),
                            _colour(r.get("non_stroking_color"))))
        elif r.get("stroke"):
            out.append(Rule(mm(float(r["x0"])), mm(float(r["top"])), mm(float(r["x1"])), mm(float(r["bottom"])),
                            _colour(r.get("stroking_color"))))
    # LibreOffice paints some lines twice: one rule each
    unique = []
    for r in out:
        if not any(abs(r.x0 - u.x0) < 0.05 and abs(r.x1 - u.x1) < 0.05 and abs(r.top - u.top) < 0.05
                   and abs(r.bottom - u.bottom) < 0.05 for u in unique):
            unique.append(r)
    return unique


def group_lines(glyphs, page_no):
    """Upright glyphs on one baseline (within 1 mm) form a line; rotated glyphs are lines of
    their own direction, grouped by their pen position across the text."""
    lines = []
    upright = sorted((g for g in glyphs if g.upright), key=lambda g: (g.baseline, g.x0))
    for g in upright:
        if lines and abs(lines[-1].glyphs[0].baseline - g.baseline) < 1.0:
            lines[-1].glyphs.append(g)
        else:
            lines.append(Line([g], page_no))
    for ln in lines:
        ln.glyphs.sort(key=lambda g: g.x0)
    rotated = sorted((g for g in glyphs if not g.upright), key=lambda g: (round(g.x0, 0), g.top))
    for g in rotated:
        if lines and not lines[-1].glyphs[0].upright and abs(lines[-1].glyphs[0].x0 - g.x0) < 1.0:
            lines[-1].glyphs.append(g)
        else:
            lines.append(Line([g], page_no))
    return lines


def read_pdf(path):
    """Every page of the PDF as a Page, and the fonts' programs by PDF font name."""
    _FONTS.clear()
    pages, programs = [], {}
    with pdfplumber.open(str(path)) as pdf:
        for i, p in enumerate(pdf.pages, start=1):
            chars = p.chars
            for name, font in list(_FONTS.items()):
                if name not in programs:
                    programs[name] = FontProgram(font)
            h = float(p.height)
            glyphs = [_glyph(c, i, h, programs) for c in chars]
            images = [(mm(float(im["x0"])), mm(float(im["top"])), mm(float(im["x1"])), mm(float(im["bottom"])))
                      for im in p.images]
            page = Page(i, mm(float(p.width)), mm(h), glyphs, _rules(p), images)
            page.lines = group_lines(glyphs, i)
            pages.append(page)
    return pages, programs
