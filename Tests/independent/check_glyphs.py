#!/usr/bin/env python3
"""Independent end-to-end check that every character prints as a real glyph, in Chinese forms.

A notice and two forms carry rare ideographs (𠀀 U+20000, 𪚥 U+2A6A5, CJK Extension B), an
emoji (😀) and characters whose Chinese and Japanese forms differ (直骨角写画) in every kind
of text: title, body, headings of the four levels, attachment names, signature, 附注, 版记
(抄送, 印发机关), a form attachment and a free-text attachment. The PDFs come from LibreOffice
with the shipped fontconfig file, as gongwen makes them; they are read with pdfplumber and
pdfminer (the text and which font drew each character) and fontTools (the glyphs of the fonts
embedded in the PDF and of the installed fonts).

How a glyph is told: LibreOffice embeds subsets, one code per glyph with a ToUnicode map. A
TrueType subset keeps each glyph's outline, which is compared with the outline the installed
face has for the character; the Noto CJK faces become Type 1 fonts whose glyph names keep
their CID (cid27746), compared with the CID the installed face maps the character to. The
faces of one Noto CJK collection share a glyph table named after the Japanese face, so every
PDF names NotoSerifCJKjp…; the CID tells the face: 直 is 27746 in the SC face, 27745 in JP.

Checks:
 1. The notice renders with --pdf; a DOCX form and an XLSX form (`gongwen render`) convert
    with soffice under FONTCONFIG_FILE=templates/fonts/fonts.conf.
 2. Every input string is in the PDF text (pdfplumber), whole.
 3. Every character drawn has a real glyph: from an embedded font that is installed here, not
    .notdef, with an outline (not a colour bitmap font's empty one), and the very glyph the
    installed face has for that character.
 4. Every ideograph, CJK punctuation and full-width form is drawn with a Chinese face's glyph
    (a face named SC or CN, or BabelStone Han, made to the PRC's forms); another face only
    for a character no installed Chinese face has. 直骨角写画 and 𠀀𪚥 are checked by name.
 5. The emoji is drawn with an outline font.

Usage (from the repo root):
    python3 Tests/independent/check_glyphs.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import functools
import io
import json
import logging
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from harness import GongwenEnv, arguments, check, run_checks, squash

RARE = "\U00020000\U0002A6A5"      # 𠀀 𪚥: CJK Extension B, in no Noto CJK face
EMOJI = "\U0001F600"               # 😀
FORMS = "直骨角写画"                 # Chinese and Japanese forms differ
SAMPLE = RARE + EMOJI + FORMS
FONTCONFIG = Path("templates/fonts/fonts.conf").resolve()
logging.getLogger("fontTools").setLevel(logging.ERROR)  # its notes on the subsets' dates are noise
# Faces drawn to the PRC's glyph forms: the SC/CN faces of the collections, and BabelStone Han.
CHINESE_FACE = re.compile(r"\b(SC|CN)\b|^BabelStone Han$")


def probe_notice():
    """A notice with the sample in every kind of text it prints."""
    s = SAMPLE
    return {
        "issuer": {"organs": ["示例市科学技术局"], "suffix": "文件"},
        "documentNumber": "示科〔2025〕3号",
        "title": f"关于{s}的通知",
        "recipients": f"各有关单位{s}：",
        "body": [
            {"text": f"正文{s}。"},
            {"text": f"只有表情{EMOJI}的一段。"},  # the emoji alone missing: another fallback request
            {"heading": f"一级{s}", "body": [
                {"heading": f"二级{s}", "body": [
                    {"heading": f"三级{s}", "body": [
                        {"heading": f"四级{s}", "text": f"续文{s}。"},
                    ]},
                ]},
            ]},
        ],
        "attachments": [
            {"name": f"备案表{s}", "form": {"template": "key-project-2020", "data": form_data()}},
            {"name": f"提纲{s}", "body": [{"heading": f"附件标题{s}"}, {"text": f"附件正文{s}"}]},
        ],
        "signature": {"organs": [{"name": f"示例{s}局"}], "sealed": False},
        "date": "2025-05-30",
        "note": f"附注{s}",
        "colophon": {"copyTo": [f"抄送{s}"], "printer": f"印发{s}", "printDate": "2025-05-30"},
    }


def probe_strings(notice):
    """What must be printed whole: each text of the notice that carries the sample."""
    found = []

    def walk(v):
        if isinstance(v, str):
            if SAMPLE in v or EMOJI in v:
                found.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(notice)
    return found


def form_data():
    s = SAMPLE
    return {"projectName": f"项目{s}", "organizer": f"主办{s}", "leader": f"负责{s}", "summary": f"简介{s}"}


# ---------------------------------------------------------------- fonts in the PDF

def _name(v):
    from pdfminer.psparser import PSLiteral
    from pdfminer.pdftypes import resolve1
    v = resolve1(v)
    return v.name if isinstance(v, PSLiteral) else v


def _to_unicode(data):
    """A ToUnicode CMap as {code: text}."""
    m = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            m[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for a, b, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = bytes.fromhex(dst).decode("utf-16-be")
            for i, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                m[code] = base[:-1] + chr(ord(base[-1]) + i)
    return m


def _outline(font, glyph):
    from fontTools.pens.recordingPen import RecordingPen
    pen = RecordingPen()
    font.getGlyphSet()[glyph].draw(pen)
    return pen.value


def embedded_fonts(pdf):
    """{BaseFont: {text: glyph}}; a glyph is ("cid", name) for a Type 1 font (its glyph name),
    ("outline", name, outline) for a TrueType one. A font not embedded has no glyphs."""
    from fontTools.ttLib import TTFont
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    fonts = {}
    with open(pdf, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                try:
                    o = doc.getobj(objid)
                except Exception:
                    continue
                if not (isinstance(o, dict) and _name(o.get("Type")) == "Font"):
                    continue
                to_unicode = _to_unicode(resolve1(o["ToUnicode"]).get_data()) if "ToUnicode" in o else {}
                descriptor = resolve1(o.get("FontDescriptor")) or {}
                glyphs = {}
                if "FontFile" in descriptor:  # Type 1: the encoding names each code's glyph
                    clear = resolve1(descriptor["FontFile"]).get_data().decode("latin-1").split("eexec")[0]
                    encoding = {int(c): g for c, g in re.findall(r"dup (\d+) /(\S+) put", clear)}
                    for code, text in to_unicode.items():
                        glyphs[text] = ("cid", encoding.get(code, ".notdef"))
                elif "FontFile2" in descriptor:  # TrueType: the subset's cmap, then the outline
                    tt = TTFont(io.BytesIO(resolve1(descriptor["FontFile2"]).get_data()))
                    cmap = {}
                    for table in tt["cmap"].tables:
                        for code, g in table.cmap.items():
                            cmap[code & 0xFF if table.platformID == 3 else code] = g
                    for code, text in to_unicode.items():
                        g = cmap.get(code, ".notdef")
                        glyphs[text] = ("outline", g, _outline(tt, g) if g != ".notdef" else [])
                fonts[_name(o["BaseFont"])] = glyphs
    return fonts


# ---------------------------------------------------------------- installed fonts

@functools.lru_cache(None)
def installed():
    """{PostScript name: (font file, family)}, as fontconfig lists them with the shipped file."""
    out = subprocess.run(["fc-list", "--format", "%{postscriptname}\t%{family[0]}\t%{file}\n"],
                         capture_output=True, text=True, env={**os.environ, "FONTCONFIG_FILE": str(FONTCONFIG)}).stdout
    files = {}
    for line in out.splitlines():
        ps, family, file = (line.split("\t") + ["", ""])[:3]
        files.setdefault(ps, (file, family))
    return files


def installed_file(base):
    """The installed file of an embedded font: its name without the subset tag, and without
    the suffixes LibreOffice adds (-VKana is a CID font's dictionary)."""
    ps = base.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", base) else base
    while ps:
        if ps in installed():
            return installed()[ps][0]
        if "-" not in ps:
            return None
        ps = ps.rsplit("-", 1)[0]
    return None


@functools.lru_cache(None)
def faces(file):
    """[(family, font, cmap)] of every face in the file (a collection has several)."""
    from fontTools.ttLib import TTCollection, TTFont
    fonts = TTCollection(file, lazy=True).fonts if file.endswith((".ttc", ".otc")) else [TTFont(file, lazy=True)]
    return [(f["name"].getDebugName(1), f, f.getBestCmap()) for f in fonts]


@functools.lru_cache(None)
def chinese_cover(char):
    """Whether any installed Chinese face has the character."""
    files = {file for file, family in installed().values() if CHINESE_FACE.search(family)}
    return any(ord(char) in cmap for file in files for family, _, cmap in faces(file) if CHINESE_FACE.search(family or ""))


def cid_number(glyph):
    """cid9854 (LibreOffice's name) and cid09854 (fontTools') are one CID."""
    m = re.fullmatch(r"cid0*(\d+)", glyph or "")
    return int(m.group(1)) if m and int(m.group(1)) else None


def matching_faces(char, glyph, file):
    """The faces of the installed file whose own glyph for the character is the one drawn."""
    found = []
    for family, font, cmap in faces(file):
        g = cmap.get(ord(char))
        if g is None:
            continue
        if glyph[0] == "cid" and cid_number(g) == cid_number(glyph[1]) is not None:
            found.append(family)
        elif glyph[0] == "outline" and glyph[2] and _outline(font, g) == glyph[2]:
            found.append(family)
    return found


def needs_chinese_face(char):
    """Ideographs, CJK punctuation and full-width forms: where Chinese and Japanese faces differ."""
    cp = ord(char)
    return (unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH"))
            or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF)


# ---------------------------------------------------------------- the checks of one PDF

def check_pdf(label, pdf, strings):
    """Checks 2 to 5 on one PDF; prints its pdffonts lines and what drew the sample."""
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        pages = [(page.extract_text() or "", page.chars) for page in doc.pages]
    text = squash("".join(t for t, _ in pages))
    for s in strings:
        check(f"[2] {label}: {s!r} printed whole", squash(s) in text, f"not in the PDF text {text[:300]!r}…")
    fonts = embedded_fonts(pdf)
    pdffonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    print(f"{label}:\n" + "\n".join("    " + line for line in pdffonts.splitlines()))

    drawn, fake, foreign, where = 0, [], [], {}
    for _, chars in pages:
        for ch in chars:
            char, base = ch["text"], ch["fontname"]
            if len(char) != 1 or char.isspace():
                continue
            drawn += 1
            glyph = fonts.get(base, {}).get(char)
            file = installed_file(base)
            if not glyph or not file or glyph[1] == ".notdef":
                fake.append(f"{char} U+{ord(char):04X} in {base}: {'no glyph' if not glyph else glyph[1]}, installed {file}")
                continue
            matches = matching_faces(char, glyph, file)
            if not matches:
                fake.append(f"{char} U+{ord(char):04X} in {base}: {glyph[1]} is not the installed face's glyph (or has no outline)")
                continue
            chinese = [f for f in matches if CHINESE_FACE.search(f or "")]
            if char in SAMPLE:
                where.setdefault(char, set()).add(chinese[0] if chinese else matches[0])
            if needs_chinese_face(char) and not chinese and chinese_cover(char):
                foreign.append(f"{char} U+{ord(char):04X} drawn as in {matches} though a Chinese face has it")
    check(f"[3] {label}: characters drawn", drawn > 0, "pdfplumber found no characters")
    check(f"[3] {label}: all {drawn} characters drawn with the installed face's own glyph", not fake,
          f"{len(fake)}: " + "; ".join(fake[:8]))
    check(f"[4] {label}: ideographs and CJK punctuation in Chinese faces", not foreign,
          f"{len(foreign)}: " + "; ".join(foreign[:8]))
    for char in SAMPLE:
        used = where.get(char, set())
        check(f"[4] {label}: {char} U+{ord(char):04X} drawn", used, "not drawn with a real glyph")
        if char in FORMS + RARE:
            check(f"[4] {label}: {char} in its Chinese form", used and all(CHINESE_FACE.search(f) for f in used), str(used))
    check(f"[5] {label}: {EMOJI} drawn with an outline font", where.get(EMOJI), "no outline glyph")
    print(f"    {drawn} characters drawn, {len(fake)} without their real glyph, {len(foreign)} in a non-Chinese face; "
          + ", ".join(f"{c} {sorted(where.get(c, []))}" for c in SAMPLE))


# ---------------------------------------------------------------- main

def convert(env, source, outdir):
    """The form through soffice, with the shipped fontconfig file, as gongwen converts."""
    profile = env.fresh_dir("lo-profile")
    environment = {**os.environ, "FONTCONFIG_FILE": str(FONTCONFIG), "HOME": str(profile)}
    p = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
                       capture_output=True, text=True, timeout=600, env=environment)
    pdf = outdir / (source.stem + ".pdf")
    check(f"[1] {source.suffix} form converts to PDF", p.returncode == 0 and pdf.exists(), p.stderr[-500:])
    return pdf if pdf.exists() else None


