#!/usr/bin/env python3
"""Independent end-to-end check of `gongwen collect`.

The Swift tests read back files with code the team wrote. This script makes the
returned forms the way units make them -- our own files, the same files opened
and saved again by LibreOffice, a blank form typed into with openpyxl -- and
checks what `gongwen collect` reads from them against the data that went in,
and the summary's totals against sums computed here with openpyxl and Decimal.

Checks:
 1. Round trip: every template filled with examples/forms/<form>.json, as XLSX
    and DOCX, ours and re-saved by LibreOffice (soffice --convert-to xlsx/docx,
    one call per format), is read back into records.jsonl exactly (numbers
    compared as Decimal, only the keys the variant prints).
 2. A blank XLSX of every template filled in with openpyxl as a person would
    (values typed into the input cells found beside their labels; numbers as
    numbers, postcode and phones as text) is read back exactly; so is one with
    the numbers typed as text and the sheet renamed.
 3. 20 statistics forms with random values: the 合计 row of summary.xlsx and
    the statistics form sheet filled with the totals equal the sums computed
    here with Decimal from the same files read by openpyxl; one row per unit.
 4. A zip bomb, an entity bomb, a truncated file, a sheet larger than a form,
    a text file and an Office 97-2003 file named .xlsx, and another form's
    DOCX renamed .xlsx, mixed with good files in one run: exit 65, each bad
    file named with a clear reason (also in the 未收录 sheet), every good file
    in records.jsonl and the summary. A DOCX renamed .xlsx is refused even when
    it holds a valid form of this template: its extension says otherwise.
 5. Exit codes: unknown template 64, missing path 66, folder without forms 66,
    every file collected 0.

Usage (from the repo root):
    python3 Tests/independent/check_collect.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl

from harness import GongwenEnv, arguments, check, load_example, load_template, lookup, run_checks, squash



class Env(GongwenEnv):
    def render_path(self, tid, data, fmt, out):
        """Renders data (None for blank) and returns the path written: the forms are only the
        input here, so a render that fails stops the case."""
        p, _, path = self.render(tid, data, fmt, out)
        if p.returncode != 0 or path is None:
            raise RuntimeError(f"render {tid} {fmt} failed: exit {p.returncode}, {p.stderr}")
        return path

    def collect(self, tid, *paths):
        """Runs collect; returns (result, out dir, {file name: data}). The result has
        returncode, stdout, stderr, seconds and max_rss_mb (of this one process, by wait4)."""
        out = self.fresh_dir(f"collect-{tid}")
        logs = self.fresh_dir("collect-logs")
        started = time.time()
        with open(logs / "stdout", "w") as so, open(logs / "stderr", "w") as se:
            proc = subprocess.Popen([self.gongwen, "collect", tid, *map(str, paths), "--out", str(out)],
                                    stdout=so, stderr=se)
            _, status, usage = os.wait4(proc.pid, 0)
        p = argparse.Namespace(returncode=os.waitstatus_to_exitcode(status), seconds=time.time() - started,
                               max_rss_mb=usage.ru_maxrss / 1024,
                               stdout=(logs / "stdout").read_text(encoding="utf-8"),
                               stderr=(logs / "stderr").read_text(encoding="utf-8"))
        records = {}
        path = out / "records.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line, parse_float=Decimal, parse_int=Decimal)
                records[Path(r["file"]).name] = r["data"]
        return p, out, records


# ---------------------------------------------------------------- data

def put(obj, dotted, value):
    parts = dotted.split(".")
    for part in parts[:-1]:
        obj = obj.setdefault(part, {})
    obj[parts[-1]] = value


def plain(v):
    """Data to send to `render`: Decimals as JSON numbers (whole ones as integers)."""
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def norm(v):
    """Numbers as Decimal (3000 == 3000.0, 15.5 == 15.50), everything else as is."""
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return Decimal(str(v)).normalize()
    return v


def grid_inputs(tpl):
    """(label text, field key) for each input of a grid: the label is the text cell just
    before the field in its row (for grouped rows, the item, not the group)."""
    out = []
    for row in tpl["layout"]["rows"]:
        label = None
        for cell in row["cells"]:
            if "text" in cell:
                label = cell["text"]
            elif label is not None:
                out.append((label, cell["field"]))
    return out


def right_of(ws, label):
    """The input cell of a label cell: the one right of the label's merged range."""
    col = next((m.max_col for m in ws.merged_cells.ranges if label.coordinate in m), label.column)
    return ws.cell(row=label.row, column=col + 1)


