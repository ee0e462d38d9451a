#!/usr/bin/env python3
"""Independent check that `gongwen collect` never takes a broken returned file for a good one.

The hostile files start as forms the binary renders; their XML and their zip are then edited
here with Python's zipfile and byte surgery, by a generator seeded with SEED and bounded (a
fixed number of cases, a few seconds in all). Each kind of case is made at a field's cell
chosen by the seeded generator, and again at the fixed place of every case that ever failed
(REGRESSIONS). What the binary says is read with openpyxl and compared with what Python
computes.

Checks:
 1. Cells that cannot be read, each in a statistics form: a cached formula error of every
    kind (#DIV/0!, #N/A, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!), a formula without its cached
    result (no <v>, an empty one, a boolean formula), a shared-string index out of range,
    negative or not a number, the shared strings part missing, a boolean and a date in a
    number field, a number cell holding text, an unknown cell type, malformed and
    out-of-range references, a cell written twice, a malformed row number.
 2. Zip oddities: duplicate member names, a directory named like the sheet, absolute and ../
    member names, a relationship pointing out of the package, an encrypted member, a stored
    member whose declared size lies, a truncated central directory.
 3. Cells read correctly: a rich-text inline string with a phonetic guide (its runs joined),
    a string formula's cached result, a date-formatted number in a text field (read as the
    date, with a note naming the cell).
 Each case runs in one `gongwen collect` with good files: exit 65, within the time bound; every
 bad file named in the output with its reason (and its cell, key and label where there is
 one), listed in the 未收录 sheet of summary.xlsx, absent from records.jsonl; every good file
 and every case read correctly in records.jsonl with its data, and the 合计 row of 汇总 equal
 to the Decimal sums of the collected files computed here.

Usage (from the repo root):
    python3 Tests/independent/check_returned_files.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import datetime
import json
import random
import re
import shutil
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl

from check_collect import grid_inputs, norm, plain, put, random_statistics, right_of
from harness import GongwenEnv, arguments, check, load_example, load_template, lookup, run_checks, squash

SEED = 10  # issue 10
STATISTICS, KEY_PROJECT = "statistics-2022", "key-project-2020"
SHEET = "xl/worksheets/sheet1.xml"
ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
FORMULAS = ["1/0", "NA()", "VLOOKUP(1,A1:A2,3)", "SUM(C3:C4)", "A1+\"x\"", "SQRT(-1)", "A1:A2 B1:B2"]
TIME_LIMIT = 20  # seconds for one collect run: a hang is a failure, not a wait


class Env(GongwenEnv):
    def render_path(self, tid, data, fmt, out):
        p, _, path = self.render(tid, data, fmt, out)
        if p.returncode != 0 or path is None:
            raise RuntimeError(f"render {tid} {fmt} failed: exit {p.returncode}, {p.stderr}")
        return path

    def collect(self, tid, folder):
        """Runs collect on a folder; returns (process or None on a hang, seconds, out dir)."""
        out = self.fresh_dir(f"collect-{tid}")
        started = time.time()
        try:
            p = subprocess.run([self.gongwen, "collect", tid, str(folder), "--out", str(out)],
                               capture_output=True, text=True, timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            p = None
        return p, time.time() - started, out


# ---------------------------------------------------------------- editing a package

def rewrite(src, dest, parts=None, add=(), rename=None):
    """Copies the zip src to dest: each part in `parts` through its function (bytes → bytes,
    None leaves it out), members renamed by `rename`, then the (name, bytes, compression)
    of `add` appended."""
    parts, rename = parts or {}, rename or {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name, which is the point
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename in parts:
                    data = parts[item.filename](data)
                    if data is None:
                        continue
                zout.writestr(rename.get(item.filename, item.filename), data)
            for name, data, compression in add:
                info = zipfile.ZipInfo(name)
                info.compress_type = compression
                if name.endswith("/"):
                    info.external_attr = 0o40755 << 16 | 0x10
                zout.writestr(info, data)


def replace_cell(sheet, ref, cell):
    """The sheet XML (bytes) with the <c> at `ref` replaced by `cell` (text)."""
    text = sheet.decode("utf-8")
    pattern = re.compile(r'<c r="%s"(?:\s[^>]*?)?(?:/>|>.*?</c>)' % re.escape(ref), re.S)
    new, count = pattern.subn(lambda m: cell, text, count=1)
    if count != 1:
        raise RuntimeError(f"no cell {ref} in the sheet")
    return new.encode("utf-8")


def add_style(styles, fmt_id, code=None):
    """styles.xml (bytes) with one more cellXfs entry of number format fmt_id (and its numFmt
    when code is given); returns (styles, the new style's index)."""
    text = styles.decode("utf-8")
    if code is not None:
        fmt = f'<numFmt numFmtId="{fmt_id}" formatCode="{code}"/>'
        text = text.replace("</numFmts>", fmt + "</numFmts>") if "</numFmts>" in text else \
            text.replace("<fonts", f'<numFmts count="1">{fmt}</numFmts><fonts', 1)
    head, rest = text.split("<cellXfs", 1)
    body, tail = rest.split("</cellXfs>", 1)
    index = body.count("<xf ")
    body += f'<xf numFmtId="{fmt_id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    return (head + "<cellXfs" + body + "</cellXfs>" + tail).encode("utf-8"), index


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def patch_member(path, name, local=None, central=None):
    """Overwrites fields of `name`'s local header and central directory entry in the zip at
    path: dicts of byte offset (within the header) → (struct format, value)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    for offset, (fmt, value) in (local or {}).items():
        struct.pack_into(fmt, data, info.header_offset + offset, value)
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if bytes(data[entry + 46:entry + 46 + length]) == name.encode("utf-8"):
            for offset, (fmt, value) in (central or {}).items():
                struct.pack_into(fmt, data, entry + offset, value)
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------- the cases

class Case:
    """One returned file: how it is made from a good one, and what collect must say of it —
    refused naming `words` (the cell first, where there is one), or collected with `data`
    (and a note naming `note`)."""

    def __init__(self, kind, make, words=None, data=None, note=None):
        self.kind, self.make, self.words, self.data, self.note = kind, make, words, data, note
        self.name = None

    @property
    def refused(self):
        return self.words is not None


def sheet_case(kind, ref, cell, words, styles=None, **more):
    """A case whose sheet has `cell` at `ref` (cell may use {style}, the index of a style
    added with number format `styles` = (id, code))."""
    def make(good, dest):
        parts = {}
        style = [0]
        if styles:
            def restyle(data):
                data, style[0] = add_style(data, *styles)
                return data
            parts["xl/styles.xml"] = restyle
        # rewrite_ordered edits xl/styles.xml before xl/worksheets/sheet1.xml, so the
        # sheet's edit finds the new style's index
        parts[SHEET] = lambda data: replace_cell(data, ref, cell.format(style=style[0]))
        rewrite_ordered(good, dest, parts)
    return Case(kind, make, words, **more)


def rewrite_ordered(src, dest, parts):
    """rewrite, with each edit run in the order of its part's name (styles before sheets)."""
    with zipfile.ZipFile(src) as z:
        done = {name: edit(z.read(name)) for name, edit in sorted(parts.items())}
    rewrite(src, dest, {name: (lambda data, name=name: done[name]) for name in done})


def field_words(ref, key, labels, *reason):
    return [ref, key, labels[key], *reason]


def cell_cases(place, labels):
    """The kinds of unreadable cell, each a function of (key, parameter) → Case, at the
    field `key` whose cell is place[key]."""
    def formula_error(key, value):
        ref = place[key]
        formula = FORMULAS[ERRORS.index(value)]
        return sheet_case(f"formula-error-{ERRORS.index(value)}", ref, f'<c r="{ref}" t="e"><f>{esc(formula)}</f><v>{esc(value)}</v></c>',
                          field_words(ref, key, labels, value, "formula error"))

    def no_cache(key, content):
        ref = place[key]
        attrs = ' t="b"' if "&gt;" in content else ""
        return sheet_case("no-cached-value", ref, f'<c r="{ref}"{attrs}>{content}</c>',
                          field_words(ref, key, labels, "cached value"))

    def string_index(key, index):
        ref = place[key]
        reason = "shared-string index out of range" if index.isdigit() else "bad shared-string index"
        return sheet_case("shared-string-index", ref, f'<c r="{ref}" t="s"><v>{index}</v></c>',
                          field_words(ref, key, labels, index, reason))

    def boolean(key, value):
        ref = place[key]
        return sheet_case("boolean-in-number", ref, f'<c r="{ref}" t="b"><v>{value}</v></c>',
                          field_words(ref, key, labels, "TRUE" if value == "1" else "FALSE", "boolean in a number field"))

    def number_text(key, text):
        ref = place[key]
        return sheet_case("number-cell-text", ref, f'<c r="{ref}"><v>{esc(text)}</v></c>',
                          field_words(ref, key, labels, text, "number cell without a number"))

    def unknown_type(key, type_):
        ref = place[key]
        return sheet_case("unknown-type", ref, f'<c r="{ref}" t="{type_}"><v>1</v></c>',
                          field_words(ref, key, labels, type_, "unknown cell type"))

    def bad_reference(key, ref_text):
        ref = place[key]
        return sheet_case("bad-reference", ref, f'<c r="{ref_text}"><v>7</v></c>', [ref_text, "bad cell reference"])

    def duplicate(key, value):
        ref = place[key]
        return sheet_case("duplicate-cell", ref, f'<c r="{ref}"><v>1</v></c><c r="{ref}"><v>{value}</v></c>',
                          field_words(ref, key, labels, "duplicate cell"))

    def date_in_number(key, serial):
        ref = place[key]
        return sheet_case("date-in-number", ref, f'<c r="{ref}" s="{{style}}"><v>{serial}</v></c>',
                          field_words(ref, key, labels, "date in a number field"), styles=(14, None))

    return {"formula-error": formula_error, "no-cache": no_cache, "string-index": string_index, "boolean": boolean,
            "number-text": number_text, "unknown-type": unknown_type, "bad-reference": bad_reference,
            "duplicate": duplicate, "date-in-number": date_in_number}


# Every case that ever failed, at its fixed place: the three of the issue first; then a
# negative shared-string index, which crashed the whole run (an array index out of range),
# and a reference naming row 0, whose value went to the next cell of the row.
REGRESSIONS = [
    ("formula-error", "activities.held", "#DIV/0!"),
    ("no-cache", "funds.central", "<f>SUM(C3:C4)</f>"),
    ("string-index", "staff.fullTime", "99999"),
    ("string-index", "activities.held", "-1"),
    ("bad-reference", "activities.held", "C0"),
]


def random_cell_cases(rng, kinds, numeric):
    """The generated cases: every formula error, then each other kind with a parameter and a
    field drawn from the seeded generator."""
    cases = [kinds["formula-error"](rng.choice(numeric), value) for value in ERRORS]
    params = {
        "no-cache": ["<f>SUM(C3:C4)</f>", "<f>SUM(C3:C4)</f><v></v>", "<f>C3&gt;0</f>"],
        "string-index": [str(rng.randrange(1000, 10 ** 6)), "-1", "x"],
        "boolean": ["1", "0"],
        "number-text": ["abc", "inf", "1e400", "0x10", "1,5"],
        "unknown-type": ["x", "inlinestr"],
        "bad-reference": ["C0", "5C", "XFE3", "C1048577", "C+3"],
        "duplicate": [str(rng.randrange(100, 1000))],
        "date-in-number": [str(rng.randrange(40000, 46000))],
    }
    for kind, values in params.items():
        for value in values:
            cases.append(kinds[kind](rng.choice(numeric), value))
    return cases


def package_cases(rng):
    """Cases of the file as a whole: parts missing, zip oddities."""
    def drop_shared(good, dest):
        rewrite(good, dest, {"xl/sharedStrings.xml": lambda d: None})

    def duplicate_member(good, dest):
        with zipfile.ZipFile(good) as z:
            sheet = z.read(SHEET)
        rewrite(good, dest, add=[(SHEET, sheet.replace(b"<v>", b"<v>9", 1), zipfile.ZIP_DEFLATED)])

    def directory_as_sheet(good, dest):
        rewrite(good, dest, {SHEET: lambda d: None}, add=[(SHEET + "/", b"", zipfile.ZIP_STORED)])

    def empty_directory_named_sheet(good, dest):
        rewrite(good, dest, {SHEET: lambda d: None})
        with zipfile.ZipFile(dest, "a") as z:
            info = zipfile.ZipInfo(SHEET)
            info.external_attr = 0o40755 << 16 | 0x10
            z.writestr(info, b"")

    def absolute_name(good, dest):
        rewrite(good, dest, rename={SHEET: "/" + SHEET})

    def parent_name(good, dest):
        rewrite(good, dest, rename={SHEET: "../" + SHEET})

    def rels_escape(good, dest):
        rewrite(good, dest, {"xl/_rels/workbook.xml.rels":
                             lambda d: d.replace(b'Target="worksheets/sheet1.xml"', b'Target="../../../../etc/passwd"')})

    def encrypted(good, dest):
        rewrite(good, dest)
        patch_member(dest, SHEET, local={6: ("<H", 0x0001)}, central={8: ("<H", 0x0001)})

    def size_lies(good, dest):
        with zipfile.ZipFile(good) as z:
            sheet = z.read(SHEET)
        rewrite(good, dest, {SHEET: lambda d: None}, add=[(SHEET, sheet, zipfile.ZIP_STORED)])
        lie = len(sheet) - rng.randrange(10, 200)
        patch_member(dest, SHEET, local={18: ("<I", lie), 22: ("<I", lie)}, central={20: ("<I", lie), 24: ("<I", lie)})

    def truncated_directory(good, dest):
        data = Path(good).read_bytes()
        start = data.rfind(b"PK\x01\x02", 0, len(data) - 22)
        dest.write_bytes(data[:start + rng.randrange(10, 40)])

    return [
        Case("shared-strings-missing", drop_shared, ["A2", "shared strings missing"]),
        Case("zip-duplicate-member", duplicate_member, ["duplicate member names"]),
        Case("zip-directory-as-sheet", directory_as_sheet, ["缺少 xl/worksheets/sheet1.xml"]),
        # read as an empty sheet, and so refused only for the fields it lacked, until an
        # empty part was refused as not XML
        Case("zip-empty-directory-named-sheet", empty_directory_named_sheet, [SHEET, "empty part"]),
        # collected as the half of the sheet before the cut, until a part had to close its
        # elements: the stream parser takes the end of the data for the end of the document
        Case("sheet-xml-truncated", lambda good, dest: rewrite(good, dest, {SHEET: lambda d: d[:len(d) * 2 // 3]}),
             [SHEET, "truncated XML"]),
        Case("sheet-xml-trailing-garbage", lambda good, dest: rewrite(good, dest, {SHEET: lambda d: d + b"<c r=\"C3\"><v>9</v></c>"}),
             [SHEET, "不是格式良好的 XML"]),
        Case("zip-absolute-name", absolute_name, ["缺少 xl/worksheets/sheet1.xml"]),
        Case("zip-parent-name", parent_name, ["缺少 xl/worksheets/sheet1.xml"]),
        Case("zip-rels-escape", rels_escape, ["etc/passwd"]),
        Case("zip-encrypted-member", encrypted, ["encrypted"]),
        Case("zip-stored-size-lies", size_lies, [SHEET]),
        Case("zip-truncated-central-directory", truncated_directory, ["不是有效的 XLSX/DOCX"]),
        Case("row-number-not-a-number", lambda good, dest: rewrite(good, dest, {SHEET: lambda d: d.replace(b'<row r="4"', b'<row r="four"', 1)}),
             ["four", "bad row number"]),
    ]


def readable_cases(rng, place, good_data):
    """Statistics cases that must be collected: (case, the data it must give)."""
    reporter = f"第{rng.randrange(100, 999)}号县科学技术局"
    inline = (f'<c r="A2" t="inlineStr"><is><r><t>部门/地方（盖章）：</t></r><r><rPr><b/></rPr><t>{reporter[:3]}</t></r>'
              f'<r><t>{reporter[3:]}</t></r><rPh sb="0" eb="2"><t>pinyin</t></rPh></is></c>')
    rich_data = {**json.loads(json.dumps(good_data, default=str)), "reporter": reporter}
    key = rng.choice(sorted(place))
    value = rng.randrange(0, 10000)
    formula = f'<c r="{place[key]}" t="str"><f>TEXT({value},"0")</f><v>{value}</v></c>'
    str_data = json.loads(json.dumps(good_data, default=str))
    str_data["reporter"] = "字符串公式县科学技术局"
    put(str_data, key, value)
    renamed = '<c r="A2" t="inlineStr"><is><t>部门/地方（盖章）：字符串公式县科学技术局</t></is></c>'
    return [
        Case("rich-inline-string", lambda good, dest: rewrite(good, dest, {SHEET: lambda d: replace_cell(d, "A2", inline)}),
             data=rich_data),
        Case("string-formula-result", lambda good, dest: rewrite(good, dest, {
            SHEET: lambda d: replace_cell(replace_cell(d, place[key], formula), "A2", renamed)}), data=str_data),
    ]


# ---------------------------------------------------------------- running and checking

def cell_places(path, tpl):
    """field key → A1 reference of its input cell, read with openpyxl from a rendered form."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {squash(c.value): c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    return {key: right_of(ws, cells[squash(label)]).coordinate for label, key in grid_inputs(tpl)}


def output_line(p, name):
    return next((ln for ln in (p.stdout + p.stderr).splitlines() if name in ln), "")


def check_run(env, tid, folder, cases, goods):
    """One collect over the folder; checks every case and good file, returns the records and
    summary workbook (None when the run failed)."""
    p, seconds, out = env.collect(tid, folder)
    if not check(f"[{tid}] collect ends within {TIME_LIMIT} s (no hang)", p is not None, f"{seconds:.1f}s"):
        return None, None
    crash = next((ln for ln in p.stderr.splitlines() if "Fatal error" in ln or "crashed" in ln), "")
    check(f"[{tid}] collect with refused files: exit 65", p.returncode == 65, f"exit {p.returncode}: {crash or p.stderr[-300:]}")
    check(f"[{tid}] no crash", not crash and p.returncode >= 0, crash)
    records = {}
    if (out / "records.jsonl").is_file():
        for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line, parse_float=Decimal, parse_int=Decimal)
            records[Path(r["file"]).name] = r["data"]
    try:
        wb = openpyxl.load_workbook(out / "summary.xlsx")
    except Exception as e:
        check(f"[{tid}] summary.xlsx opens in openpyxl", False, f"{type(e).__name__}: {e}")
        return records, None
    failed = [r for r in wb["未收录"].iter_rows(values_only=True)] if "未收录" in wb.sheetnames else []
    for case in cases:
        line = output_line(p, case.name)
        if case.refused:
            listed = [" ".join(str(c) for c in r if c is not None) for r in failed if any(str(c).endswith(case.name) for c in r if c)]
            missing = [w for w in case.words if w not in line]
            check(f"[{tid}] {case.name}: refused, naming {case.words}",
                  line.startswith("已拒绝（refused）") and not missing and case.name not in records,
                  f"missing {missing} in line {line!r}" + (f"; collected as {records.get(case.name)}" if case.name in records else ""))
            check(f"[{tid}] {case.name}: in 未收录 with its reason",
                  listed and all(w in " ".join(listed) for w in case.words[:1]), f"rows {listed}")
        else:
            got = records.get(case.name)
            check(f"[{tid}] {case.name}: collected as the data it shows",
                  got is not None and norm(got) == norm(case.data), f"got {got!r}\nexpected {case.data!r}\nline {line!r}")
            if case.note:
                check(f"[{tid}] {case.name}: a note names {case.note}", all(w in line for w in case.note), f"line {line!r}")
    for name, data in goods.items():
        check(f"[{tid}] {name}: collected beside the bad files", norm(records.get(name)) == norm(data),
              f"{records.get(name)!r}\n{output_line(p, name)!r}")
    return records, wb


def check_totals(tpl, wb, collected):
    """The 合计 row of 汇总 against the Decimal sums of the collected files' data."""
    ws = wb["汇总"] if "汇总" in wb.sheetnames else None
    if not check("[totals] summary has a sheet 汇总", ws is not None, str(wb.sheetnames)):
        return
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    labels = {f["key"]: f["label"] for f in tpl["fields"]}
    keys = [key for _, key in grid_inputs(tpl)]
    column = {k: next((i for r in rows[:6] for i, v in enumerate(r) if v == labels[k]), None) for k in keys}
    total = next((r for r in rows if "合计" in r), None)
    if not check("[totals] 汇总 has a 合计 row and a column per field", total is not None and None not in column.values(),
                 f"{column}"):
        return
    sums = {}
    for data in collected:
        for k in keys:
            v = lookup(data, k)
            if v is not None:
                sums[k] = sums.get(k, Decimal(0)) + Decimal(str(v))
    bad = [(k, total[column[k]], sums.get(k)) for k in keys
           if (Decimal(str(total[column[k]])) if total[column[k]] is not None else None) != sums.get(k)]
    check(f"[totals] 合计 equals the Decimal sums of the {len(collected)} collected files", not bad, str(bad[:5]))


def check_statistics(env, rng):
    tpl = load_template(STATISTICS)
    src = env.fresh_dir("good-statistics")
    datas = [random_statistics(rng, i) for i in range(4)]
    paths = [env.render_path(STATISTICS, plain(d), "xlsx", src) for d in datas]
    place = cell_places(paths[0], tpl)
    labels = {f["key"]: f["label"] for f in tpl["fields"]}
    numeric = [k for k in sorted(place) if k != "reporter"]
    kinds = cell_cases(place, labels)
    cases = [kinds[kind](key, value) for kind, key, value in REGRESSIONS]
    cases += random_cell_cases(rng, kinds, numeric) + package_cases(rng)
    readable = readable_cases(rng, place, plain(datas[0]))
    folder = env.fresh_dir("returned-statistics")
    goods = {}
    for i, (path, data) in enumerate(zip(paths, datas)):
        name = f"{i + 1:02d}-good.xlsx"
        shutil.copy(path, folder / name)
        goods[name] = data
    for i, case in enumerate(cases + readable):
        case.name = f"{i + 10:02d}-{case.kind}.xlsx"
        case.make(paths[0], folder / case.name)
    _, wb = check_run(env, STATISTICS, folder, cases + readable, goods)
    check("[statistics] bounded: at most 60 cases", len(cases + readable) <= 60, str(len(cases + readable)))
    if wb is not None:
        check_totals(tpl, wb, list(goods.values()) + [case.data for case in readable])


def check_key_project(env, rng):
    """A text field: a date-formatted number read as the date it shows, with a note."""
    tpl = load_template(KEY_PROJECT)
    src = env.fresh_dir("good-key-project")
    data = load_example("key-project")
    good = env.render_path(KEY_PROJECT, data, "xlsx", src)
    place = cell_places(good, tpl)
    labels = {f["key"]: f["label"] for f in tpl["fields"]}
    days = rng.randrange(40000, 46000)
    date = (datetime.date(1899, 12, 30) + datetime.timedelta(days=days)).isoformat()  # Python's calendar, not ours
    ref = place["period"]
    case = sheet_case("date-in-text", ref, f'<c r="{ref}" s="{{style}}"><v>{days}</v></c>', None,
                      styles=(164, 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;'),
                      data={**data, "period": date}, note=[ref, "period", labels["period"], date, str(days)])
    bad = sheet_case("boolean-in-count", place["participants"], f'<c r="{place["participants"]}" t="b"><v>1</v></c>',
                     field_words(place["participants"], "participants", labels, "boolean in a number field"))
    folder = env.fresh_dir("returned-key-project")
    shutil.copy(good, folder / "01-good.xlsx")
    for i, c in enumerate([case, bad]):
        c.name = f"{i + 10:02d}-{c.kind}.xlsx"
        c.make(good, folder / c.name)
    check_run(env, KEY_PROJECT, folder, [case, bad], {"01-good.xlsx": data})


def checks(env, args):
    rng = random.Random(SEED)
    check_statistics(env, rng)
    check_key_project(env, rng)


def main():
    ap = arguments(__doc__, keep="copy the returned files and the outputs to this directory")
    return run_checks(ap, "gongwen-returned-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
