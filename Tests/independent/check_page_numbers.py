#!/usr/bin/env python3
"""Independent check of where a notice's page numbers stand in the PDF LibreOffice makes.

GB/T 9704-2012: — N — in 四号 digits between em-dashes, the dash 7 mm below the text block;
odd pages at the right, one character in, even pages at the left, one character in;
attachments continue the numbering. Clause 10: a landscape table page keeps its number where
the other pages have it. The landscape page is printed on the
portrait sheet turned so that the table's top is at the sheet's left edge; the sheet's bottom
edge is then the landscape page's left edge, so the number stands turned a quarter, 7 mm
outside the landscape text block's left edge, one character in from its bottom (odd pages:
the sheet's right) or from its top (even pages: the sheet's left), and reads — N — on the
sheet held upright.

The text block of each page is what python-docx reads from the DOCX's sections (page size and
margins); glyphs, their boxes and their orientation (`upright`, `matrix`) are what pdfplumber
reads from the PDF; the dash's ink is found on poppler's raster (pdftoppm) inside the dash's
glyph box. One character is 156 mm / 28, the standard's body character.

Checks:
 1. The notices render with --pdf: 000 (附件1 key-project-2020, portrait; 附件2
    open-institution-2020, a landscape list form) and 000 without 附件1, so that the landscape
    pages start once on an even and once on an odd page; each has landscape pages of both
    parities.
 2. Portrait pages: the footer reads — N — with N the page's number, upright; the dash's ink
    7 mm (± 0.5) below the text block; odd pages end one character in from the right edge of
    the text block, even pages start one character in from its left edge (± 0.5 mm).
 3. Landscape pages: nothing below the text block (no number along the landscape bottom); —
    N — left of the text block, turned a quarter clockwise (read top to bottom, the glyphs'
    tops toward the text block); the dash's ink 7 mm (± 0.5) left of the text block's left
    edge; odd pages end one character in from the text block's bottom, even pages start one
    character in from its top (± 0.5 mm).
 4. The landscape pages turned upright as PNG (kept with --keep) for a person to look at.

Usage (from the repo root):
    python3 Tests/independent/check_page_numbers.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pdfplumber
from PIL import Image

from harness import GongwenEnv, arguments, check, run_checks

MM_PER_PT = 25.4 / 72
CHARACTER = 14 / 72 * 25.4    # one character of the number's own size (四号, 14 pt), in mm, as the 版记 counts
DASH = "\u2014"
TOLERANCE = 0.5               # mm
RASTER_DPI = 300


class Env(GongwenEnv):
    def write_notice(self, notice, stem):
        path = self.fresh_dir(stem) / "notice.json"
        path.write_text(json.dumps(notice, ensure_ascii=False, indent=1), encoding="utf-8")
        return path


def notices():
    """(label, notice) for the two layouts of landscape pages."""
    base = json.loads(Path("examples/notices/000.json").read_text(encoding="utf-8"))
    shorter = json.loads(json.dumps(base))
    shorter["attachments"] = shorter["attachments"][1:]
    return [("000", base), ("000-without-attachment-1", shorter)]


def text_blocks(docx_path):
    """Per orientation, the text block in mm from the page's top-left corner:
    (left, top, right, bottom, width, height of the page); python-docx reads the sections."""
    blocks = {}
    for s in docx.Document(str(docx_path)).sections:
        w, h = s.page_width.mm, s.page_height.mm
        block = (s.left_margin.mm, s.top_margin.mm, w - s.right_margin.mm, h - s.bottom_margin.mm, w, h)
        key = "landscape" if w > h else "portrait"
        if key in blocks and any(abs(a - b) > 0.1 for a, b in zip(blocks[key], block)):
            check(f"sections of one orientation ({key}) share one text block", False, f"{blocks[key]} vs {block}")
        blocks[key] = block
    return blocks


def raster(pdf, number, folder):
    """Page `number` of the PDF as a grey image by poppler, and its pixels per mm."""
    stem = folder / f"page-{number}"
    subprocess.run(["pdftoppm", "-r", str(RASTER_DPI), "-gray", "-f", str(number), "-l", str(number),
                    "-singlefile", str(pdf), str(stem)], check=True)
    path = Path(f"{stem}.pgm")
    image = Image.open(path)
    image.load()
    path.unlink()  # large; what is kept (--keep) is the PNGs
    return image, RASTER_DPI / 25.4


def ink(image, scale, box):
    """The dark pixels' extent (x0, x1, y0, y1 in mm) inside a glyph box given in mm."""
    px = image.load()
    x0, x1, y0, y1 = (int(v * scale) for v in box)
    xs, ys = [], []
    for y in range(max(y0 - 2, 0), min(y1 + 2, image.height)):
        for x in range(max(x0 - 2, 0), min(x1 + 2, image.width)):
            if px[x, y] < 128:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return min(xs) / scale, (max(xs) + 1) / scale, min(ys) / scale, (max(ys) + 1) / scale


def mm_box(c):
    return c["x0"] * MM_PER_PT, c["x1"] * MM_PER_PT, c["top"] * MM_PER_PT, c["bottom"] * MM_PER_PT


def near(value, want):
    return abs(value - want) <= TOLERANCE