def checks(env, args):
    try:
        import fontTools  # noqa: F401
        import pdfplumber  # noqa: F401
    except ImportError as e:
        check("fontTools and pdfplumber are installed (scripts/install-deps.sh --with-test-readers)", False, str(e))
        return
    check("BabelStone Han is installed (scripts/install-deps.sh): the Chinese face for Extension B",
          any(ps.startswith("BabelStoneHan") for ps in installed()), "fc-list has no BabelStoneHan")

    notice = probe_notice()
    folder = env.fresh_dir("notice")
    source = folder / "notice.json"
    source.write_text(json.dumps(notice, ensure_ascii=False, indent=1), encoding="utf-8")
    p = env.run("notice", str(source), "--out", str(folder / "out"), "--pdf", timeout=600)
    pdfs = sorted((folder / "out").glob("*.pdf"))
    if check("[1] the notice renders with --pdf", p.returncode == 0 and len(pdfs) == 1, p.stderr[-500:]):
        check_pdf("notice", pdfs[0], probe_strings(notice))

    data = env.fresh_dir("form-data") / "data.json"
    data.write_text(json.dumps(form_data(), ensure_ascii=False), encoding="utf-8")
    for fmt in ("docx", "xlsx"):
        out = env.fresh_dir(f"form-{fmt}")
        p = env.run("render", "key-project-2020", str(data), "--format", fmt, "--out", str(out))
        written = Path(p.stdout.strip().splitlines()[-1]) if p.returncode == 0 and p.stdout.strip() else None
        if not check(f"[1] {fmt} form renders", written and written.exists(), p.stderr[-500:]):
            continue
        # A plain name for soffice: the written one carries the sample.
        plain = out / f"form.{fmt}"
        written.rename(plain)
        pdf = convert(env, plain, out)
        if pdf:
            check_pdf(f"{fmt} form", pdf, list(form_data().values()))


def main():
    ap = arguments(__doc__, keep="copy the notice, the forms and their PDFs to this directory")
    return run_checks(ap, "gongwen-glyph-check-", GongwenEnv, checks)


if __name__ == "__main__":
    sys.exit(main())
