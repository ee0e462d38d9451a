"""A rendered notice as the audit sees it: the PDF's pages (audit_pdf) next to the notice's
JSON, with each element of the notice found in the PDF by its text, in the order the
notice prints them, never by a fixed position.

Every page's text lines, less its page number, are read in order into one stream of glyphs;
an element is found by searching that stream (whitespace removed on both sides) after the
element before it, so a heading text that also appears in the body is found where it stands.
"""
import re
from dataclasses import dataclass

from audit_pdf import read_pdf

# ---------------------------------------------------------------- the standard's numbers (mm)
LINE = 579 / 20 / 72 * 25.4      # 10.213: 22 lines in 225 mm, 579 twips
CHAR = 156 / 28                  # 5.571: one 三号 character of the 28 a line (15.79 pt)
CHAR14 = 14 / 72 * 25.4          # 4.939: one 四号 character (抄送, 印发, page numbers)
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0
CENTRE = (LEFT + RIGHT) / 2
TOL = 0.5
RED = (1.0, 0.0, 0.0)

# The text block of a landscape page, as the sheet's block turned so that the top of the
# table faces the binding edge: the sheet's bottom edge is the page's left edge.
L_LEFT, L_RIGHT, L_TOP, L_BOTTOM = 297 - BOTTOM, 297 - TOP, LEFT, RIGHT

PAGE_NUMBER = re.compile(r"^\u2014(\d+)\u2014$")
CN_DIGITS = "零一二三四五六七八九"


def block(page):
    return (L_LEFT, L_TOP, L_RIGHT, L_BOTTOM) if page.landscape else (LEFT, TOP, RIGHT, BOTTOM)


def squash(s):
    return re.sub(r"\s+", "", s or "")


def chinese_number(n):
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def heading_number(level, n):
    return [f"{chinese_number(n)}、", f"（{chinese_number(n)}）", f"{n}.", f"（{n}）"][min(level, 4) - 1]


def printed_date(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def hexcolour(c):
    return "".join(f"{round(v * 255):02X}" for v in c) if c else "none"


def cjk_ideograph(ch):
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x3FFFF or 0xF900 <= o <= 0xFAFF


def attachment_labels(notice):
    atts = notice.get("attachments", [])
    return ["附件"] if len(atts) == 1 else [f"附件{i + 1}" for i in range(len(atts))]


def walk(blocks, level=1):
    """(level, number, block) for every block of a body tree, headings numbered by depth."""
    n = 0
    for b in blocks:
        if "heading" in b:
            n += 1
            yield level, n, b
            yield from walk(b.get("body", []), level + 1)
        else:
            yield level, 0, b


def printed_strings(notice):
    """Every piece of text of the notice that the PDF must show, as (where, text)."""
    out = []
    add = lambda where, v: out.append((where, v)) if isinstance(v, str) and v.strip() else None
    for k in ("copyNumber", "secrecy", "urgency", "documentNumber", "recipients", "note"):
        add(k, notice.get(k))
    for o in notice["issuer"]["organs"]:
        add("issuer", o)
    signer = notice.get("signer")
    for s in ([signer] if isinstance(signer, str) else signer or []):
        add("signer", s)
    for t in (notice["title"] if isinstance(notice["title"], list) else [notice["title"]]):
        add("title", t)

    def blocks(where, bs):
        for _, _, b in walk(bs):
            add(where, b.get("heading"))
            add(where, b.get("text"))
            for c in b.get("contact", []):
                add(where, c)
    blocks("body", notice.get("body", []))
    for i, a in enumerate(notice.get("attachments", [])):
        add(f"attachment {i + 1}", a["name"])
        blocks(f"attachment {i + 1}", a.get("body", []))

        def values(v):
            if isinstance(v, dict):
                for x in v.values():
                    values(x)
            elif isinstance(v, list):
                for x in v:
                    values(x)
            else:
                add(f"attachment {i + 1} data", v)
        values(a.get("form", {}).get("data", {}))
        for n in a.get("form", {}).get("notes", []) or []:
            add(f"attachment {i + 1} notes", n)
    for o in notice["signature"]["organs"]:
        add("signature", o["name"])
    col = notice.get("colophon") or {}
    for c in col.get("copyTo", []):
        add("colophon", c)
    add("colophon", col.get("printer"))
    return out


@dataclass
class Found:
    """An element found in the stream: its glyphs (in stream order) and where it ends."""
    glyphs: list
    end: int

    @property
    def lines(self):
        """The glyphs grouped by line (page, baseline), in order."""
        out = []
        for g in self.glyphs:
            if out and out[-1][0].page == g.page and abs(out[-1][0].baseline - g.baseline) < 1:
                out[-1].append(g)
            else:
                out.append([g])
        return out

    @property
    def page(self):
        return self.glyphs[0].page


class Doc:
    def __init__(self, pdf_path, notice, name):
        self.name, self.notice = name, notice
        self.pages, self.programs = read_pdf(pdf_path)
        self.numbers = {}      # page number -> its page-number line
        self.content = {}      # page number -> its other lines
        for p in self.pages:
            lines = list(p.lines)
            num = [l for l in lines if PAGE_NUMBER.match(squash(l.text)) and self._outside_block(p, l)]
            if num:
                self.numbers[p.number] = num[-1]
                lines = [l for l in lines if l is not num[-1]]
            self.content[p.number] = [l for l in lines if squash(l.text)]
        self.stream = [g for p in self.pages for l in self.content[p.number] for g in l.glyphs if g.text.strip()]
        self.text = "".join(g.text for g in self.stream)
        self.cursor = 0

    @staticmethod
    def _outside_block(page, line):
        ink = line.ink()
        if not ink:
            return False
        x0, t, x1, b = block(page)
        return ink[1] > b - 1 or ink[3] < t + 1 or ink[2] < x0 + 1 or ink[0] > x1 - 1

    def find(self, text, start=None, advance=True):
        """The next occurrence of text (whitespace ignored) at or after start (default the
        cursor); None when it is not printed."""
        want = squash(text)
        if not want:
            return None
        at = self.text.find(want, self.cursor if start is None else start)
        if at < 0:
            return None
        f = Found(self.stream[at:at + len(want)], at + len(want))
        if advance:
            self.cursor = f.end
        return f

    def page(self, n):
        return self.pages[n - 1]

    def is_blank(self, n):
        p = self.page(n)
        return not self.content[n] and not p.images and not p.rules
