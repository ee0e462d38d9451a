#!/usr/bin/env python3
"""A seeded, bounded fuzzer of `gongwen render`, `gongwen notice` and `gongwen notice import`,
judged from outside.

Each case is data for a template (or a notice) made from hostile pieces: characters of every
Unicode plane (CJK Extensions B to H, ZWJ emoji sequences, combining marks after every XML
and file-name special character, bidi controls, zero-width characters, U+2028/2029, NBSP,
full-width digits, `_xHHHH_`), values up to and over each limit, numbers at every edge, and
JSON oddities (duplicate keys, dotted and nested keys for one field, deep nesting, a BOM,
trailing commas, lone surrogates). Each case must end in one of two ways:
  - refused: exit 65, a message naming key, Chinese label and [rule] (or line and column for
    text that is not JSON), and nothing written;
  - written: exactly one file, which python-docx or openpyxl opens and in which every value
    sent reads back equal (text to the code point, numbers to the digit); a sample of the
    written files also goes through LibreOffice, and through openxml-audit where installed.
Drafts (the seed texts of examples/drafts cut, shuffled, truncated, and salted with the same
hostile text and with lines that look like elements of a notice: 附件：, 一、, 附件2, 抄送：,
dates, numbers in every bracket, and lines as typed by hand: full-width figures, dates in
Chinese numerals with one-figure days, heading numbers with other marks) go through `notice import`: refused with exit 65 naming what
the draft lacks and writing nothing, or imported to a notice that `gongwen notice` lays out
(exit 0, one DOCX python-docx opens, holding every title line, heading, paragraph and
attachment name of the imported notice).
Anything else (another exit status, a crash, a file no reader opens, a changed value) is a
failure: the case is saved under fuzz_regressions/ and replayed first on every later run.

Usage (from the repo root):
    python3 Tests/independent/fuzz_forms.py --gongwen .build/debug/gongwen [--seed N] [--cases N]
"""
import hashlib
import json
import random
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, xlsx_values

REGRESSIONS = Path(__file__).resolve().parent / "fuzz_regressions"

