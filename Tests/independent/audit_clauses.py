"""The checkable clauses of GB/T 9704-2012, each measured on one rendered notice.

What is measured (all in mm from the top-left corner of the page):
- horizontal placement (flush left, centred, N characters in) on the pen box of the glyphs:
  pen position to pen position plus advance, the character cell a typesetter counts;
- vertical placement of text on the em box (0.88 em above the baseline to 0.12 em below,
  the CJK faces' ideographic em square): a character's square is what "N lines below" and
  "the top of the mark" count;
- "N lines below" something: the blank space from that thing's bottom edge to the em top of
  the text below must hold N lines and not N + 1: from N × 10.21 − 0.5 to N × 10.21 plus one
  line's leading (10.21 minus the lower text's em) + 0.5, as the blank lines are whole grid
  lines and the text sits in its own line with its leading;
- the red line and the 版记 rules on their stroke box (a stroked path's width about its path,
  or a filled rectangle's box); the red line's top against the ink bottom of the 发文字号
  glyphs (the lowest point their outlines reach, from the embedded font program);
- the page number on the ink box of its em dashes: the standard puts the 一字线's top 7 mm
  below the text block, so the dash's own outline, not its em, is measured;
- "on line k" of a page: the em box lies in the k-th 10.21 mm band below the block's top.
"""
import math
import subprocess

from audit_doc import (BOTTOM, CENTRE, CHAR, CHAR14, LEFT, LINE, RED, RIGHT, TOP, TOL, block, cjk_ideograph,
                       hexcolour, squash)

EM16 = 16 / 72 * 25.4
EM22 = 22 / 72 * 25.4
# The words the issue saw broken (关于|举办, 报|送, 分|会场): never split, whatever a
# segmenter says.
ISSUE_TITLE_WORDS = ["关于", "举办", "报送", "分会场"]


def title_words(title):
    """The words of a title as jieba (a Chinese segmenter nobody here wrote, its dictionary
    without the HMM guesses) finds them, of two characters or more, with the issue's words."""
    import logging
    import jieba
    jieba.setLogLevel(logging.ERROR)
    return sorted({w for w in jieba.cut(title, HMM=False) if len(w) > 1} | {w for w in ISSUE_TITLE_WORDS if w in title})


def lines_gap(m, what, upper_bottom, lower_top, n, em):
    gap = None if upper_bottom is None or lower_top is None else lower_top - upper_bottom
    return m.between(f"{what} {n} lines", gap, n * LINE - TOL, n * LINE + (LINE - em) + TOL)


def em_top(glyphs):
    return min(g.top for g in glyphs)


def em_bottom(glyphs):
    return max(g.bottom for g in glyphs)


def pen(glyphs):
    gs = [g for g in glyphs if g.text.strip()]
    return min(g.x0 for g in gs), max(g.x1 for g in gs)


def face(g):
    """The face family of a glyph's font: its PDF name without subset tag and style."""
    return g.font.split("-")[0]


def faces(glyphs, only_cjk=True):
    names = {}
    for g in glyphs:
        if not only_cjk or cjk_ideograph(g.text):
            names[face(g)] = names.get(face(g), 0) + 1
    return names


def on_line(m, what, glyphs, k, page_top=TOP):
    """The glyphs' em box lies in the k-th line band of the page."""
    lo, hi = page_top + (k - 1) * LINE, page_top + k * LINE
    t, b = em_top(glyphs), em_bottom(glyphs)
    ok = t >= lo - TOL and b <= hi + TOL
    return m.fact(ok, f"{what} em {t:.1f}–{b:.1f} mm", f"line {k}: {lo:.1f}–{hi:.1f}")


# ---------------------------------------------------------------- page and grid

def page_size(doc, e, m):
    bad = [p.number for p in doc.pages
           if not (abs(p.width - 210) <= TOL and abs(p.height - 297) <= TOL
                   or abs(p.width - 297) <= TOL and abs(p.height - 210) <= TOL)]
    landscape = sum(p.landscape for p in doc.pages)
    m.fact(not bad, f"{len(doc.pages)} pages A4 ({landscape} landscape)" if not bad else
           f"pages {bad} not A4 ({doc.pages[bad[0] - 1].width:.1f} × {doc.pages[bad[0] - 1].height:.1f})",
           "210 × 297 ± 0.5")


def form_pages(doc, e):
    """Pages of form attachments: from a form's first page to the next attachment's."""
    pages, starts = set(), [(p, a) for (_, p, _, _), a in zip(e.attachment_pages, doc.notice.get("attachments", []))]
    bounds = [p for p, _ in starts if p] + [len(doc.pages) + 1]
    for (p, a) in starts:
        if p and "form" in a:
            nxt = min(b for b in bounds if b > p)
            pages.update(range(p, nxt))
    return pages


HANGING = "、。，；：！？）」』】》”’"