def expected_data(tpl, data):
    """What collect should read back: the values the variant prints, nested as in data."""
    out = {}
    header = tpl.get("header", {}).get("field")
    if header and lookup(data, header) not in (None, ""):
        out[header] = lookup(data, header)
    lay = tpl["layout"]
    if lay["type"] == "grid":
        for _, key in grid_inputs(tpl):
            v = lookup(data, key)
            if v not in (None, ""):
                put(out, key, v)
    else:
        keys = [c["field"][len("rows[]."):] for c in lay["columns"]]
        rows = [{k: r[k] for k in keys if r.get(k) not in (None, "")} for r in data.get("rows", [])]
        out["rows"] = [r for r in rows if r]
    return norm(out)


def first_difference(got, want, at="$"):
    if isinstance(got, dict) and isinstance(want, dict):
        for k in sorted(set(got) | set(want)):
            if k not in got:
                return f"{at}.{k} missing (expected {want[k]!r})"
            if k not in want:
                return f"{at}.{k} unexpected ({got[k]!r})"
            d = first_difference(got[k], want[k], f"{at}.{k}")
            if d:
                return d
        return None
    if isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            return f"{at}: {len(got)} items, expected {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            d = first_difference(g, w, f"{at}[{i}]")
            if d:
                return d
        return None
    return None if got == want else f"{at}: got {got!r}, expected {want!r}"


def report_line(stdout, name):
    return next((ln for ln in stdout.splitlines() if name in ln), "")


# ---------------------------------------------------------------- LibreOffice

def resave(env, files, fmt):
    """Opens and saves every file again with LibreOffice, in one soffice call; returns
    {source path: re-saved path}."""
    src, dst = env.fresh_dir(f"lo-src-{fmt}"), env.fresh_dir(f"lo-out-{fmt}")
    names = {}
    for i, f in enumerate(files):
        name = f"{i:02d}-{f.parent.name}.{fmt}"  # unique, so no output overwrites another
        shutil.copy(f, src / name)
        names[f] = name
    p, seconds = env.convert(fmt, dst, sorted(str(src / n) for n in names.values()))
    print(f"LibreOffice re-saved {len(files)} {fmt} files in {seconds:.1f}s (exit {p.returncode})")
    return {f: dst / n for f, n in names.items()}


# ---------------------------------------------------------------- check 1 and 2

def fill_blank_like_a_person(tpl, blank, data, dest, numbers_as_text=False, sheet_title=None):
    """Types data into a blank XLSX with openpyxl: each value into the cell right of its
    label (right of the label's merged range), list rows under the column headings, the
    reporting unit after the header line's text. Numbers go in as numbers, the rest as text;
    numbers_as_text types them as text too (a cell formatted as text, or '86), and
    sheet_title renames the sheet."""
    wb = openpyxl.load_workbook(blank)
    ws = wb.worksheets[0]
    if sheet_title:
        ws.title = sheet_title

    def find(text):
        return next((c for row in ws.iter_rows() for c in row if squash(c.value) == squash(text)), None)

    def typed(v):
        if isinstance(v, Decimal) and not numbers_as_text:
            return int(v) if v == v.to_integral_value() else float(v)
        return str(v)

    header = tpl.get("header")
    if header and data.get(header["field"]):
        cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(header["text"]))
        cell.value = header["text"] + data[header["field"]]
    lay = tpl["layout"]
    if lay["type"] == "grid":
        for label, key in grid_inputs(tpl):
            v = lookup(data, key)
            if v in (None, ""):
                continue
            target = right_of(ws, find(label))
            target.value = typed(v)
    else:
        labels = {f["key"]: f["label"] for f in tpl["fields"]}
        heads = [find(labels[c["field"]]) for c in lay["columns"]]
        for i, row in enumerate(data.get("rows", [])):
            for c, head in zip(lay["columns"], heads):
                v = row.get(c["field"][len("rows[]."):])
                if v not in (None, ""):
                    ws.cell(row=head.row + 1 + i, column=head.column).value = typed(v)
    wb.save(dest)