PLANES = [
    "\U00020000\U0002A6DF", "\U0002A700\U0002B739", "\U0002B740\U0002B81D", "\U0002B820\U0002CEA1",
    "\U0002CEB0\U0002EBE0", "\U00030000\U0003134A", "\U00031350\U000323AF",  # CJK Extensions B-H
    "𠀀𪚥𫝀𬺰𮯠", "直骨角写画", "公文科普活动周",
]
EMOJI = ["👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "😀", "🇨🇳", "1️⃣"]
SPECIALS = ["&", "<", ">", '"', "'", "/", "\\", ":", "*", "?", "|", "]]>", "_x0041_", "_x005F_", "_X0041_", "%", "#"]
COMBINING = ["\u0301", "\u0308", "\u20DD", "\u0332"]
INVISIBLE = ["\u202E", "\u202D", "\u2066", "\u200F", "\u200B", "\u200D", "\uFEFF", "\u2028", "\u2029", "\u00A0", "\u3000"]
FULL_WIDTH = ["０１２３", "１２．５０", "ＡＢＣ"]
NUMBERS = ["0", "-0", "1", "12.50", "1e3", "0.1", "9007199254740993", "123456789012345", "1234567890123456",
           "1e308", "1e-130", "0.000000000000001", "99999999999999999999999999999999999999999", "-1", "3.14159"]


class Env(GongwenEnv):
    def notice(self, source, out):
        return self.run("notice", str(source), "--out", str(out))


def piece(rng):
    """One hostile fragment of text."""
    kind = rng.randrange(7)
    if kind == 0:
        return rng.choice(SPECIALS) + rng.choice(COMBINING)
    if kind == 1:
        return rng.choice(EMOJI)
    if kind == 2:
        return rng.choice(INVISIBLE)
    if kind == 3:
        return rng.choice(FULL_WIDTH)
    if kind == 4:
        pool = rng.choice(PLANES)
        return "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
    if kind == 5:
        return rng.choice(SPECIALS)
    return rng.choice(["科普", "活动", " ", "A", "\n", "一二三"])


VALID_NUMBERS = {"count": ["0", "1", "3000", "123456789012345"], "amount": ["0", "12.50", "1e3", "0.1", "3.14159", "99999.99"]}
VALID = {"postcode": "450007", "email": "kepu@163.com", "phone": "0371-6718 3769 转 8"}


def text(rng, limit, valid=False):
    """Text up to, at or just over the field's limit (as a person counts: a mark joins its
    base); within it when `valid`."""
    if limit and rng.random() < 0.15:
        n = limit + (0 if valid else rng.choice([0, 1]))
        base = rng.choice(["科", "a", "𠀀"])
        marks = rng.choice(["", "\u0301", "\u0301\u0308"])
        return (base + marks) * n
    value = "".join(piece(rng) for _ in range(rng.randint(1, 6)))
    return value if value.strip() else value + "科"


def value_for(rng, field, valid):
    """A value for a field, sometimes of the wrong kind (never when `valid`); returned as JSON
    text and as what it means."""
    t = field["type"]
    if valid:
        if t in VALID_NUMBERS:
            literal = rng.choice(VALID_NUMBERS[t])
            return literal, ("number", literal)
        if t in VALID:
            return json.dumps(VALID[t]), ("string", VALID[t])
        v = text(rng, field.get("maxLength") or (500 if t == "multiline" else 100), valid=True)
        return json.dumps(v, ensure_ascii=rng.random() < 0.3), ("string", v)
    if t in ("count", "amount") or rng.random() < 0.08:
        literal = rng.choice(NUMBERS)
        # A number given for a text field is kept as it was written: it is text there.
        return literal, ("number" if t in ("count", "amount") else "string", literal)
    if t == "postcode" and rng.random() < 0.7:
        v = rng.choice(["450007", "45000７", "4500", "450 007"])
    elif t == "email" and rng.random() < 0.7:
        v = rng.choice(["a@b.cn", "科普@例子.中国", "a@", "x" * 90 + "@b.cn"])
    elif t == "phone" and rng.random() < 0.7:
        v = rng.choice(["0371-67183769", "0371 6718 3769 转 8", "(0371)67183769", "call me"])
    else:
        v = text(rng, field.get("maxLength") or (500 if t == "multiline" else 100))
    return json.dumps(v, ensure_ascii=rng.random() < 0.3), ("string", v)


def form_case(rng, template):
    """Raw JSON text for a template, and the values it means (key -> (kind, value)), or None
    for the values when the case is one the reader must refuse whatever the values."""
    fields = [f for f in template["fields"]]
    single = [f for f in fields if not f["key"].startswith("rows[].")]
    rows = [f for f in fields if f["key"].startswith("rows[].")]
    members, meant = [], {}
    # Half the cases keep every rule, so that what is written gets read back as often as
    # what is refused gets refused.
    valid = rng.random() < 0.5
    for f in single:
        if rng.random() < 0.7 or (valid and f.get("required")):
            literal, v = value_for(rng, f, valid)
            members.append((f["key"], literal))
            meant[f["key"]] = v
    row_texts = []
    for i in range(rng.randint(0, 3) if rows else 0):
        row = []
        for f in rows:
            if rng.random() < 0.7 or (valid and f.get("required")):
                literal, v = value_for(rng, f, valid)
                key = f["key"][len("rows[]."):]
                row.append(f'{json.dumps(key)}: {literal}')
                meant[f"rows[{i}].{key}"] = v
        row_texts.append("{" + ", ".join(row) + "}")
    oddity = rng.random()
    odd = None
    if oddity < 0.05 and members:
        k, lit = members[0]
        members.append((k, lit))
        odd = "duplicate key"
    elif oddity < 0.10:
        dotted = [f["key"] for f in single if "." in f["key"]]
        if dotted:
            k = dotted[0]
            head, tail = k.split(".", 1)
            members.append((head, "{" + json.dumps(tail) + ": 1}"))
            members.append((k, "2"))
            odd = "dotted and nested key for one field"
    body = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {lit}" for k, lit in members)
    if row_texts:
        body += (", " if body else "") + '"rows": [' + ", ".join(row_texts) + "]"
    raw = "{" + body + "}"
    if oddity > 0.97:
        raw = "[" * 500 + "]" * 500
        odd = "deep nesting"
    elif oddity > 0.95:
        raw = raw[:-1] + (", " if body else "") + "}" if body else raw
        odd = "trailing comma" if body else None
    elif oddity > 0.93:
        free = [f["key"] for f in single if f["type"] == "text" and f["key"] not in meant]
        if free:
            raw = raw[:-1] + (", " if body else "") + json.dumps(free[0]) + ': "a\\ud800b"}'
            odd = "lone surrogate"
    elif oddity > 0.90:
        raw = "\ufeff" + raw
    return raw, (None if odd else meant), odd


def read_back(path):
    """Every cell or paragraph text of a written file, and its numbers, by an outside reader.
    openpyxl 3.1.5 drops every "x005F_" of a shared string before decoding it, so that a
    literal _x005F_ comes out "_" from any correct file; the shared strings are also decoded
    here the way ECMA-376 (22.9.2.19) says, with zipfile and ElementTree, and a value that
    holds x005F_ is looked for there."""
    if path.suffix != ".xlsx":
        return docx_texts(path)
    cells = xlsx_values(path)
    with zipfile.ZipFile(path) as z:
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
            for si in root.iter(ns + "si"):
                stored = "".join(t.text or "" for t in si.iter(ns + "t"))
                cells.append(XSTRING(re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), stored)))
    return cells