def _overshoot(doc, pages, m, what):
    worst, where = 0.0, {}
    for n in pages:
        p = doc.page(n)
        x0, t, x1, b = block(p)
        # 标点悬挂: a closing punctuation mark that ends a line may hang into the right margin
        # (Word and LibreOffice both hang it by default, and the DOCX cannot stop LibreOffice:
        # it reads w:overflowPunct inverted), by less than one character.
        boxes = [(g.ink, repr(g.text)) for l in doc.content[n] for g in l.glyphs if g.ink and g.text.strip()
                 and not (g is l.glyphs[-1] and g.text in HANGING and g.ink[2] - x1 < CHAR)]
        boxes += [((r.x0, r.top, r.x1, r.bottom), "a rule") for r in p.rules] + [(im, "an image") for im in p.images]
        for bx, what_ in boxes:
            sides = {"left": x0 - bx[0], "right": bx[2] - x1, "top": t - bx[1], "bottom": bx[3] - b}
            side, out = max(sides.items(), key=lambda kv: kv[1])
            if out > TOL:
                where.setdefault(f"p{n} {side}", set()).add(what_)
            worst = max(worst, out)
    if not pages:
        return m.not_applicable(f"no {what}")
    m.near(f"{len(pages)} {what}: furthest outside the block", max(worst, 0.0), 0.0)
    if where:
        m.fact(False, "outside: " + "; ".join(f"{k} {' '.join(sorted(v)[:4])}" for k, v in list(where.items())[:6]))


def text_block(doc, e, m):
    """Nothing but the page number outside the text block (28/26/37/35 mm margins)."""
    forms = form_pages(doc, e)
    _overshoot(doc, [p.number for p in doc.pages if p.number not in forms], m, "notice pages")


def form_text_block(doc, e, m):
    forms = form_pages(doc, e)
    _overshoot(doc, sorted(forms), m, "form pages")