def check_round_trips(env, templates):
    ours = {}  # (tid, fmt) -> path
    for t in templates:
        tpl = load_template(t["id"])
        data = load_example(tpl["form"], decimal=True)
        folder = env.fresh_dir(t["id"])
        for fmt in ("xlsx", "docx"):
            try:
                ours[(t["id"], fmt)] = env.render_path(t["id"], plain(data), fmt, folder)
            except RuntimeError as e:
                check(f"[1] {t['id']} {fmt}: render", False, str(e))
    resaved = {}
    for fmt in ("xlsx", "docx"):
        done = resave(env, [p for (_, f), p in ours.items() if f == fmt], fmt)
        resaved.update({(tid, fmt): done[p] for (tid, f), p in ours.items() if f == fmt})

    for t in templates:
        tid = t["id"]
        tpl = load_template(tid)
        data = load_example(tpl["form"], decimal=True)
        want = expected_data(tpl, data)
        folder = env.fresh_dir(f"returned-{tid}")
        cases = {}
        for fmt in ("xlsx", "docx"):
            if (tid, fmt) in ours:
                cases[f"ours.{fmt}"] = ours[(tid, fmt)]
            lo = resaved.get((tid, fmt))
            if check(f"[1] {tid} {fmt}: LibreOffice re-saved it", lo and lo.is_file(), f"{lo} missing"):
                cases[f"libreoffice.{fmt}"] = lo
        blank = env.render_path(tid, None, "xlsx", env.fresh_dir(f"blank-{tid}"))
        for name, options in [("hand-filled.xlsx", {}),
                              ("hand-filled-numbers-as-text-renamed-sheet.xlsx",
                               {"numbers_as_text": True, "sheet_title": "本单位填报"})]:
            try:
                fill_blank_like_a_person(tpl, blank, data, folder / name, **options)
                cases[name] = folder / name
            except Exception as e:  # the blank form not having a cell where a person expects it is the finding
                check(f"[2] {tid}: fill the blank XLSX with openpyxl ({name})", False, f"{type(e).__name__}: {e}")
        for name, path in cases.items():
            if path != folder / name:
                shutil.copy(path, folder / name)
        p, _, records = env.collect(tid, folder)
        check(f"[1] {tid}: collect exits 0", p.returncode == 0, f"exit {p.returncode}\n{p.stdout}{p.stderr}")
        for name in cases:
            tag = "[2]" if name.startswith("hand") else "[1]"
            got = records.get(name)
            if not check(f"{tag} {tid} {name}: in records.jsonl", got is not None,
                         report_line(p.stdout, name) or p.stdout):
                continue
            diff = first_difference(norm(got), want)
            check(f"{tag} {tid} {name}: read back exactly", diff is None, diff)


# ---------------------------------------------------------------- check 3

def random_statistics(rng, i):
    tpl = load_template("statistics-2022")
    data = {"reporter": f"第{i + 1}号县科学技术局"}
    for f in tpl["fields"]:
        if f["key"] == "reporter" or rng.random() < 0.1:  # now and then a unit leaves a cell empty
            continue
        if f["type"] == "count":
            v = rng.randrange(0, 100000)
        else:
            v = Decimal(rng.randrange(0, 100000)) / 100  # 万元 with two decimals
        put(data, f["key"], v)
    return data