class XSTRING(str):
    """A shared string decoded by the format's rule, consulted only where openpyxl is wrong."""


def reads_equal(cells, kind, value):
    if kind == "string":
        if "x005f_" not in value.lower():
            cells = [c for c in cells if not isinstance(c, XSTRING)]
        joined = "\n".join(str(c) for c in cells if isinstance(c, str))
        return value in cells or value in joined
    try:
        want = Decimal(value)
    except InvalidOperation:
        return False
    for c in cells:
        if isinstance(c, bool):
            continue
        if isinstance(c, (int, float)):
            if Decimal(repr(c)) == want or Decimal(c) == want:
                return True
        elif isinstance(c, str):
            try:
                if Decimal(c.strip()) == want and c.strip() != "":
                    return True
            except InvalidOperation:
                pass
    return False


def judge(env, case, where):
    """Runs one case; returns None when it ended as it must, else what went wrong."""
    src = where / "data.json"
    src.write_bytes(case["raw"].encode("utf-8", errors="surrogatepass"))
    out = where / "out"
    out.mkdir()
    p = env.run("render", case["template"], str(src), "--format", case["format"], "--out", str(out), timeout=120)
    written = sorted(out.iterdir())
    if p.returncode == 65:
        if written:
            return f"refused but wrote {[w.name for w in written]}"
        message = p.stderr
        named = re.search(r"\[[a-z-]+\]", message) or re.search(r"第 \d+ 行", message) or "行" in message
        return None if named else f"refusal names no rule or place: {message[:300]}"
    if p.returncode != 0:
        return f"exit {p.returncode}: {p.stderr[:300]}"
    if len(written) != 1:
        return f"exit 0 with {len(written)} files"
    if case["meant"] is None:
        return f"accepted input that must be refused ({case['odd']})"
    try:
        cells = read_back(written[0])
    except Exception as e:  # noqa: BLE001 - any reader failure is the finding
        return f"the reader refuses the file: {type(e).__name__}: {e}"
    changed = [k for k, (kind, v) in case["meant"].items()
               if not reads_equal(cells, kind, v) and not (kind == "string" and v.strip() == "")]
    if changed:
        return f"values changed or lost: {changed[:5]}"
    case["written"] = str(written[0])
    return None