def grid(doc, e, m):
    """22 lines of 28 characters on the full body pages: pages after the first that the body
    goes on after (a page that ends before the signature is the signature clause's)."""
    last = e.body_last.lines[-1][0].page if e.body_last else 0
    full = [p for p in range(2, last) if not doc.page(p).landscape]
    # The page before the signature's may end short: its last lines went over with the
    # signature (GB/T 9704 7.3.5.5), so it is no full page.
    counted = [p for p in full if p != last - 1]
    if not full:
        return m.not_applicable("no full body page")
    counts, pitches, chars, char_pitch = [], [], [], []
    for p in full:
        lines = doc.content[p]
        if p in counted:
            counts.append((p, len(lines)))
        base = [l.baseline for l in lines]
        pitches += [(p, b - a) for a, b in zip(base, base[1:])]
        for l in lines:
            gs = [g for g in l.glyphs if g.text.strip()]
            if all(g.cjk for g in gs) and l.x0 <= LEFT + TOL and l.x1 >= RIGHT - CHAR:
                # A hanging punctuation mark is the 29th glyph of a line of 28.
                chars.append((p, len(gs) - (1 if gs and gs[-1].text in HANGING and gs[-1].x0 >= RIGHT - 0.5 else 0)))
                char_pitch += [(p, b.x0 - a.x0) for a, b in zip(gs, gs[1:])]
    if counts:
        m.near_all("lines a page", counts, 22, 0, unit="", digits=0)
    m.near_all("line pitch", [(p, sorted(v for q, v in pitches if q == p)[len([1 for q, _ in pitches if q == p]) // 2])
                              for p in full if any(q == p for q, _ in pitches)], LINE, 0.5 / 21, digits=2)
    if chars:
        m.near_all("characters in a full line", chars, 28, 0, unit="", digits=0)
        med = sorted(v for _, v in char_pitch)[len(char_pitch) // 2] if char_pitch else None
        # 28 a line: the pitch at most 156/28 mm and more than 156/28.5 (Word's steps of
        # 1/20 pt give 15.75 pt, 5.556 mm; 15.8 pt would leave 27 a line).
        lo, hi = 156 / 28.5, 156 / 28 + 0.005
        m.near("character pitch", med, (lo + hi) / 2, (hi - lo) / 2, digits=3)
    else:
        m.fail("no full line of characters found")


# ---------------------------------------------------------------- 版头

def copy_number(doc, e, m):
    cn = doc.notice.get("copyNumber")
    if not cn:
        return m.not_applicable("no 份号")
    f = e.marks.get("copyNumber")
    if not f:
        return m.fail(f"份号 {cn} not found")
    m.fact(f.page == 1 and len(cn) == 6 and cn.isdigit(), f"{squash(''.join(g.text for g in f.glyphs))} on page {f.page}",
           "6 digits on page 1")
    first = doc.content[1][0].glyphs if doc.content.get(1) else []
    m.fact(first and first[0] is f.glyphs[0], "the first line" if first and first[0] is f.glyphs[0] else "not the first line")
    m.near("left", pen(f.glyphs)[0], LEFT)
    on_line(m, "", f.glyphs, 1)


def marks(doc, e, m):
    keys = [k for k in ("secrecy", "urgency") if doc.notice.get(k)]
    if not keys:
        return m.not_applicable("no 密级 or 紧急程度")
    k0 = 2 if doc.notice.get("copyNumber") else 1
    for i, key in enumerate(keys):
        f = e.marks.get(key)
        if not f:
            m.fail(f"{doc.notice[key]} not found")
            continue
        fs = faces(f.glyphs)
        m.fact(set(fs) <= {"NotoSansCJKsc", "NotoSansCJKjp", "NotoSansCJK"} and fs,
               f"{doc.notice[key]} in {'/'.join(fs)}", "黑体: Noto Sans CJK")
        m.near(f"{doc.notice[key]} left", pen(f.glyphs)[0], LEFT)
        on_line(m, doc.notice[key], f.glyphs, k0 + i)


def issuer_mark(doc, e, m):
    gs = e.issuer
    if not gs:
        return m.fail("no red glyphs of 20 pt or more on page 1")
    organs = doc.notice["issuer"]["organs"]
    suffix = doc.notice["issuer"].get("suffix", "文件") or ""
    m.fact(sorted(squash("".join(g.text for g in gs))) == sorted(squash("".join(organs) + (suffix if suffix else ""))),
           "text of the mark", "organs + 文件")
    m.near("top", em_top(gs), TOP + 35)
    x0, x1 = pen(gs)
    m.near("centre", (x0 + x1) / 2, CENTRE)
    m.fact(all(g.color == RED for g in gs), f"colour {hexcolour(gs[0].color)}", "FF0000")
    fs = faces(gs)
    m.fact(all(f.startswith("NotoSerifCJK") for f in fs) and all("Bold" in g.font for g in gs if cjk_ideograph(g.text)),
           f"face {'/'.join(sorted(set(g.font for g in gs)))}", "小标宋: a bold serif")
    size = max(g.size for g in gs) / 72 * 25.4
    m.fact(size < 15 and max(g.x1 - g.x0 for g in gs) < 22, f"{size:.1f} mm a character", "< 15 × 22 mm")


def joint_issuer(doc, e, m):
    organs = doc.notice["issuer"]["organs"]
    suffix = doc.notice["issuer"].get("suffix", "文件")
    if len(organs) < 2 or not suffix:
        return m.not_applicable("one organ" if len(organs) < 2 else "no 文件")
    gs = e.issuer
    word = [g for g in gs if g.text in suffix]
    names = [g for g in gs if g not in word]
    if not word or not names:
        return m.fail("文件 or the names not found in red")
    m.fact(min(g.x0 for g in word) >= max(g.x1 for g in names) - 0.1,
           f"文件 starts {min(g.x0 for g in word) - max(g.x1 for g in names):.1f} mm right of the names", "right of them")
    m.near("文件's middle against the names' middle", (em_top(word) + em_bottom(word)) / 2,
           (em_top(names) + em_bottom(names)) / 2)
    rows = sorted({round(g.baseline) for g in names})
    m.fact(len(rows) == len(organs), f"{len(rows)} lines of names", f"{len(organs)}")


def document_number(doc, e, m):
    if not doc.notice.get("documentNumber"):
        return m.not_applicable("no 发文字号")
    f = e.number
    if not f:
        return m.fail(f"{doc.notice['documentNumber']} not found")
    m.fact(f.page == 1, f"page {f.page}", "page 1")
    if e.issuer:
        # Two lines below the mark: the number's line, or with several 签发人 lines the first
        # of them (the number then stands on the last).
        first = min([f] + [s for s in e.signers if s], key=lambda x: x.glyphs[0].baseline)
        lines_gap(m, "below the mark", em_bottom(e.issuer), em_top(first.glyphs), 2, EM16)
    x0, x1 = pen(f.glyphs)
    if doc.notice.get("signer"):
        m.near("left (upward: one character in)", x0, LEFT + CHAR)
    else:
        m.near("centre", (x0 + x1) / 2, CENTRE)


def signer(doc, e, m):
    s = doc.notice.get("signer")
    if not s:
        return m.not_applicable("not an upward document")
    names = [s] if isinstance(s, str) else s
    if not e.signer_label or not all(e.signers):
        return m.fail(f"签发人： or a name of {names} not found")
    if e.number:
        # 7.2.3: the number shares the line of the last 签发人 names.
        m.fact(abs(e.signers[-1].glyphs[0].baseline - e.number.glyphs[0].baseline) < 1, "发文字号 on the line of the last names")
    m.fact(set(faces(e.signer_label.glyphs)) <= {"NotoSerifCJKsc", "NotoSerifCJKjp"},
           f"签发人 in {'/'.join(faces(e.signer_label.glyphs))}", "仿宋: Noto Serif CJK")
    kai = [faces(f.glyphs) for f in e.signers]
    m.fact(all(set(k) <= {"UKaiCN"} for k in kai), f"names in {'/'.join(sorted(set(x for k in kai for x in k)))}",
           "楷体: AR PL UKai")
    # The names stand right, one character in: the longest line of them ends there.
    m.near("names' right end", max(pen(f.glyphs)[1] for f in e.signers), RIGHT - CHAR)
    rows = {}
    for f in e.signers:
        rows.setdefault(round(f.glyphs[0].baseline), []).append(f)
    rows = [rows[k] for k in sorted(rows)]
    m.fact(all(len(r) <= 2 for r in rows) and all(len(r) == 2 for r in rows[:-1]),
           f"{'+'.join(str(len(r)) for r in rows)} names a line", "two a line")
    if len(rows) > 1:
        m.near_all("later lines' first name", [(i + 2, pen(r[0].glyphs)[0]) for i, r in enumerate(rows[1:])],
                   pen(rows[0][0].glyphs)[0])


def red_line(doc, e, m):
    p1 = doc.page(1)
    reds = [r for r in p1.rules if r.color == RED and r.thickness < 3 and r.length > 20]
    if not reds:
        return m.fail("no red rule on page 1")
    r = max(reds, key=lambda r: r.length)
    m.near("length", r.length, 156)
    m.near("left", r.x0, LEFT)
    m.near("right", r.x1, RIGHT)
    if e.number:
        inks = [g.ink[3] for g in e.number.glyphs if g.ink]
        m.near("below 发文字号", r.top - max(inks) if inks else None, 4)
    m.fact(r.color == RED, hexcolour(r.color), "FF0000")
    m.fact(True, f"thickness {r.thickness:.2f} mm")


# ---------------------------------------------------------------- 主体

def title(doc, e, m):
    f = e.title
    if not f:
        return m.fail("title not found")
    lines = f.lines
    reds = [r for r in doc.page(1).rules if r.color == RED and r.thickness < 3]
    if reds and f.page == 1:
        lines_gap(m, "below the red line", max(r.bottom for r in reds), em_top(lines[0]), 2, EM22)
    m.near_all("line centres", [(i + 1, sum(pen(l)) / 2) for i, l in enumerate(lines)], CENTRE)
    m.fact(all(pen(l)[1] - pen(l)[0] <= 156 + TOL for l in lines),
           f"widest line {max(pen(l)[1] - pen(l)[0] for l in lines):.1f} mm", "≤ 156")
    fs = set(g.font for g in f.glyphs if cjk_ideograph(g.text))
    m.fact(all(x.startswith("NotoSerifCJK") and "Bold" in x for x in fs), f"face {'/'.join(sorted(fs))}",
           "小标宋: a bold serif")
    m.near_all("size", [(i + 1, max(g.size for g in l)) for i, l in enumerate(lines)], 22, 0.1, unit="pt")


def title_breaks(doc, e, m, words=None):
    """A title given as one string is broken between words, each line centred, into a
    trapezoid or diamond (never an hourglass); one given as lines keeps its lines."""
    t = doc.notice["title"]
    f = e.title
    if not f:
        return m.fail("title not found")
    printed = ["".join(g.text for g in l) for l in f.lines]
    if isinstance(t, list):
        return m.fact([squash(x) for x in printed] == [squash(x) for x in t], f"{len(printed)} lines as given")
    # Between words means between the words a segmenter finds: the generator's phrases
    # (科技活动周, 有关事项) are several words, and a title may break between them.
    words = title_words(t)
    line_of = [i for i, l in enumerate(printed) for _ in squash(l)]
    text = squash(t)
    split = []
    for w in set(words):
        at = text.find(w)
        while at >= 0:
            if len(set(line_of[at:at + len(w)])) > 1:
                split.append(w)
            at = text.find(w, at + 1)
    m.fact(not split, f"{len(printed)} lines, {'no word split' if not split else 'split: ' + '、'.join(sorted(set(split)))}")
    widths = [len(squash(l)) for l in printed]
    hourglass = any(widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, len(widths) - 1))
    m.fact(not hourglass, f"shape {'-'.join(map(str, widths))} characters", "no hourglass")


HEADING_FACES = {1: ("NotoSansCJK", "黑体: Noto Sans CJK"), 2: ("UKaiCN", "楷体: AR PL UKai"),
                 3: ("NotoSerifCJK", "仿宋: Noto Serif CJK"), 4: ("NotoSerifCJK", "仿宋: Noto Serif CJK")}


def heading_fonts(doc, e, m):
    if not e.headings:
        return m.not_applicable("no headings")
    for level in sorted({lv for lv, _, _ in e.headings}):
        hs = [(label, f) for lv, label, f in e.headings if lv == level]
        missing = [label for label, f in hs if not f]
        want, name = HEADING_FACES[min(level, 4)]
        got = {}
        for _, f in hs:
            if f:
                for k, v in faces(f.glyphs).items():
                    got[k] = got.get(k, 0) + v
        ok = not missing and got and all(k.startswith(want) for k in got)
        if level >= 3:
            ok = ok and all("Bold" not in g.font for _, f in hs if f for g in f.glyphs)
        m.fact(ok, f"level {level} ({hs[0][0]}) in {'/'.join(f'{k}×{v}' for k, v in got.items()) or 'nothing'}"
               + (f", not found {missing}" if missing else ""), name)


def attachment_list(doc, e, m):
    atts = doc.notice.get("attachments", [])
    if not atts:
        return m.not_applicable("no attachments")
    f = e.attachment_list
    if not f:
        return m.fail("附件： not found")
    m.near("附件 left", pen(f.glyphs)[0], LEFT + 2 * CHAR)
    if e.body_last and e.body_last.page == f.page:
        lines_gap(m, "below the body", em_bottom(e.body_last.lines[-1]), em_top(f.glyphs), 1, EM16)
    names = [(num, nm) for num, nm in e.attachment_names]
    if any(nm is None for _, nm in names):
        return m.fail(f"names not found: {[a['name'] for (_, nm), a in zip(names, atts) if nm is None]}")
    first = pen(names[0][1].lines[0])[0]
    if len(atts) > 1:
        m.near_all("numbers aligned", [(i + 1, pen(num.glyphs)[0]) for i, (num, _) in enumerate(names) if num],
                   pen(names[0][0].glyphs)[0] if names[0][0] else first)
        m.near_all("names aligned", [(i + 1, pen(nm.lines[0])[0]) for i, (_, nm) in enumerate(names)], first)
    wrapped = [(f"{i + 1}/{j + 2}", pen(l)[0]) for i, (_, nm) in enumerate(names) for j, l in enumerate(nm.lines[1:])]
    if wrapped:
        m.near_all("wrapped lines under the name", wrapped, first)
    # no punctuation after a name
    m.fact(all(not nm.glyphs[-1].text in "，。；、：" for _, nm in names), "no punctuation after the names")


def _date_rules(m, names, date, sealed):
    """Positions of the names and the date (sealed or not)."""
    if sealed:
        m.near("date's right end (4 characters in)", pen(date.glyphs)[1], RIGHT - 4 * CHAR)
        return
    longest = max(names, key=lambda f: pen(f.glyphs)[1] - pen(f.glyphs)[0])
    nx0, nx1 = pen(longest.glyphs)
    dx0, dx1 = pen(date.glyphs)
    if (dx1 - dx0) > (nx1 - nx0) - 2 * CHAR + TOL:  # the date is longer: it sits 2 characters in
        m.near("date's right end (2 characters in, longer than the name)", dx1, RIGHT - 2 * CHAR)
        m.near("name's start (2 characters left of the date)", nx0, dx0 - 2 * CHAR)
    else:
        m.near("name's right end (2 characters in)", nx1, RIGHT - 2 * CHAR)
        m.near("date's start (2 characters right of the name)", dx0, nx0 + 2 * CHAR)


def signature(doc, e, m):
    names = e.signature
    if not all(names) or not e.date:
        return m.fail(f"signature {'names' if not all(names) else 'date'} not found")
    sealed = doc.notice["signature"].get("sealed", any("seal" in o for o in doc.notice["signature"]["organs"]))
    _date_rules(m, names, e.date, sealed)
    if not sealed:
        prev = e.attachment_list and e.attachment_names and e.attachment_names[-1][1] or e.body_last
        if prev and prev.page == names[0].page:
            lines_gap(m, "name below the body", em_bottom(prev.lines[-1]), em_top(names[0].glyphs), 1, EM16)
        seq = names + [e.date]
        m.near_all("each next line", [(i + 2, b.glyphs[0].baseline - a.glyphs[-1].baseline)
                                      for i, (a, b) in enumerate(zip(seq, seq[1:])) if a.page == b.page], LINE)


def seals(doc, e, m):
    sig = doc.notice["signature"]
    if not sig.get("sealed", any("seal" in o for o in sig["organs"])):
        return m.not_applicable("not sealed")
    if not any(o.get("seal") for o in sig["organs"]):
        return m.not_applicable("sealed, no seal images (the space is kept)")
    if not all(e.signature) or not e.date:
        return m.fail("names or date not found")
    page = doc.page(e.date.page)
    images = sorted(page.images, key=lambda b: (b[1], b[0]))
    with_image = [o for o in sig["organs"] if o.get("seal")]
    m.fact(len(images) >= len(with_image), f"{len(images)} seal images on the date's page", f"{len(with_image)}")
    if not images:
        return
    def overlaps(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    def box(f):
        return (pen(f.glyphs)[0], em_top(f.glyphs), pen(f.glyphs)[1], em_bottom(f.glyphs))
    for name in e.signature:
        nb = box(name)
        near = min(images, key=lambda b: math.dist(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2),
                                                   ((nb[0] + nb[2]) / 2, (nb[1] + nb[3]) / 2)))
        m.fact(overlaps(near, box(name)), f"a seal over {''.join(g.text for g in name.glyphs)}")
        m.near("seal centred on its name", (near[0] + near[2]) / 2, sum(pen(name.glyphs)) / 2)
    db = box(e.date)
    last = min(images, key=lambda b: math.dist(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2),
                                               ((db[0] + db[2]) / 2, (db[1] + db[3]) / 2)))
    m.fact(overlaps(last, db), "the last seal over the date")
    prev = e.attachment_names[-1][1] if e.attachment_names and e.attachment_names[-1][1] else e.body_last
    if prev and prev.page == e.date.page:
        top = min(b[1] for b in images)
        m.between("seal's top below the body", top - em_bottom(prev.lines[-1]), -TOL, LINE + TOL)
    elif prev:
        m.fail(f"seal on page {e.date.page}, the body ends on page {prev.page}")
    touching = []
    for i, a in enumerate(images):
        for b in images[i + 1:]:
            ra, rb = min(a[2] - a[0], a[3] - a[1]) / 2, min(b[2] - b[0], b[3] - b[1]) / 2
            d = math.dist(((a[0] + a[2]) / 2, (a[1] + a[3]) / 2), ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2))
            if d <= ra + rb:
                touching.append(round(d - ra - rb, 1))
    m.fact(not touching, "no two seals touch" if not touching else f"seals touch (gaps {touching} mm)")


