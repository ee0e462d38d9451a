#!/usr/bin/env python3
"""Independent end-to-end check of `gongwen notice` (GB/T 9704-2012 notices).

The Swift unit tests read the files gongwen writes with code the team wrote. This script
reads them only with readers nobody on the team wrote -- python-docx and poppler's
pdftotext / pdfinfo / pdffonts / pdftoppm -- so a notice that only our own code can read,
or that loses text or layout on its way through LibreOffice, fails here.

Checks (see the design notes, gbt9704.md, and the README):
 1. Every examples/notices/*.json renders with --pdf (exit 0; stdout names the DOCX, then
    the PDF; both exist and nothing else is written). python-docx finds the title and the
    发文字号 in the DOCX paragraphs.
 2. In every PDF: page 1 carries the issuer mark, the document number and the title; every
    page ends with its page number — N — in order; each attachment starts on a page headed
    附件 / 附件N that carries its name; the 附件说明 lists every name; the date (2020年7月22日)
    is printed; a colophon's printer and 印发 are on the last page and nowhere earlier; every
    piece of body text (recipients, headings, paragraphs, contact lines) is in the PDF in full.
 3. The grid: the full body pages 2-4 of 000 have 22 lines of 28 characters.
 4. Fonts (pdffonts): all embedded, no WenQuanYi, a serif CJK face (Noto Serif CJK) always,
    a sans CJK face (Noto Sans CJK, 黑体) where there are level-1 headings or 附件 labels, a
    Kai face (AR PL UKai, 楷体) where there are level-2 headings.
 5. Bad notice data is refused with exit 65, naming key, Chinese label and rule id, and
    leaves no file behind.
 6. --pdf without LibreOffice exits 69 mentioning LibreOffice and writes nothing (soffice is
    hidden in a private mount namespace; skipped when that is not possible).
 7. With --previews DIR: a PNG of page 1 and of the last page of each example
    (DIR/notice-000.png, DIR/notice-000-last.png ...), each under 150 KB.
 8. Every example notice is valid against templates/schema/notice.schema.json.
 9. A notice replaces or drops its attached forms' notes: 004 with the first form's notes
    replaced and the second's dropped (`notes: []`) prints its own lines and none of the
    templates' (another office's deadline and contact), which 004 as it is prints.
10. The issuer mark of 000, too long for one line at 42 pt, is compressed, not shrunk: its
    red ink (page 1 rasterised by pdftoppm) lies within the text block and is as tall as the
    uncompressed mark of 001.

Usage (from the repo root):
    python3 Tests/independent/check_notices.py --gongwen .build/debug/gongwen \
        [--keep DIR] [--previews examples/previews]
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx

from harness import GongwenEnv, arguments, check, load_template, pdf_page_count, run_checks, skip, squash



class Env(GongwenEnv):
    def write_notice(self, notice, stem):
        path = self.fresh_dir(stem) / "notice.json"
        path.write_text(json.dumps(notice, ensure_ascii=False, indent=1), encoding="utf-8")
        return path


# ---------------------------------------------------------------- helpers

def load_notice(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def title_lines(notice):
    t = notice["title"]
    return t if isinstance(t, list) else [t]


def printed_date(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def attachment_labels(notice):
    atts = notice.get("attachments", [])
    return ["附件"] if len(atts) == 1 else [f"附件{i + 1}" for i in range(len(atts))]


def walk_blocks(blocks, depth=1):
    """(depth, block) for every block of a body tree."""
    for b in blocks:
        yield depth, b
        yield from walk_blocks(b.get("body", []), depth + 1)


def body_strings(notice):
    """Every piece of text the body prints, as (where, text)."""
    out = [("recipients", notice["recipients"])] if notice.get("recipients") else []
    for i, (_, b) in enumerate(walk_blocks(notice.get("body", []))):
        for k in ("heading", "text"):
            if k in b:
                out.append((f"block {i} {k}", b[k]))
        for j, line in enumerate(b.get("contact", [])):
            out.append((f"block {i} contact[{j}]", line))
    return out


def pdf_page_size(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return (float(m.group(1)), float(m.group(2))) if m else None


def pdf_pages(pdf, layout=False):
    """The text of every page (pdftotext ends each page with a form feed)."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def nonempty_lines(page):
    return [l for l in page.splitlines() if l.strip()]