def save_regression(case, problem, folder):
    folder.mkdir(exist_ok=True)
    kept = {k: case[k] for k in ("kind", "template", "format", "raw", "meant", "odd") if k in case}
    kept["problem"] = problem
    name = hashlib.sha256(json.dumps(kept, sort_keys=True, ensure_ascii=True).encode()).hexdigest()[:12]
    (folder / f"{name}.json").write_text(json.dumps(kept, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")


def sample_through_outside_tools(env, paths):
    """A sample of the written files: LibreOffice converts each, openxml-audit (where
    installed) finds nothing to report."""
    if not paths:
        return
    out = env.fresh_dir("lo-sample")
    p, _ = env.convert("pdf", out, [str(x) for x in paths])
    pdfs = sorted(out.glob("*.pdf"))
    check(f"LibreOffice converts the {len(paths)} sampled files", p.returncode == 0 and len(pdfs) == len(paths),
          p.stderr[-300:])
    audit = shutil.which("openxml-audit")
    if audit:
        # One run over a folder of copies (it takes one path; its start is most of the time).
        folder = env.fresh_dir("audit")
        for i, x in enumerate(paths):
            shutil.copy(x, folder / f"{i}{Path(x).suffix}")
        a = subprocess.run([audit, "--policy", "strict", "--max-errors", "0", "--output", "json", "--recursive", str(folder)],
                           capture_output=True, text=True, timeout=600)
        try:
            bad = [f"{Path(r['file']).name}: {[e.get('description') for e in r.get('errors', [])][:2]}"
                   for r in json.loads(a.stdout) if not r.get("valid")]
        except (ValueError, KeyError, TypeError) as e:
            bad = [f"no JSON from openxml-audit: {e}: {a.stdout[:200]} {a.stderr[:200]}"]
        check(f"openxml-audit (strict) finds nothing in the {len(paths)} sampled files", not bad and a.returncode == 0,
              "\n".join(bad[:3]))


def notice_case(rng, base):
    """A notice built on an example, its title, recipients and body made of hostile text;
    sometimes with a misspelt key, which must be refused."""
    notice = json.loads(json.dumps(base))
    meant = []
    title = text(rng, 60).replace("\n", "")
    notice["title"] = [title]
    meant.append(title)
    recipient = text(rng, 30).replace("\n", "") or "各单位"
    notice["recipients"] = [recipient]
    meant.append(recipient)
    blocks = []
    for _ in range(rng.randint(1, 4)):
        t = text(rng, 200).replace("\n", "")
        if rng.random() < 0.4:
            h = text(rng, 20).replace("\n", "")
            blocks.append({"heading": h, "text": t})
            meant.append(h)
        else:
            blocks.append({"text": t})
        meant.append(t)
    notice["body"] = blocks
    odd = None
    if rng.random() < 0.1:
        notice[rng.choice(["nte", "copyto", "titel"])] = "拼错的键"
        odd = "unknown key"
    return json.dumps(notice, ensure_ascii=False), (None if odd else meant), odd


def judge_notice(env, case, where):
    src = where / "notice.json"
    src.write_text(case["raw"], encoding="utf-8")
    out = where / "out"
    out.mkdir()
    p = env.notice(src, out)
    written = sorted(out.iterdir())
    if p.returncode == 65:
        if written:
            return f"refused but wrote {[w.name for w in written]}"
        return None if re.search(r"\[[a-z-]+\]", p.stderr) else f"refusal names no rule: {p.stderr[:300]}"
    if p.returncode != 0:
        return f"exit {p.returncode}: {p.stderr[:300]}"
    if case["meant"] is None:
        return f"accepted input that must be refused ({case['odd']})"
    if len(written) != 1:
        return f"exit 0 with {len(written)} files"
    try:
        texts = docx_texts(written[0])
    except Exception as e:  # noqa: BLE001
        return f"python-docx refuses the packet: {type(e).__name__}: {e}"
    joined = "\n".join(texts).replace("\n", "")
    lost = [t for t in case["meant"] if t.strip() and t not in joined]
    return f"text changed or lost: {[t[:20] for t in lost[:3]]}" if lost else None


DRAFTS = sorted(Path("examples/drafts").glob("*.txt"))
DRAFT_LINES = ["附件：", "附件：1.活动安排", "2.另一个附件", "附件2", "附件", "一、", "（一）", "1.", "（1）", "一、时间",
               "2020年13月45日", "2020年7月22日", "二〇二〇年七月二十二日", "2020.7.22", "郑科〔2020〕2号", "郑科[2020]02号",
               "郑科（2020）第2号", "关于举办活动的通知", "各有关单位：", "特此通知。", "抄送：市委办、市政府办", "某某局办公室 2020年7月22日印发",
               "（此件公开发布）", "征求意见稿", "内部资料", "— 3 —", "签发人：张三", "某某局文件", "000123", "秘密★1年", "特急", "联系人：张三 电话：0371-12345678"]

# What a draft typed by hand holds that extracted text does not: figures in full width,
# dates in Chinese numerals with one-figure months and days, heading numbers with other marks.
CHINESE_FIGURES = "〇一二三四五六七八九"


def chinese_number(n):
    """7 → 七, 12 → 十二, 22 → 二十二: as a date writes its month and day."""
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else CHINESE_FIGURES[tens]) + ("十" if tens else "") + (CHINESE_FIGURES[ones] if ones else "")


def typed_by_hand(rng, line):
    """`line` as someone typing it might have: one of the ways drafts differ from the standard."""
    way = rng.randrange(4)
    if way == 0:
        return line.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if way == 1:
        year, month, day = rng.randint(1990, 2035), rng.randint(1, 12), rng.randint(1, 31)
        return "".join(CHINESE_FIGURES[int(d)] for d in str(year)) + f"年{chinese_number(month)}月{chinese_number(day)}日"
    if way == 2:
        return line.replace("、", rng.choice([".", "．", "，"]), 1)
    return line.replace("（", "(", 1).replace("）", rng.choice([")", "）、", ")."]), 1)


# What a pasted or converted draft may carry that no XML file can: NUL, other C0 controls,
# U+FFFE/U+FFFF; and the page and line breaks of extracted text (form feed, CR, U+2028).
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\r", "\r\n", "\ufffe", "\uffff", "\u2028", "\x85"]


def draft_case(rng):
    """A seed draft cut and salted; its text."""
    lines = rng.choice(DRAFTS).read_text(encoding="utf-8").splitlines()
    for _ in range(rng.randint(1, 10)):
        op = rng.randrange(9)
        i = rng.randrange(len(lines) + 1)
        if op == 0 and lines:
            del lines[min(i, len(lines) - 1)]
        elif op == 1:
            lines.insert(i, rng.choice(DRAFT_LINES))
        elif op == 2:
            lines.insert(i, text(rng, 80))
        elif op == 3 and lines:
            j = min(i, len(lines) - 1)
            k = rng.randrange(len(lines[j]) + 1)
            lines[j] = lines[j][:k] + rng.choice([piece(rng), rng.choice(DRAFT_LINES), rng.choice(CONTROLS)]) + lines[j][k:]
        elif op == 4 and len(lines) > 1:
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
        elif op == 5:
            lines = lines[:max(1, i)]
        elif op == 6:
            lines.insert(i, rng.choice(["科", "𠀀", "a", "，"]) * rng.choice([28, 29, 300, 3000]))
        elif op == 7 and lines:
            j = min(i, len(lines) - 1)
            lines.insert(j, lines[j])
        elif op == 8 and lines:
            j = min(i, len(lines) - 1)
            lines[j] = typed_by_hand(rng, lines[j])
    return "\n".join(lines)


def notice_texts(notice):
    """Every text the imported notice holds that its DOCX must print."""
    out = list(notice.get("title") or [])
    def walk(blocks):
        for b in blocks or []:
            out.extend(t for t in (b.get("heading"), b.get("text")) if t)
            out.extend(b.get("contact") or [])
            for row in b.get("table") or []:
                out.extend(c for c in row if c)
            walk(b.get("body"))
    walk(notice.get("body"))
    for a in notice.get("attachments") or []:
        out.append(a["name"])
        walk(a.get("body"))
    return [t for t in out if t.strip()]


def judge_draft(env, case, where):
    src = where / "draft.txt"
    src.write_bytes(case["raw"].encode("utf-8", errors="surrogatepass"))
    imported = where / "notice.json"
    p = env.run("notice", "import", str(src), "--out", str(imported), "--date", "2020-07-17", timeout=120)
    case["warned"] = p.stderr
    if p.returncode == 65:
        if imported.exists():
            return "refused but wrote the notice"
        return None if "草稿中找不到" in p.stderr and "未生成公文" in p.stderr else f"refusal says nothing missing: {p.stderr[:300]}"
    if p.returncode != 0:
        return f"import exit {p.returncode}: {p.stderr[:300]}"
    try:
        notice = json.loads(imported.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return f"the imported notice is not JSON: {e}"
    out = where / "out"
    out.mkdir()
    p = env.notice(imported, out)
    # What the import kept as the draft holds it and warned of — a form's data against its
    # rules, a 发文字号 it could not mend — the layout may refuse, naming those fields only.
    warned = [pattern for said, pattern in (("不合表格的要求", r"attachments\[\d+\]\.form\.data\..+"),
                                             ("未能自动更正", r"documentNumber")) if said in case.get("warned", "")]
    if p.returncode == 65 and warned:
        named = re.findall(r"^  - (\S+?)（", p.stderr, re.M)
        ok = named and all(any(re.fullmatch(w, n) for w in warned) for n in named) and not list(out.iterdir())
        return None if ok else f"refused beyond what the import warned of: {p.stderr[:300]}"
    if p.returncode != 0:
        return f"the imported notice does not lay out: exit {p.returncode}: {p.stderr[:300]}"
    written = sorted(out.iterdir())
    if len(written) != 1:
        return f"laid out into {len(written)} files"
    try:
        texts = docx_texts(written[0])
    except Exception as e:  # noqa: BLE001
        return f"python-docx refuses the packet: {type(e).__name__}: {e}"
    joined = "".join("".join(texts).split())
    lost = [t for t in notice_texts(notice) if "".join(t.split()) not in joined]
    return f"text of the imported notice lost in the DOCX: {[t[:20] for t in lost[:3]]}" if lost else None


def checks(env, args):
    templates = {t["id"]: t for t in env.templates()}
    folder = Path(args.regressions) if args.regressions else REGRESSIONS
    replayed = sorted(folder.glob("*.json")) if folder.exists() else []
    for path in replayed:
        case = json.loads(path.read_text(encoding="utf-8"))
        judged = {"notice": judge_notice, "draft": judge_draft}.get(case.get("kind"), judge)
        problem = judged(env, case, env.fresh_dir("regression"))
        check(f"regression {path.stem} ({case['problem'][:60]})", problem is None, problem or "")
    rng = random.Random(args.seed)
    outcomes = {"refused": 0, "written": 0, "failed": 0}
    sample = []

    def failed(case, problem, name):
        """A case that ended as it must not: counted, kept as a regression case, reported."""
        outcomes["failed"] += 1
        save_regression(case, problem, folder)
        check(name, False, problem)

    for i in range(args.cases):
        tid = rng.choice(sorted(templates))
        raw, meant, odd = form_case(rng, templates[tid])
        case = {"template": tid, "format": rng.choice(["xlsx", "docx"]), "raw": raw, "meant": meant, "odd": odd}
        problem = judge(env, case, env.fresh_dir(f"case{i}"))
        if problem:
            failed(case, problem, f"case {i} ({tid} {case['format']}{', ' + odd if odd else ''})")
        elif "written" in case:
            outcomes["written"] += 1
            if len(sample) < 12 and rng.random() < 0.2:
                sample.append(case["written"])
        else:
            outcomes["refused"] += 1
    base = json.loads(Path("examples/notices/002.json").read_text(encoding="utf-8"))
    for i in range(args.cases // 10):
        raw, meant, odd = notice_case(rng, base)
        case = {"kind": "notice", "raw": raw, "meant": meant, "odd": odd}
        problem = judge_notice(env, case, env.fresh_dir(f"notice{i}"))
        if problem:
            failed(case, problem, f"notice case {i}{' (' + odd + ')' if odd else ''}")
        else:
            outcomes["refused" if meant is None else "written"] += 1
    for i in range(args.cases // 3):
        case = {"kind": "draft", "raw": draft_case(rng)}
        problem = judge_draft(env, case, env.fresh_dir(f"draft{i}"))
        if problem:
            failed(case, problem, f"draft case {i}")
        else:
            outcomes["drafts"] = outcomes.get("drafts", 0) + 1
    check(f"{args.cases} generated form cases, {args.cases // 10} notices and {args.cases // 3} drafts end refused "
          "or read back equal", outcomes["failed"] == 0, str(outcomes))
    sample_through_outside_tools(env, sample)
    print(f"fuzz: seed {args.seed}, {args.cases} cases, {len(replayed)} regressions replayed: "
          f"{outcomes['refused']} refused, {outcomes['written']} written and read back, {len(sample)} sampled "
          f"through LibreOffice, {outcomes.get('drafts', 0)} drafts imported or refused as they must, {outcomes['failed']} failed")


def main():
    ap = arguments(__doc__, keep="copy every case and its output to this directory")
    ap.add_argument("--seed", type=int, default=2026, help="the generator's seed (default 2026)")
    ap.add_argument("--cases", type=int, default=300, help="how many generated cases (default 300)")
    ap.add_argument("--regressions", help="keep and replay failing cases here instead of fuzz_regressions/")
    return run_checks(ap, "gongwen-fuzz-", Env, checks)


if __name__ == "__main__":
    import sys
    sys.exit(main())