def note(doc, e, m):
    if not doc.notice.get("note"):
        return m.not_applicable("no 附注")
    if not e.note or not e.date:
        return m.fail("附注 (in parentheses) or the date not found")
    m.near("left (2 characters in)", pen(e.note.glyphs)[0], LEFT + 2 * CHAR)
    m.fact(e.note.page == e.date.page, f"page {e.note.page}", f"the date's page {e.date.page}")
    if e.note.page == e.date.page:
        m.near("below the date", e.note.glyphs[0].baseline - e.date.glyphs[0].baseline, LINE)


def signature_not_alone(doc, e, m):
    first = next((f for f in e.signature if f), None) or e.date
    if not first:
        return m.fail("signature not found")
    page = first.page
    start = doc.stream.index(first.glyphs[0])
    before = [g for g in doc.stream[:start] if g.page == page]
    m.fact(bool(before), f"signature on page {page} with {len(before)} glyphs of body text above it", "some")


def attachment_pages(doc, e, m):
    atts = doc.notice.get("attachments", [])
    if not atts:
        return m.not_applicable("no attachments")
    list_names = [squash("".join(g.text for g in nm.glyphs)) if nm else None for _, nm in e.attachment_names]
    for (label, p, lab, ttl), a, listed in zip(e.attachment_pages, atts, list_names):
        if not p:
            m.fail(f"{label}: no page starting with {label}")
            continue
        page = doc.page(p)
        x0, t, _, _ = block(page)
        fs = faces(lab.glyphs)
        m.fact(fs and all(k.startswith("NotoSansCJK") for k in fs), f"{label} p{p} in {'/'.join(fs)}", "黑体")
        m.near(f"{label} left{' (landscape: the sheet turned)' if page.landscape else ''}", pen(lab.glyphs)[0], x0)
        on_line(m, label, lab.glyphs, 1, t)
        if not ttl or ttl.page != p:
            m.fail(f"{label} title {a['name']} not on its first page")
            continue
        tl = ttl.lines
        on_line(m, f"{label} title", tl[0], 3, t)
        m.near_all(f"{label} title centre", [(i + 1, sum(pen(l)) / 2) for i, l in enumerate(tl)],
                   (block(page)[0] + block(page)[2]) / 2)
        m.fact(listed == squash(a["name"]), f"{label} name as in 附件说明")