def openpyxl_values(path, tpl):
    """The statistics form's values read independently: each input cell right of its label."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {squash(c.value): c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    out = {}
    for label, key in grid_inputs(tpl):
        v = right_of(ws, cells[squash(label)]).value
        if v is not None:
            out[key] = Decimal(str(v))
    return out


def check_totals(env):
    tpl = load_template("statistics-2022")
    rng = random.Random(2022)
    folder = env.fresh_dir("twenty-units")
    datas = [random_statistics(rng, i) for i in range(20)]
    datas[0]["funds"] = {**datas[0].get("funds", {}), "central": Decimal("0.1")}
    datas[1]["funds"] = {**datas[1].get("funds", {}), "central": Decimal("0.2")}
    for d in datas:
        env.render_path("statistics-2022", plain(d), "xlsx", folder)
    files = sorted(folder.iterdir())
    check("[3] 20 statistics forms rendered", len(files) == 20, str(len(files)))
    keys = [key for _, key in grid_inputs(tpl)]
    sums = {}
    for f in files:
        for k, v in openpyxl_values(f, tpl).items():
            sums[k] = sums.get(k, Decimal(0)) + v
    p, out, records = env.collect("statistics-2022", folder)
    check("[3] collect 20 forms: exit 0", p.returncode == 0, f"exit {p.returncode}\n{p.stdout}{p.stderr}")
    check("[3] collect 20 forms: 20 records", len(records) == 20, str(len(records)))
    check("[3] collect 20 forms: under 10 s", p.seconds < 10, f"{p.seconds:.1f}s")
    inputs = {d["reporter"]: norm(d) for d in datas}
    check("[3] every record equals its unit's data",
          all(first_difference(norm(r), inputs.get(r.get("reporter"))) is None for r in records.values()),
          next((first_difference(norm(r), inputs.get(r.get("reporter"))) for r in records.values()
                if first_difference(norm(r), inputs.get(r.get("reporter")))), ""))
    try:
        wb = openpyxl.load_workbook(out / "summary.xlsx")
    except Exception as e:
        check("[3] summary.xlsx opens in openpyxl", False, f"{type(e).__name__}: {e}")
        return
    check("[3] summary.xlsx opens in openpyxl", True)
    ws = wb["汇总"] if "汇总" in wb.sheetnames else None
    if not check("[3] summary has a sheet 汇总", ws is not None, str(wb.sheetnames)):
        return
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    labels = {f["key"]: f["label"] for f in tpl["fields"]}
    head = next((i for i, r in enumerate(rows) if labels["activities.held"] in r), None)
    if not check("[3] 汇总 has a heading with the Chinese labels", head is not None, str(rows[:4])):
        return
    # a grouped column has its label under the group's; a column without a group is merged
    # down both heading rows, its label in the upper one
    column = {k: next((i for r in rows[:head + 1] for i, v in enumerate(r) if v == labels[k]), None)
              for k in keys + ["reporter"]}
    if not check("[3] 汇总 has a column for every field", None not in column.values(), str(column)):
        return
    reporter_col = column["reporter"]
    units = [r for r in rows[head + 1:] if r[reporter_col] in inputs]
    total = next((r for r in rows if r[reporter_col] == "合计"), None)
    check("[3] 汇总 has one row per unit", sorted(r[reporter_col] for r in units) == sorted(inputs),
          f"{len(units)} unit rows")
    if not check("[3] 汇总 has a 合计 row", total is not None):
        return
    bad = [(k, total[column[k]], sums.get(k)) for k in keys
           if (Decimal(str(total[column[k]])) if total[column[k]] is not None else None) != sums.get(k)]
    check("[3] 合计 row equals the Decimal sums of the 20 files (read by openpyxl)", not bad, str(bad[:5]))
    check("[3] 0.1 + 0.2 adds up exactly", sums["funds.central"] == sum(
        (lookup(d, "funds.central") or Decimal(0)) for d in datas), "")
    unit_bad = [r[reporter_col] for r in units for k in keys
                if (Decimal(str(r[column[k]])) if r[column[k]] is not None else None) != norm(lookup(inputs[r[reporter_col]], k))]
    check("[3] each unit row holds the unit's values", not unit_bad, str(unit_bad[:3]))
    form = next((wb[n] for n in wb.sheetnames if n not in ("汇总", "未收录")), None)
    if check("[3] summary has the statistics form sheet", form is not None, str(wb.sheetnames)):
        tmp = env.fresh_dir("form-sheet") / "form.xlsx"
        only = openpyxl.load_workbook(out / "summary.xlsx")
        for n in list(only.sheetnames):
            if n != form.title:
                del only[n]
        only.save(tmp)
        got = openpyxl_values(tmp, tpl)
        bad = [(k, got.get(k), sums.get(k)) for k in keys if got.get(k) != sums.get(k)]
        check("[3] the form sheet is filled with the totals", not bad, str(bad[:5]))
        header = next((c for r in form.iter_rows(values_only=True) for c in r
                       if isinstance(c, str) and c.startswith("部门/地方（盖章）：")), "")
        check("[3] the form sheet's header says it is the total of 20 units", "合计" in header and "20" in header, header)


# ---------------------------------------------------------------- check 4

def replace_part(src, dest, part, write):
    """Copies the zip src to dest with `part` replaced by what write(stream) writes, deflated
    and streamed, so that a bomb never sits in memory here either."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for item in zin.infolist():
            if item.filename == part:
                info = zipfile.ZipInfo(part)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(info, "w", force_zip64=True) as w:
                    write(w)
            else:
                zout.writestr(item, zin.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)


SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def zip_bomb(good, dest, megabytes=200):
    """A workbook whose sheet is well-formed XML of `megabytes` MB of spaces: ~200 KB deflated."""
    def write(w):
        w.write(SHEET_HEAD)
        chunk = b" " * (1 << 20)
        for _ in range(megabytes):
            w.write(chunk)
        w.write(b"<sheetData/></worksheet>")
    replace_part(good, dest, "xl/worksheets/sheet1.xml", write)


ENTITY_BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY a "aaaaaaaaaa">\n'
               + b"".join(b' <!ENTITY %c "%s">\n' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(9))
               + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>')

HUGE_SHEET = (SHEET_HEAD + b'<dimension ref="A1:C100000"/><sheetData>'
              b'<row r="100000"><c r="C100000"><v>1</v></c></row></sheetData></worksheet>')


def check_bad_files(env):
    folder = env.fresh_dir("mixed")
    good_a = {"reporter": "甲县科学技术局", "activities": {"held": 3}, "funds": {"central": Decimal("1.25")}}
    good_b = {"reporter": "乙县科学技术局", "activities": {"held": 4}, "funds": {"central": Decimal("2.5")}}
    good_c = {"reporter": "丙县科学技术局", "activities": {"held": 5}}
    src = env.fresh_dir("mixed-src")
    a = env.render_path("statistics-2022", plain(good_a), "xlsx", src)
    b = env.render_path("statistics-2022", plain(good_b), "xlsx", src)
    c = env.render_path("statistics-2022", plain(good_c), "docx", src)
    shutil.copy(a, folder / "01-good.xlsx")
    shutil.copy(b, folder / "02-good.xlsx")
    shutil.copy(c, folder / "03-same-form-docx-renamed.xlsx")
    started = time.time()
    zip_bomb(a, folder / "04-zip-bomb.xlsx")
    print(f"zip bomb: {(folder / '04-zip-bomb.xlsx').stat().st_size} bytes, 200 MB inflated, made in "
          f"{time.time() - started:.1f}s")
    replace_part(a, folder / "05-entity-bomb.xlsx", "xl/worksheets/sheet1.xml", lambda w: w.write(ENTITY_BOMB))
    data = a.read_bytes()
    (folder / "06-truncated.xlsx").write_bytes(data[:len(data) // 2])
    replace_part(a, folder / "07-huge-sheet.xlsx", "xl/worksheets/sheet1.xml", lambda w: w.write(HUGE_SHEET))
    (folder / "08-text.xlsx").write_text("部门/地方,举办活动次数\n甲,3\n", encoding="utf-8")
    (folder / "09-legacy.xlsx").write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 504)
    kp = env.render_path("key-project-2020", load_example("key-project"), "docx", src)
    shutil.copy(kp, folder / "10-other-form-docx-renamed.xlsx")
    (folder / "11-negative.xlsx").write_bytes(b"")  # replaced below
    bad_values = {"reporter": "丁县科学技术局", "activities": {"held": 2}}
    d = env.render_path("statistics-2022", bad_values, "xlsx", src)
    wb = openpyxl.load_workbook(d)
    ws = wb.worksheets[0]
    held = next(c for r in ws.iter_rows() for c in r if c.value == "举办活动次数")
    ws.cell(row=held.row, column=held.column + 1).value = -2
    ws.cell(row=held.row + 1, column=held.column + 1).value = "三个"
    wb.save(folder / "11-negative.xlsx")

    p, out, records = env.collect("statistics-2022", folder)
    check("[4] mixed run: exit 65", p.returncode == 65, f"exit {p.returncode}\n{p.stdout}{p.stderr}")
    check("[4] mixed run: zip bomb refused in under 10 s", p.seconds < 10, f"{p.seconds:.1f}s")
    check("[4] mixed run: memory stays under 200 MB (the bomb inflates to 200 MB)", p.max_rss_mb < 200,
          f"max RSS {p.max_rss_mb:.0f} MB")
    print(f"mixed run with a 200 MB zip bomb: {p.seconds:.1f}s, max RSS {p.max_rss_mb:.0f} MB")
    expect = {
        "04-zip-bomb.xlsx": ["zip bomb", "解压后超过"],
        "05-entity-bomb.xlsx": ["entity", "DOCTYPE"],
        "06-truncated.xlsx": ["不是有效的 XLSX/DOCX"],
        "07-huge-sheet.xlsx": ["工作表过大"],
        "08-text.xlsx": ["不是有效的 XLSX/DOCX"],
        "09-legacy.xlsx": ["97-2003", "另存为"],
        "03-same-form-docx-renamed.xlsx": ["扩展名是 .xlsx", "DOCX"],
        "10-other-form-docx-renamed.xlsx": ["扩展名是 .xlsx", "DOCX"],
        "11-negative.xlsx": ["activities.held", "举办活动次数", "non-negative",
                             "activities.ministryTasks", "承接科技部活动任务个数", "[number]"],
    }
    for name, words in expect.items():
        line = report_line(p.stdout, name)
        check(f"[4] {name}: refused with a clear reason", line and all(w in line for w in words) and name not in records,
              f"line {line!r}")
    for name, data in [("01-good.xlsx", good_a), ("02-good.xlsx", good_b)]:
        got = records.get(name)
        check(f"[4] {name}: collected despite the bad files", got is not None and norm(got) == norm(data),
              f"{got!r}\n{report_line(p.stdout, name)}")
    try:
        wb = openpyxl.load_workbook(out / "summary.xlsx")
        failed = [r for r in wb["未收录"].iter_rows(values_only=True)] if "未收录" in wb.sheetnames else []
        text = "\n".join(" ".join(str(c) for c in r if c is not None) for r in failed)
        missing = [n for n in expect if n not in text]
        check("[4] summary.xlsx lists every refused file in 未收录", "未收录" in wb.sheetnames and not missing,
              f"sheets {wb.sheetnames}, missing {missing}")
        rows = list(wb["汇总"].iter_rows(values_only=True))
        total = next((r for r in rows if "合计" in r), None)
        held = next(i for r in rows for i, v in enumerate(r) if v == "举办活动次数")
        check("[4] the 合计 row sums the collected files only", total is not None and total[held] == 7,
              f"total row {total}")
    except Exception as e:
        check("[4] summary.xlsx of the good files opens", False, f"{type(e).__name__}: {e}")


# ---------------------------------------------------------------- check 5

def check_exit_codes(env):
    folder = env.fresh_dir("ok")
    env.render_path("statistics-2022", load_example("statistics"), "xlsx", folder)
    p, out, records = env.collect("no-such-form", folder)
    check("[5] unknown template: exit 64", p.returncode == 64, f"exit {p.returncode}, stderr {p.stderr!r}")
    check("[5] unknown template: nothing written", not os.listdir(out), str(os.listdir(out)))
    p, out, _ = env.collect("statistics-2022", folder, env.tmp / "no-such-folder")
    check("[5] missing path: exit 66 naming it", p.returncode == 66 and "no-such-folder" in p.stderr,
          f"exit {p.returncode}, stderr {p.stderr!r}")
    check("[5] missing path: nothing written", not os.listdir(out), str(os.listdir(out)))
    empty = env.fresh_dir("empty")
    (empty / "notes.txt").write_text("not a form")
    (empty / ".hidden.xlsx").write_text("hidden")
    p, _, _ = env.collect("statistics-2022", empty)
    check("[5] folder without forms (hidden files skipped): exit 66", p.returncode == 66,
          f"exit {p.returncode}, stderr {p.stderr!r}")
    p, out, records = env.collect("statistics-2022", folder)
    check("[5] every file collected: exit 0", p.returncode == 0 and len(records) == 1, f"exit {p.returncode} {p.stderr!r}")
    printed = p.stdout.strip().splitlines()[-2:]
    check("[5] prints the paths written", printed == [str(out / "summary.xlsx"), str(out / "records.jsonl")], str(printed))


# ---------------------------------------------------------------- main

def checks(env, args):
    check_round_trips(env, env.templates())
    check_totals(env)
    check_bad_files(env)
    check_exit_codes(env)


def main():
    ap = arguments(__doc__, keep="copy all inputs and outputs to this directory")
    return run_checks(ap, "gongwen-collect-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