def check_portrait(name, n, chars, block, image, scale):
    left, top, right, bottom, _, _ = block
    below = sorted((c for c in chars if c["top"] * MM_PER_PT > bottom), key=lambda c: c["x0"])
    text = "".join(c["text"] for c in below).replace(" ", "")
    if not check(f"{name}: the footer reads —{n}—", text == f"{DASH}{n}{DASH}", repr(text)):
        return
    check(f"{name}: the number is upright", all(c["upright"] for c in below), "")
    dashes = [c for c in below if c["text"] == DASH]
    marks = [ink(image, scale, mm_box(d)) for d in dashes]
    if not check(f"{name}: the dashes have ink", all(marks), str(marks)):
        return
    depth = sum((m[2] + m[3]) / 2 for m in marks) / len(marks) - bottom
    check(f"{name}: the dash 7 mm below the text block ({depth:.2f} mm)", near(depth, 7), f"{depth:.2f} mm")
    if n % 2:
        inset = right - max(c["x1"] for c in below) * MM_PER_PT
        check(f"{name} (odd): right, one character in ({inset:.2f} mm)", near(inset, CHARACTER), f"{inset:.2f} mm")
    else:
        inset = min(c["x0"] for c in below) * MM_PER_PT - left
        check(f"{name} (even): left, one character in ({inset:.2f} mm)", near(inset, CHARACTER), f"{inset:.2f} mm")


def check_landscape(name, n, chars, block, image, scale):
    left, top, right, bottom, _, _ = block
    along = [c["text"] for c in chars if c["top"] * MM_PER_PT > bottom]
    check(f"{name}: nothing below the landscape text block", not along, repr("".join(along)))
    beside = sorted((c for c in chars if c["x1"] * MM_PER_PT < left), key=lambda c: c["top"])
    text = "".join(c["text"] for c in beside).replace(" ", "")
    if not check(f"{name}: left of the text block, top to bottom, it reads —{n}—", text == f"{DASH}{n}{DASH}",
                 repr(text)):
        return
    # The glyph's x axis (a, b) runs down the page (PDF y grows upwards), its y axis (c, d)
    # toward the text block: turned a quarter clockwise.
    turned = all(abs(a) < 0.01 and b < 0 and c > 0 and abs(d) < 0.01
                 for a, b, c, d, _, _ in (ch["matrix"] for ch in beside))
    check(f"{name}: turned a quarter clockwise, tops toward the text block", turned and not any(c["upright"] for c in beside),
          str([tuple(round(v, 2) for v in c["matrix"][:4]) for c in beside]))
    dashes = [c for c in beside if c["text"] == DASH]
    marks = [ink(image, scale, mm_box(d)) for d in dashes]
    if not check(f"{name}: the dashes have ink", all(marks), str(marks)):
        return
    depth = left - sum((m[0] + m[1]) / 2 for m in marks) / len(marks)
    check(f"{name}: the dash 7 mm left of the text block ({depth:.2f} mm)", near(depth, 7), f"{depth:.2f} mm")
    if n % 2:  # the sheet's right: the landscape text block's bottom
        inset = bottom - max(c["bottom"] for c in beside) * MM_PER_PT
        check(f"{name} (odd): at the text block's bottom, one character in ({inset:.2f} mm)", near(inset, CHARACTER),
              f"{inset:.2f} mm")
    else:
        inset = min(c["top"] for c in beside) * MM_PER_PT - top
        check(f"{name} (even): at the text block's top, one character in ({inset:.2f} mm)", near(inset, CHARACTER),
              f"{inset:.2f} mm")


def check_notice(env, label, out, p):
    files = [Path(l) for l in p.stdout.strip().splitlines()]
    if not check(f"[1] {label}: renders with --pdf", p.returncode == 0 and len(files) == 2 and all(f.is_file() for f in files),
                 p.stderr[-500:]):
        return
    docx_path, pdf = files
    blocks = text_blocks(docx_path)
    pictures = env.fresh_dir(f"{label}-pages")
    with pdfplumber.open(str(pdf)) as document:
        landscape = [i for i, page in enumerate(document.pages, 1) if page.width > page.height]
        check(f"[1] {label}: landscape pages on both sides ({landscape})", {i % 2 for i in landscape} == {0, 1}, "")
        for i, page in enumerate(document.pages, 1):
            kind = "landscape" if page.width > page.height else "portrait"
            image, scale = raster(pdf, i, pictures)
            name = f"[{2 if kind == 'portrait' else 3}] {label} p{i}"
            (check_portrait if kind == "portrait" else check_landscape)(name, i, page.chars, blocks[kind], image, scale)
            if kind == "landscape":
                # The sheet held upright: the table's top at the left.
                small = image.resize((image.width // 5, image.height // 5)).rotate(90, expand=True)
                small.save(pictures / f"upright-{i}.png")
    check(f"[4] {label}: the landscape pages as PNG, turned upright",
          all((pictures / f"upright-{i}.png").is_file() for i in landscape), str(pictures))


def checks(env, args):
    jobs = [(label, env.write_notice(notice, label), env.fresh_dir(f"{label}-out")) for label, notice in notices()]

    def render(job):
        label, path, out = job
        # The notice's attachments are named by template; no file of the examples' folder is read.
        return label, out, env.run("notice", str(path), "--out", str(out), "--pdf")

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(render, jobs))
    for label, out, p in results:
        check_notice(env, label, out, p)


def main():
    ap = arguments(__doc__, keep="copy the notices, DOCX, PDFs and the upright PNGs of the landscape pages to this directory")
    return run_checks(ap, "gongwen-page-numbers-check-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