# ---------------------------------------------------------------- 版记

def colophon_rules(doc, e):
    """Black horizontal rules of 100 mm or more on the page of the 印发 line, near it."""
    if not e.printed:
        return []
    page = doc.page(e.printed.page)
    top = em_top(e.copy_to.glyphs) if e.copy_to and e.copy_to.page == e.printed.page else em_top(e.printed.glyphs)
    bottom = em_bottom(e.printed.glyphs)
    upright = [r for r in page.rules if r.thickness > 2 and r.length < 2]

    def in_table(r):  # a table's border meets the cells' vertical borders; the 版记's rules do not
        return any(v.top <= r.bottom + 0.3 and v.bottom >= r.top - 0.3 and r.x0 - 0.3 <= v.x0 <= r.x1 + 0.3
                   for v in upright)
    return sorted([r for r in page.rules if r.color != RED and r.thickness < 2 and r.length > 100
                   and top - LINE < r.top < bottom + LINE and not in_table(r)], key=lambda r: r.top)


def colophon_place(doc, e, m):
    col = doc.notice.get("colophon")
    if not col:
        return m.not_applicable("no 版记")
    if not e.printed:
        return m.fail("印发 line not found")
    n = len(doc.pages)
    m.fact(e.printed.page == n, f"印发 on page {e.printed.page} of {n}", "the last")
    if e.copy_to:
        m.fact(e.copy_to.page == e.printed.page, f"抄送 on page {e.copy_to.page}", f"{e.printed.page}")
    m.fact(n % 2 == 0, f"{n} pages", "even")
    m.between("印发 line's bottom", em_bottom(e.printed.glyphs), BOTTOM - LINE, BOTTOM)
    rules = colophon_rules(doc, e)
    if rules:
        m.near("last rule's bottom", rules[-1].bottom, BOTTOM)
    else:
        m.fail("no rules")