PAGE_NUMBER = re.compile(r"^\s*\u2014\s*(\d+)\s*\u2014\s*$")  # — 12 —, em-dashes U+2014


def landscape_pages(pdf, n):
    """The numbers (from 1) of the pages wider than high."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", str(n), str(pdf)], capture_output=True, text=True).stdout
    return {int(m.group(1)) for m in re.finditer(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out, re.M)
            if float(m.group(2)) > float(m.group(3))}


def without_page_number(page):
    return "\n".join(l for l in page.splitlines() if not PAGE_NUMBER.match(l))


# ---------------------------------------------------------------- check 1

def render_examples(env, examples):
    """Render every example with --pdf, two at a time (each call runs its own soffice)."""
    jobs = [(path, env.fresh_dir(f"render-{path.stem}")) for path in examples]

    def one(job):
        path, out = job
        started = time.time()
        p = env.run("notice", str(path), "--out", str(out), "--pdf")
        return path, out, p, time.time() - started

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, jobs))


def check_render(path, out, p, seconds):
    """Check one render; return (docx, pdf) or None."""
    name = f"[1] {path.stem}"
    lines = p.stdout.strip().splitlines()
    files = [Path(l) for l in lines]
    ok = p.returncode == 0 and len(files) == 2 and all(f.is_file() for f in files)
    if not check(f"{name}: renders with --pdf ({seconds:.1f}s)", ok,
                 f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}"):
        return None
    docx_path, pdf_path = files
    check(f"{name}: prints the DOCX then the PDF", docx_path.suffix == ".docx" and pdf_path.suffix == ".pdf",
          str(lines))
    check(f"{name}: writes exactly those two files", sorted(os.listdir(out)) == sorted([docx_path.name, pdf_path.name]),
          str(os.listdir(out)))
    return docx_path, pdf_path


def check_docx(label, notice, path):
    name = f"[1] {label} docx"
    try:
        paras = [p.text for p in docx.Document(str(path)).paragraphs]
    except Exception as e:  # the reader failing is the finding
        check(f"{name}: python-docx opens it", False, f"{type(e).__name__}: {e}")
        return
    check(f"{name}: python-docx opens it", True)
    if isinstance(notice["title"], list):
        missing = [l for l in notice["title"] if l not in paras]
        check(f"{name}: every title line is a paragraph", not missing, f"missing {missing}")
    else:  # one string: the renderer may break it over several paragraphs
        check(f"{name}: title in the paragraphs", squash(notice["title"]) in squash("".join(paras)),
              f"{notice['title']!r} not found")
    number = notice.get("documentNumber")
    if number:
        check(f"{name}: 发文字号 {number} in a paragraph", any(number in p for p in paras), "not found")


# ---------------------------------------------------------------- check 2

def check_pdf(label, notice, pdf):
    name = f"[2] {label}"
    n = pdf_page_count(pdf)
    raw, lay = pdf_pages(pdf), pdf_pages(pdf, layout=True)
    if not check(f"{name}: pdftotext gives one text per page", n > 0 and len(raw) == n and len(lay) == n,
                 f"pdfinfo {n} pages, pdftotext {len(raw)} / {len(lay)} (-layout)"):
        return
    size = pdf_page_size(pdf)
    check(f"{name}: pages are A4", size and abs(size[0] - 595.3) < 1 and abs(size[1] - 841.9) < 1, str(size))

    # page 1: issuer mark, document number, title
    p1 = squash(raw[0])
    issuer = notice["issuer"]
    # each organ's name: in a joint mark 文件 stands beside the names and may fall between them
    missing = [o for o in issuer["organs"] if squash(o) not in p1]
    check(f"{name}: page 1 has the issuer mark {'、'.join(issuer['organs'])}", not missing, raw[0][:200])
    suffix = issuer.get("suffix", "文件")
    if suffix:
        check(f"{name}: page 1 has the mark's suffix {suffix}", suffix in p1, raw[0][:200])
    if notice.get("documentNumber"):
        check(f"{name}: page 1 has {notice['documentNumber']}", squash(notice["documentNumber"]) in p1, raw[0][:300])
    missing = [l for l in title_lines(notice) if squash(l) not in p1]
    check(f"{name}: page 1 has the title", not missing, f"missing {missing}")

    # page numbers: the last non-empty line of every page (-layout keeps the footer last even
    # on table pages, where plain pdftotext may put it between cells). GB/T 9704 7.5 leaves the
    # 版记 page unnumbered only when a blank page precedes it; none of the examples has one.
    # A landscape page's number stands turned beside the table, where pdftotext may read it
    # first: there it only has to be on the page (check_page_numbers.py measures where).
    wrong = []
    landscape = landscape_pages(pdf, n)
    for i, page in enumerate(lay, 1):
        lines = nonempty_lines(page)
        candidates = lines if i in landscape else lines[-1:]
        m = next((m for m in map(PAGE_NUMBER.match, candidates) if m), None)
        if not m or int(m.group(1)) != i:
            wrong.append((i, lines[-1].strip() if lines else ""))
    check(f"{name}: every page ends with its number — N —", not wrong, f"(page, last line): {wrong}")

    # attachments: each starts on a page whose first line is its label
    labels = attachment_labels(notice)
    firsts = {}
    for i, page in enumerate(raw):
        lines = nonempty_lines(without_page_number(page))
        if lines and squash(lines[0]) in labels and squash(lines[0]) not in firsts:
            firsts[squash(lines[0])] = i
    for label_, att in zip(labels, notice.get("attachments", [])):
        i = firsts.get(label_)
        if not check(f"{name}: a page starts with {label_}", i is not None, f"first lines: "
                     f"{[nonempty_lines(p)[:1] for p in raw]}"):
            continue
        check(f"{name}: {label_}'s first page (p{i + 1}) has its name", squash(att["name"]) in squash(raw[i]),
              f"{att['name']!r} not in {raw[i][:300]!r}")
    order = [firsts.get(l) for l in labels]
    if labels and None not in order:
        check(f"{name}: attachments in order after the body", order == sorted(order) and order[0] > 0, str(order))
    main_end = min([i for i in firsts.values()] or [n])
    main = squash("".join(without_page_number(p) for p in raw[:main_end]))
    if labels:
        missing = [a["name"] for a in notice["attachments"] if squash(a["name"]) not in main]
        check(f"{name}: 附件说明 lists every attachment before the attachments", "附件：" in main and not missing,
              f"missing {missing}")

    # date, note, colophon
    date = printed_date(notice["date"])
    check(f"{name}: date {date} before the attachments", date in main, "not found")
    if notice.get("note"):
        check(f"{name}: note （{notice['note']}） printed", squash(f"（{notice['note']}）") in main, "not found")
    col = notice.get("colophon")
    if col:
        last = squash(raw[-1])
        issued = printed_date(col["printDate"]) + "印发"
        check(f"{name}: colophon {col['printer']} … {issued} on the last page",
              squash(col["printer"]) in last and issued in last, raw[-1][:300])
        early = [i + 1 for i, p in enumerate(raw[:-1]) if squash(col["printer"]) in squash(p) or "印发" in squash(p)]
        check(f"{name}: printer and 印发 nowhere before the last page", not early, f"on pages {early}")

    # every piece of body text in full (catches characters LibreOffice drops)
    lost = [(w, t) for w, t in body_strings(notice) if squash(t) not in main]
    check(f"{name}: all body text is in the PDF in full", not lost,
          f"{len(lost)} piece(s) not found verbatim; first divergence in each: "
          + "; ".join(f"{w}: {divergence(squash(t), main)}" for w, t in lost))


def divergence(want, text):
    """Where want stops matching text: '…the matched end[expected char] but found …'."""
    lo, hi = 0, len(want)  # longest prefix of want that occurs in text
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if want[:mid] in text else (lo, mid - 1)
    at = text.find(want[:lo]) + lo
    return f"…{want[max(0, lo - 8):lo]}[{want[lo:lo + 1]}]{want[lo + 1:lo + 4]}… but the PDF has …{text[at:at + 4]}…"


# ---------------------------------------------------------------- check 3

# Full-width punctuation that may hang in the margin at the end of a full line.
HANGING = set("，。、；：？！）》」』”’")


def width(s):
    """Width in character cells: ASCII is half-width, everything else full-width."""
    return sum(0.5 if ord(c) < 0x80 else 1 for c in s)


def check_grid(label, pdf, pages=(2, 3, 4)):
    """22 lines of 28 characters on the full body pages.

    Method, checked against the actual output of 000: plain pdftotext (no -layout) puts
    every printed line on one text line, mixed fonts (楷体 heading + 仿宋 text) and Latin runs
    included, and the page number — N — on the last line. It drops the first-line indent,
    so the -layout text of the same page (which keeps it as leading spaces, and has the same
    non-empty lines in the same order) tells which lines start a paragraph. A paragraph's
    first line holds 26 characters (two-character indent), the others 28. A line is
    "non-last" when the next line (or the first line of the next page) is not a paragraph
    start; every non-last line must be full:
      - all full-width: exactly 26/28 characters, or one more if that one is hanging
        punctuation (，。、；： …);
      - with ASCII (digits, Latin): width (ASCII counts ½) between cap − 1.5 and cap + 1,
        since a Latin word or number is not split and justification stretches the line.
    No line may be wider than cap + 1. The brief's simpler rule ("20 of 22 lines have 28")
    does not hold for a correct page: each paragraph start has 26, and pages 2-4 of 000
    have 4-6 of them.
    """
    raw, lay = pdf_pages(pdf), pdf_pages(pdf, layout=True)
    for pno in pages:
        name = f"[3] {label} page {pno} grid"
        if pno > len(raw):
            check(name, False, f"only {len(raw)} pages")
            continue
        rlines = [l for l in nonempty_lines(raw[pno - 1]) if not PAGE_NUMBER.match(l)]
        llines = [l for l in nonempty_lines(lay[pno - 1]) if not PAGE_NUMBER.match(l)]
        check(f"{name}: 22 text lines besides the page number", len(rlines) == 22,
              f"{len(rlines)} lines: {[squash(l) for l in rlines]}")
        if not check(f"{name}: plain and -layout text agree line by line",
                     [squash(l) for l in rlines] == [squash(l) for l in llines],
                     f"{len(rlines)} vs {len(llines)} lines"):
            continue
        starts = [l[:1].isspace() for l in llines]
        nxt = nonempty_lines(lay[pno]) if pno < len(lay) else []
        next_start = bool(nxt) and nxt[0][:1].isspace() and not PAGE_NUMBER.match(nxt[0])
        bad, full_checked = [], 0
        for i, line in enumerate(rlines):
            s = squash(line)
            cap = 26 if starts[i] else 28
            is_last = starts[i + 1] if i + 1 < len(rlines) else (next_start or not nxt)
            w = width(s)
            if w > cap + 1:
                bad.append((i + 1, len(s), s, f"wider than {cap + 1}"))
                continue
            if is_last:
                continue
            if all(ord(c) >= 0x80 for c in s):
                full_checked += 1
                if not (len(s) == cap or (len(s) == cap + 1 and s[-1] in HANGING)):
                    bad.append((i + 1, len(s), s, f"not {cap} characters"))
            elif not (cap - 1.5 <= w <= cap + 1):
                bad.append((i + 1, w, s, f"width not about {cap}"))
        check(f"{name}: every line that is not a paragraph's last is full", not bad and full_checked >= 10,
              f"{full_checked} all-CJK full lines checked; bad (line, count, text, why): {bad}")


# ---------------------------------------------------------------- check 4

def check_fonts(label, notice, pdf):
    name = f"[4] {label} fonts"
    p = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    rows = [l.split() for l in p.stdout.splitlines()[2:] if l.strip()]
    fonts = [(r[0].split("+", 1)[-1], r[-5]) for r in rows if len(r) >= 6]  # (name, emb)
    names = [f for f, _ in fonts]
    if not check(f"{name}: pdffonts lists fonts", p.returncode == 0 and fonts, p.stderr):
        return
    check(f"{name}: all embedded", all(e == "yes" for _, e in fonts), str(fonts))
    check(f"{name}: no WenQuanYi", not [f for f in names if re.search(r"wenquanyi|wqy", f, re.I)], str(names))
    check(f"{name}: a serif CJK face (NotoSerifCJK)", any("NotoSerifCJK" in f for f in names), str(names))
    depths = {d for d, b in walk_blocks(notice.get("body", [])) if "heading" in b}
    if 1 in depths or notice.get("attachments"):
        check(f"{name}: a sans CJK face (NotoSansCJK) for 黑体", any("NotoSansCJK" in f for f in names), str(names))
    if 2 in depths:
        check(f"{name}: a Kai face (UKai) for 楷体", any("UKai" in f for f in names), str(names))


# ---------------------------------------------------------------- check 5

def bad_cases(base):
    """(case, notice, key, label or None, rule)."""
    cases = []

    def variant(case, change, key, label, rule):
        n = copy.deepcopy(base)
        change(n)
        cases.append((case, n, key, label, rule))

    for number in ["郑科普联办〔20〕2号", "郑科普联办〔2020〕第2号", "郑科普联办[2020]2号", "郑科普联办〔2020〕02号"]:
        variant(f"documentNumber {number}", lambda n, v=number: n.__setitem__("documentNumber", v),
                "documentNumber", "发文字号", "document-number")
    for date in ["2020-13-01", "2021-02-29"]:
        variant(f"date {date}", lambda n, v=date: n.__setitem__("date", v), "date", "成文日期", "date")
    variant("attachment with only a name",
            lambda n: n["attachments"].__setitem__(1, {"name": n["attachments"][1]["name"]}),
            "attachments[1]", "附件", "attachment-content")
    variant("attachment form no-such-template",
            lambda n: n["attachments"][1]["form"].__setitem__("template", "no-such-template"),
            "attachments[1].form.template", None, "unknown-template")
    variant("control character U+0007 in body text",
            lambda n: n["body"][0].__setitem__("text", n["body"][0]["text"] + "\u0007"),
            "body[0].text", "正文", "xml-character")
    tpl = load_template("key-project-2020")
    postcode = next(f["label"] for f in tpl["fields"] if f["key"] == "postcode")
    variant("attached form with postcode 4500",
            lambda n: n["attachments"][0]["form"]["data"].__setitem__("postcode", "4500"),
            "attachments[0].form.data.postcode", postcode, "postcode")
    return cases


def check_bad_inputs(env):
    base = load_notice("examples/notices/000.json")
    assert base["attachments"][0]["form"]["template"] == "key-project-2020" and len(base["attachments"]) >= 2
    for case, notice, key, label, rule in bad_cases(base):
        name = f"[5] {case}"
        src = env.write_notice(notice, "bad")
        out = env.fresh_dir("bad-out")
        p = env.run("notice", str(src), "--out", str(out), "--pdf")
        check(f"{name}: exit 65", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
        # the key exactly, not as the prefix of a longer key (attachments[1] vs attachments[1].form)
        check(f"{name}: stderr names {key}", re.search(re.escape(key) + r"(?![A-Za-z0-9_.\[])", p.stderr),
              f"stderr {p.stderr!r}")
        if label:
            check(f"{name}: stderr names {label}", label in p.stderr, f"stderr {p.stderr!r}")
        check(f"{name}: stderr has [{rule}]", f"[{rule}]" in p.stderr, f"stderr {p.stderr!r}")
        check(f"{name}: out dir left empty", not os.listdir(out), f"left {os.listdir(out)}")


# ---------------------------------------------------------------- check 6

def check_no_libreoffice(env):
    """Hide soffice in a private mount namespace (the machine's LibreOffice is untouched).

    gongwen looks in $PATH and then in /usr/bin and /usr/lib/libreoffice/program, so a PATH
    without soffice is not enough: inside `unshare -m` we bind /dev/null (not executable)
    over every soffice it could find, and run it with PATH set to a folder that holds
    only a dangling symlink named soffice.
    """
    name = "[6] --pdf without LibreOffice"
    unshare, sh, mount = shutil.which("unshare"), shutil.which("sh"), shutil.which("mount")
    candidates = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    targets = sorted({os.path.realpath(c) for c in candidates if os.path.exists(c)})
    if not (unshare and sh and mount):
        skip(name, "unshare/sh/mount not found, cannot hide soffice without uninstalling it")
        return
    binds = " && ".join(f"{mount} --bind /dev/null '{t}'" for t in targets) or "true"
    hidden = " && ".join(f"! test -x '{c}'" for c in candidates)
    probe = subprocess.run([unshare, "-m", sh, "-c", f"{binds} && {hidden}"], capture_output=True, text=True)
    if probe.returncode != 0:
        skip(name, f"cannot hide soffice here (unshare -m + bind mount failed: {probe.stderr.strip()!r}); "
                   "would need uninstalling LibreOffice")
        return
    nobin = env.fresh_dir("no-soffice-bin")
    (nobin / "soffice").symlink_to("/nonexistent/soffice")
    out = env.fresh_dir("no-soffice-out")
    p = subprocess.run([unshare, "-m", sh, "-c", f'{binds} && PATH={nobin} exec "$@"', "sh",
                        env.gongwen, "notice", str(Path("examples/notices/000.json").resolve()),
                        "--out", str(out), "--pdf"], capture_output=True, text=True, timeout=120)
    check(f"{name}: exit 69", p.returncode == 69, f"exit {p.returncode}, stderr {p.stderr!r}")
    check(f"{name}: message mentions LibreOffice", "LibreOffice" in p.stderr, f"stderr {p.stderr!r}")
    check(f"{name}: nothing written", not os.listdir(out), f"left {os.listdir(out)}")


# ---------------------------------------------------------------- check 8

def check_schema():
    """Every example notice (demos included) is valid against templates/schema/notice.schema.json."""
    try:
        import jsonschema
    except ImportError:
        skip("[8] examples against the JSON Schema", "jsonschema is not installed")
        return
    schema = json.loads(Path("templates/schema/notice.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(Path("examples/notices").glob("*.json")):
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        check(f"[8] {path.name} is valid against the notice schema", not errors, "; ".join(errors[:3]))


# ---------------------------------------------------------------- check 9

def attachment_text(raw):
    """The squashed text of the attachment pages: from the first page headed 附件 on."""
    first = next((i for i, page in enumerate(raw) if squash(page).startswith("附件")), len(raw))
    return squash("".join(without_page_number(p) for p in raw[first:]))


def check_form_notes(env, rendered):
    name = "[9] form notes"
    plain = next((pdf for label, _, pdf in rendered if label == "004"), None)
    if not check(f"{name}: 004 rendered", plain):
        return
    notice = load_notice("examples/notices/004.json")
    templates = [a["form"]["template"] for a in notice["attachments"]]
    assert templates == ["key-project-2021", "open-institution-2021"]
    theirs = [squash(n) for t in templates for n in load_template(t)["notes"]]
    assert theirs, "the templates have notes"
    text = attachment_text(pdf_pages(plain))
    check(f"{name}: 004 as it is prints the templates' notes under its forms", all(n in text for n in theirs),
          f"missing {[n for n in theirs if n not in text]}")
    mine = ["注：请于2021年5月12日前报濮阳市科学技术局。", "联系人：郭兵 电话：0393-8990123"]
    notice["attachments"][0]["form"]["notes"] = mine
    notice["attachments"][1]["form"]["notes"] = []
    out = env.fresh_dir("notes-out")
    p = env.run("notice", str(env.write_notice(notice, "notes")), "--out", str(out), "--pdf")
    files = [Path(l) for l in p.stdout.strip().splitlines()]
    if not check(f"{name}: renders with --pdf", p.returncode == 0 and len(files) == 2, f"exit {p.returncode}, {p.stderr!r}"):
        return
    paras = [x.text for x in docx.Document(str(files[0])).paragraphs]
    check(f"{name}: python-docx finds the notice's notes as paragraphs", all(m in paras for m in mine), str(paras[-12:]))
    raw = pdf_pages(files[1])
    text = attachment_text(raw)
    check(f"{name}: the PDF prints the notice's notes under the first form", all(squash(m) in text for m in mine),
          "not found")
    left = [n for n in theirs if n in text]
    check(f"{name}: and none of the templates' notes under either form", not left, f"found {left}")
    # a turned landscape page number may come first in pdftotext's reading
    labels = [i for i, page in enumerate(raw) if squash(without_page_number(page)).lstrip("—0123456789").startswith("附件2")]
    if check(f"{name}: 附件2 has a page", labels):
        before = squash("".join(raw[:labels[0]]))
        check(f"{name}: the notes are before 附件2 (on the first form's pages)", squash(mine[0]) in before, "not found")


# ---------------------------------------------------------------- check 10

def red_ink(pdf, dpi=144):
    """(left, top, right, bottom) in points of the first band of red ink on page 1: the issuer mark."""
    ppm = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf)],
                         capture_output=True).stdout
    # binary PPM: P6, width, height, maxval, then RGB bytes
    fields, at = [], 0
    while len(fields) < 4:
        while ppm[at:at + 1].isspace():
            at += 1
        end = at
        while not ppm[end:end + 1].isspace():
            end += 1
        fields.append(ppm[at:end])
        at = end
    width, height = int(fields[1]), int(fields[2])
    data = ppm[at + 1:]
    rows = []
    for y in range(height // 2):
        line = data[y * width * 3:(y + 1) * width * 3]
        xs = [x for x in range(width) if line[3 * x] > 200 and line[3 * x + 1] < 80 and line[3 * x + 2] < 80]
        if xs:
            rows.append((y, xs[0], xs[-1]))
        elif rows and y - rows[-1][0] > dpi // 7:  # a gap of 1/7 inch ends the mark
            break
    if not rows:
        return None
    k = 72 / dpi
    return (min(r[1] for r in rows) * k, rows[0][0] * k, (max(r[2] for r in rows) + 1) * k, (rows[-1][0] + 1) * k)


def check_issuer_compressed(rendered):
    name = "[10] issuer mark"
    pdfs = {label: pdf for label, _, pdf in rendered}
    if not check(f"{name}: 000 and 001 rendered", "000" in pdfs and "001" in pdfs):
        return
    long_, short = red_ink(pdfs["000"]), red_ink(pdfs["001"])
    if not check(f"{name}: red ink found on page 1 of both", long_ and short, f"{long_} {short}"):
        return
    left, right = 28 * 72 / 25.4, (210 - 26) * 72 / 25.4  # the text block: 79.4 to 521.6 pt
    check(f"{name}: 000's mark ({long_[0]:.1f}-{long_[2]:.1f} pt) lies within the text block ({left:.1f}-{right:.1f})",
          long_[0] >= left - 0.5 and long_[2] <= right + 0.5, str(long_))
    check(f"{name}: 000's mark uses most of the block (compressed to fit, not shrunk)",
          long_[2] - long_[0] > 0.9 * (right - left), f"{long_[2] - long_[0]:.1f} pt wide")
    tall, ref = long_[3] - long_[1], short[3] - short[1]
    check(f"{name}: 000's glyphs are as tall as 001's uncompressed ones ({tall:.1f} vs {ref:.1f} pt)",
          abs(tall - ref) <= 1.0, f"{tall:.1f} vs {ref:.1f}")


# ---------------------------------------------------------------- check 7

def write_previews(folder, pdfs):
    """Page 1 and the last page of each example: the header and the 版记 are what a reader
    checks first."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for label, pdf in pdfs:
        last = pdf_page_count(pdf)
        for suffix, page in (("", 1), ("-last", last)):
            target = folder / f"notice-{label}{suffix}.png"
            for res in ("60", "50"):  # keep colour (the red header); drop resolution if too big
                subprocess.run(["pdftoppm", "-r", res, "-png", "-f", str(page), "-l", str(page), "-singlefile",
                                str(pdf), str(target.with_suffix(""))], capture_output=True)
                if target.is_file() and target.stat().st_size < 150_000:
                    break
            size = target.stat().st_size if target.is_file() else 0
            check(f"[7] preview {target} (page {page}): written, under 150 KB", 0 < size < 150_000, f"{size} bytes")


# ---------------------------------------------------------------- main

def checks(env, args):
    # the numbered examples (000.json ...); demo-*.json files are not part of this check
    examples = sorted(p for p in Path("examples/notices").glob("*.json") if re.fullmatch(r"\d{3}", p.stem))
    check("examples/notices has 000.json ... 004.json",
          [p.stem for p in examples][:5] == ["000", "001", "002", "003", "004"], str(examples))
    rendered = []
    for path, out, p, seconds in render_examples(env, examples):
        files = check_render(path, out, p, seconds)
        if files:
            notice = load_notice(path)
            check_docx(path.stem, notice, files[0])
            rendered.append((path.stem, notice, files[1]))
    for label, notice, pdf in rendered:
        check_pdf(label, notice, pdf)
        check_fonts(label, notice, pdf)
    grid = next((pdf for label, _, pdf in rendered if label == "000"), None)
    if check("[3] 000 rendered for the grid check", grid):
        check_grid("000", grid)
    check_bad_inputs(env)
    check_no_libreoffice(env)
    check_schema()
    check_form_notes(env, rendered)
    check_issuer_compressed(rendered)
    if args.previews:
        write_previews(args.previews, [(label, pdf) for label, _, pdf in rendered])


def main():
    ap = arguments(__doc__, keep="copy all outputs (DOCX, PDFs, bad inputs) to this directory")
    ap.add_argument("--previews", help="write a PNG of page 1 of each example here (notice-000.png ...)")
    return run_checks(ap, "gongwen-notice-check-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