def colophon_lines(doc, e, m):
    if not doc.notice.get("colophon"):
        return m.not_applicable("no 版记")
    rules = colophon_rules(doc, e)
    rows = 1 + bool(e.copy_to)
    if not m.fact(len(rules) == rows + 1, f"{len(rules)} rules", f"{rows + 1}"):
        if not rules:
            return
    m.near_all("rule lengths", [(i + 1, r.length) for i, r in enumerate(rules)], 156)
    m.near_all("rule left ends", [(i + 1, r.x0) for i, r in enumerate(rules)], LEFT)
    outer = [rules[0], rules[-1]] if len(rules) > 1 else rules
    m.near_all("outer rules", [(i + 1, r.thickness) for i, r in zip((1, len(rules)), outer)], 0.35, 0.05, digits=2)
    if len(rules) > 2:
        m.near_all("inner rules", [(i + 2, r.thickness) for i, r in enumerate(rules[1:-1])], 0.25, 0.05, digits=2)


def colophon_text(doc, e, m):
    col = doc.notice.get("colophon")
    if not col:
        return m.not_applicable("no 版记")
    if col.get("copyTo"):
        f = e.copy_to
        if not f:
            m.fail("抄送 text not found")
        else:
            m.near_all("抄送 size", [(i + 1, max(g.size for g in l)) for i, l in enumerate(f.lines)], 14, 0.1, unit="pt")
            m.near("抄送 left (one character in)", pen(f.lines[0])[0], LEFT + CHAR14)
            m.fact(max(pen(l)[1] for l in f.lines) <= RIGHT - CHAR14 + TOL,
                   f"抄送 right end {max(pen(l)[1] for l in f.lines):.1f} mm", f"≤ {RIGHT - CHAR14:.1f}")
            if len(f.lines) > 1:
                after_colon = f.glyphs[3].x0
                m.near_all("抄送 wrapped lines after the colon", [(i + 2, pen(l)[0]) for i, l in enumerate(f.lines[1:])],
                           after_colon)
    f = e.printed
    if not f:
        return m.fail("印发 line not found")
    m.fact(len(f.lines) == 1, f"印发 on {len(f.lines)} line(s)", "1")
    m.near("印发机关 left", pen(f.glyphs)[0], LEFT + CHAR14)
    m.near("印发 right end", pen(f.glyphs)[1], RIGHT - CHAR14)
    m.near("印发 size", max(g.size for g in f.glyphs), 14, 0.1, unit="pt")
    rules = colophon_rules(doc, e)
    if rules:
        m.between("印发 above the last rule", rules[-1].top - em_bottom(f.glyphs), 0, LINE - EM16 + TOL)


# ---------------------------------------------------------------- page numbers

def page_numbers(doc, e, m):
    n = len(doc.pages)
    unnumbered = set()
    if e.printed and e.printed.page == n and n > 1 and doc.is_blank(n - 1):
        unnumbered = {n - 1, n}
    tops, odd, even, sizes, wrong, lands = [], [], [], [], [], []
    for p in doc.pages:
        line = doc.numbers.get(p.number)
        if p.number in unnumbered:
            m.fact(line is None, f"p{p.number} {'unnumbered' if line is None else 'numbered'}", "no number")
            continue
        if not line:
            wrong.append(f"p{p.number} none")
            continue
        num = int(squash(line.text).strip("\u2014"))
        if num != p.number:
            wrong.append(f"p{p.number} shows {num}")
        dashes = [g for g in line.glyphs if g.text == "\u2014" and g.ink]
        # pdfplumber's size of a turned glyph is its box across the line, not the type size:
        # turned numbers are sized by their font only.
        if all(g.upright for g in line.glyphs):
            sizes.append((p.number, max(g.size for g in line.glyphs)))
        if not p.landscape:
            if not all(g.upright for g in line.glyphs):
                wrong.append(f"p{p.number} rotated")
            tops.append((p.number, min(g.ink[1] for g in dashes) - BOTTOM if dashes else None))
            x0, x1 = pen(line.glyphs)
            (odd if p.number % 2 else even).append((p.number, x1 if p.number % 2 else x0))
        else:
            # the sheet's bottom edge is the page's left edge: the glyphs run down the page
            a, b = line.glyphs[0].matrix[:2]
            turned = abs(a) < 0.01 and b < 0
            lands.append(f"p{p.number} {'turned' if turned else 'not turned'}")
            if not turned:
                wrong.append(f"p{p.number} landscape number not turned (along the page's bottom)")
            elif dashes:
                tops.append((p.number, 297 - max(g.ink[2] for g in dashes) - BOTTOM))
                # the ends of the line by the dashes' advances, as on portrait pages: an em
                # dash's ink is centred in its one-em advance (14 pt), so the advance ends
                # half the difference beyond the ink (pdfplumber's boxes of turned glyphs are
                # not their advances)
                em = 14 / 72 * 25.4
                inset = max(0.0, (em - (dashes[-1].ink[3] - dashes[-1].ink[1])) / 2)
                ys = [v for g in dashes for v in (g.ink[1], g.ink[3])]
                (odd if p.number % 2 else even).append((p.number, max(ys) + inset if p.number % 2 else min(ys) - inset))
    m.fact(not wrong, "numbers — N — in order, landscape ones turned" if not wrong else "; ".join(wrong[:6]) + ("…" if len(wrong) > 6 else ""))
    if tops:
        m.near_all("dash top below the block", tops, 7)
    if odd:
        m.near_all("odd pages' right end", odd, RIGHT - CHAR14)
    if even:
        m.near_all("even pages' left end", even, LEFT + CHAR14)
    if sizes:
        m.near_all("size", sizes, 14, 0.1, unit="pt")
    if unnumbered:
        m.fact(True, f"blank page {n - 1} before the 版记 page")


# ---------------------------------------------------------------- glyphs and faces

def glyphs(doc, e, m, printed):
    bad = []
    for p in doc.pages:
        for g in p.glyphs:
            if g.text.strip() and (g.glyph_name == ".notdef" or g.ink is None):
                bad.append(f"{g.text} U+{ord(g.text[0]):04X} p{p.number} {g.font} ({g.glyph_name})")
    m.fact(not bad, f"{len(bad)} glyphs printed as .notdef or as nothing" + (f": {'; '.join(sorted(set(bad))[:5])}" if bad else ""), "0")
    have = set(ch for p in doc.pages for g in p.glyphs for ch in g.text)
    missing = sorted({ch for _, s in printed for ch in s if not ch.isspace() and ch not in have})
    m.fact(not missing, f"{len(missing)} input characters missing from the text"
           + (f": {' '.join(f'{c} U+{ord(c):04X}' for c in missing[:8])}" if missing else ""), "0")
    unreadable = [k for k, v in doc.programs.items() if v.kind not in ("type1", "truetype")]
    m.fact(not unreadable, f"{len(doc.programs)} embedded font programs read"
           + (f", not read: {unreadable}" if unreadable else ""))


def cjk_faces(doc, e, m, pdf_path):
    """Ideographs and CJK punctuation in their Chinese forms. The face names in the PDF do not
    tell it: the faces of a Noto CJK collection share one glyph table, named after the JP
    face, so the embedded font is always NotoSerifCJKjp…; the glyph drawn does (直 is CID 27746
    in the SC face, 27745 in JP), read from the embedded fonts and matched against the
    installed faces (check_glyphs.py's way)."""
    import pdfplumber
    from check_glyphs import (CHINESE_FACE, chinese_cover, embedded_fonts, installed_file, matching_faces,
                              needs_chinese_face)
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True).stdout.splitlines()[2:]
    emb = [l.split()[0] for l in out if l.strip() and " no " in f" {' '.join(l.split()[-5:-2])} "]
    m.fact(not emb, "all embedded" if not emb else f"not embedded: {emb}")
    fonts = embedded_fonts(pdf_path)
    checked, foreign = 0, []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            for ch in page.chars:
                char, base = ch["text"], ch["fontname"]
                if len(char) != 1 or char.isspace() or not needs_chinese_face(char):
                    continue
                glyph, file = fonts.get(base, {}).get(char), installed_file(base)
                if not glyph or not file:
                    continue  # a missing glyph is the glyphs clause's
                checked += 1
                faces = matching_faces(char, glyph, file)
                if not any(CHINESE_FACE.search(f or "") for f in faces) and chinese_cover(char):
                    foreign.append(f"{char} in {faces or base}")
    m.fact(not foreign, f"{checked} ideographs and CJK marks" + (f", {len(foreign)} not in a Chinese face: {'; '.join(foreign[:4])}"
                                                               if foreign else ", all in SC/CN faces"), "SC/CN forms")
