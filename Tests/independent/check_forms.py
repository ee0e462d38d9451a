#!/usr/bin/env python3
"""Independent end-to-end check of the `gongwen` attachment forms.

The Swift unit tests read the files gongwen writes with code the team wrote.
This script reads them only with readers nobody on the team wrote -- openpyxl,
python-docx, LibreOffice (conversion to PDF) and poppler's pdftotext/pdfinfo --
so a file that only our own code can open, or that loses text on the way,
fails here.

Checks (see the design notes, forms.md):
 1. Every template, blank and filled with examples/forms/<form>.json, in XLSX
    and DOCX: the file opens; the title is in A1 / the first paragraph; every
    printed value of the example data appears exactly; the header line is
    there; blank list forms have empty input rows; LibreOffice converts it to a
    PDF whose text contains the title.
 2. A 60-row open-institution-2020 list runs over several PDF pages with the
    heading "单位名称" on every page; the XLSX repeats the heading row
    (print_title_rows).
 3. Awkward text (< & " , characters outside the BMP, full-width punctuation,
    a 500-character summary with line breaks) survives exactly.
 4. Bad data is refused (exit 65) naming key and Chinese label, and leaves no
    file behind; a known-but-unprinted key is only a warning (exit 0).
 5. Exit codes for bad usage (64), missing input (66), unwritable output (73),
    malformed JSON (65).

Usage (from the repo root):
    python3 Tests/independent/check_forms.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import os
import re
import shutil
import subprocess
import sys

import docx

from harness import (GongwenEnv, arguments, check, is_number, load_example, load_template, lookup, pdf_page_count,
                     run_checks, squash, xlsx_rows)



class Env(GongwenEnv):
    def __init__(self, gongwen, tmp):
        super().__init__(gongwen, tmp)
        self.to_convert = []  # (label, file, title-or-None)

    def run(self, *args):
        return super().run(*args, timeout=120)


# ---------------------------------------------------------------- readers

def printed_keys(tpl):
    lay = tpl["layout"]
    if lay["type"] == "list":
        keys = [c["field"] for c in lay["columns"]]
    else:
        keys = [c["field"] for r in lay["rows"] for c in r["cells"] if "field" in c]
    if "header" in tpl:
        keys.append(tpl["header"]["field"])
    return keys


def expected_values(tpl, data):
    """(key, value) for each printed value of data in this template."""
    out = []
    for key in printed_keys(tpl):
        if key.startswith("rows[]."):
            sub = key[len("rows[]."):]
            out += [(f"rows[{i}].{sub}", r[sub]) for i, r in enumerate(data.get("rows", [])) if sub in r]
        elif lookup(data, key) is not None:
            out.append((key, lookup(data, key)))
    return out


def read_docx(path):
    d = docx.Document(path)
    return [p.text for p in d.paragraphs], [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]


def xlsx_has(rows, v):
    cells = [c for r in rows for c in r]
    if is_number(v):
        return any(is_number(c) and c == v for c in cells)
    return any(c == v for c in cells)


def docx_has(tables, v):
    cells = [c for t in tables for r in t for c in r]
    if is_number(v):
        def num(s):
            try:
                return float(s.strip())
            except ValueError:
                return None
        return any(num(c) == v for c in cells)
    return any(c == v for c in cells)


def column_labels(tpl):
    labels = {f["key"]: f["label"] for f in tpl["fields"]}
    return [labels[c["field"]] for c in tpl["layout"]["columns"]]


# ---------------------------------------------------------------- check 1

def check_file(env, tpl, fmt, data, label):
    """Read one rendered file and check title, values, header, blank rows."""
    p, out, path = env.render(tpl["id"], data, fmt)
    name = f"[1] {label}"
    if not check(f"{name}: render", p.returncode == 0 and path and path.is_file(),
                 f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}"):
        return None
    check(f"{name}: exactly one file written", sorted(os.listdir(out)) == [path.name], str(os.listdir(out)))
    title, lay = tpl["title"], tpl["layout"]
    try:
        if fmt == "xlsx":
            ws, rows = xlsx_rows(path)
            check(f"{name}: title in A1", ws["A1"].value == title, repr(ws["A1"].value))
            has = lambda v: xlsx_has(rows, v)  # noqa: E731
            texts = [c for r in rows for c in r if isinstance(c, str)]
        else:
            paras, tables = read_docx(path)
            check(f"{name}: title is first paragraph", paras[:1] == [title], repr(paras[:1]))
            has = lambda v: docx_has(tables, v)  # noqa: E731
            texts = paras + [c for t in tables for r in t for c in r]
    except Exception as e:  # the reader itself failing is the finding
        check(f"{name}: {fmt} reader opens it", False, f"{type(e).__name__}: {e}")
        return None
    check(f"{name}: {fmt} reader opens it", True)
    for key, v in expected_values(tpl, data or {}):
        if key == tpl.get("header", {}).get("field"):
            continue  # checked as the header line below
        check(f"{name}: value {key}", has(v), f"{v!r} not found")
    if "header" in tpl:
        want = tpl["header"]["text"] + (str((data or {}).get(tpl["header"]["field"], "")))
        check(f"{name}: header line", want in texts, f"{want!r} not found")
    if lay["type"] == "list" and data is None:
        labels, n = column_labels(tpl), lay.get("blankRows", 1)
        grid = rows if fmt == "xlsx" else next((t for t in tables if t and t[0][:len(labels)] == labels), [])
        head = next((i for i, r in enumerate(grid) if list(r[:len(labels)]) == labels), None)
        body = grid[head + 1:head + 1 + n] if head is not None else []
        empty = all(c in (None, "") for r in body for c in r)
        check(f"{name}: {n} empty input rows under the heading", head is not None and len(body) == n and empty,
               f"heading at {head}, rows {body[:3]}")
    env.to_convert.append((f"{tpl['id']}-{label.split()[-1]}-{fmt}", path, title))
    return path


def check_templates(env, templates):
    for t in templates:
        tpl = load_template(t["id"])
        example = load_example(tpl["form"])
        for fmt in ("xlsx", "docx"):
            check_file(env, tpl, fmt, None, f"{t['id']} {fmt} blank")
            check_file(env, tpl, fmt, example, f"{t['id']} {fmt} filled")


# ---------------------------------------------------------------- PDF (batched)

def convert_all(env):
    """Convert every collected file with one soffice call; return {label: pdf}."""
    src, pdf = env.fresh_dir("convert-src"), env.fresh_dir("pdf")
    for label, path, _ in env.to_convert:
        shutil.copy(path, src / f"{label}{path.suffix}")
    files = sorted(str(f) for f in src.iterdir())
    p, seconds = env.convert("pdf", pdf, files)
    print(f"LibreOffice converted {len(files)} files in {seconds:.1f}s (exit {p.returncode})")
    return {label: pdf / f"{label}.pdf" for label, _, _ in env.to_convert}


def pdftext(pdf, page=None):
    rng = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *rng, str(pdf), "-"], capture_output=True, text=True).stdout


def check_pdfs(env, pdfs):
    for label, _, title in env.to_convert:
        pdf = pdfs[label]
        if not check(f"[pdf] {label}: LibreOffice made a non-empty PDF",
                     pdf.is_file() and pdf.stat().st_size > 0, f"{pdf} missing or empty"):
            continue
        if title:
            check(f"[pdf] {label}: pdftotext shows the title", squash(title) in squash(pdftext(pdf)),
                  f"title {title!r} not in text")


# ---------------------------------------------------------------- check 2

def check_long_list(env):
    data = {"reporter": "长表测试单位", "rows": [
        {"name": f"第{i + 1}号科研机构", "openTime": "5月22日至28日", "content": f"开放实验室参观第{i + 1}项",
         "address": f"郑州市金水区科学大道 {i + 1} 号", "contact": "张三", "phone": f"0371-6718{i:04d}"}
        for i in range(60)]}
    tpl = load_template("open-institution-2020")
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render(tpl["id"], data, fmt)
        if not check(f"[2] 60 rows {fmt}: render", p.returncode == 0 and path and path.is_file(), p.stderr):
            continue
        if fmt == "xlsx":
            ws, rows = xlsx_rows(path)
            head = next((i + 1 for i, r in enumerate(rows) if r and r[0] == "单位名称"), None)
            ptr = (ws.print_title_rows or "").replace("$", "")
            check("[2] 60 rows xlsx: print_title_rows is the heading row", head and ptr == f"{head}:{head}",
                  f"print_title_rows={ws.print_title_rows!r}, heading row {head}")
            check("[2] 60 rows xlsx: all 60 names present", all(xlsx_has(rows, r["name"]) for r in data["rows"]))
        else:
            _, tables = read_docx(path)
            check("[2] 60 rows docx: all 60 names present", all(docx_has(tables, r["name"]) for r in data["rows"]))
        env.to_convert.append((f"long-list-{fmt}", path, None))


def check_long_list_pdfs(pdfs):
    for fmt in ("xlsx", "docx"):
        pdf = pdfs.get(f"long-list-{fmt}")
        if not pdf or not pdf.is_file():
            check(f"[2] 60 rows {fmt}: PDF", False, "no PDF")
            continue
        n = pdf_page_count(pdf)
        check(f"[2] 60 rows {fmt}: PDF has more than one page", n > 1, f"{n} page(s)")
        missing = [i for i in range(1, n + 1) if "单位名称" not in squash(pdftext(pdf, i))]
        check(f"[2] 60 rows {fmt}: heading 单位名称 on every page", not missing, f"missing on pages {missing}")


# ---------------------------------------------------------------- check 3

NAME = 'A<B & "C" 𠀀𪚥😀 full-width（）〔〕：'


def make_summary():
    s = ("第一段：科技活动周𠀀特殊字符测试。\n" * 12) + "最后一段"
    s = s + "文" * (500 - len(s))
    assert len(s) == 500 and "\n" in s and "𠀀" in s
    return s


def check_text_survives(env):
    summary = make_summary()
    data = {"projectName": NAME, "summary": summary, "participants": 30}
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render("key-project-2020", data, fmt)
        if not check(f"[3] special text {fmt}: render", p.returncode == 0 and path and path.is_file(), p.stderr):
            continue
        try:
            if fmt == "xlsx":
                _, rows = xlsx_rows(path)
                has = lambda v: xlsx_has(rows, v)  # noqa: E731
            else:
                _, tables = read_docx(path)
                has = lambda v: docx_has(tables, v)  # noqa: E731
        except Exception as e:
            check(f"[3] special text {fmt}: reader opens it", False, f"{type(e).__name__}: {e}")
            continue
        check(f"[3] special text {fmt}: projectName exact", has(NAME), f"{NAME!r} not found")
        check(f"[3] special text {fmt}: 500-char summary exact", has(summary), "summary not found verbatim")
        env.to_convert.append((f"special-text-{fmt}", path, None))


# ---------------------------------------------------------------- check 4

def label_of(templates, tid, key):
    fields = next(t for t in templates if t["id"] == tid)["fields"]
    return next(f["label"] for f in fields if f["key"] == re.sub(r"\[\d+\]", "[]", key))


BAD = [  # (case, template, data, [keys expected in stderr])
    ("missing projectName", "key-project-2020", {"organizer": "某单位"}, ["projectName"]),
    ("summary 501 chars", "key-project-2020", {"projectName": "x", "summary": "字" * 501}, ["summary"]),
    ("participants -1", "key-project-2020", {"projectName": "x", "participants": -1}, ["participants"]),
    ("participants 三十", "key-project-2020", {"projectName": "x", "participants": "三十"}, ["participants"]),
    ("participants 2.5", "key-project-2020", {"projectName": "x", "participants": 2.5}, ["participants"]),
    ("email abc", "key-project-2020", {"projectName": "x", "email": "abc"}, ["email"]),
    ("postcode 45000", "key-project-2020", {"projectName": "x", "postcode": "45000"}, ["postcode"]),
    ("phone with letters", "key-project-2020", {"projectName": "x", "phone": "0371-6718abcd"}, ["phone"]),
    ("control char U+0001", "key-project-2020", {"projectName": "项目\u0001名称"}, ["projectName"]),
    ("noncharacter U+FFFE", "key-project-2020", {"projectName": "项目\ufffe名称"}, ["projectName"]),
    ("unknown key projetName", "key-project-2020", {"projectName": "x", "projetName": "x"}, ["projetName"]),
    ("two errors in one input", "statistics-2022",
     {"reporter": "r", "funds": {"central": -3}, "activities": {"held": "x"}}, ["funds.central", "activities.held"]),
    ("row without name", "open-institution-2020",
     {"reporter": "r", "rows": [{"content": "实验室参观", "address": "某路 1 号", "phone": "67183769"}]},
     ["rows[0].name"]),
]


def check_bad_inputs(env, templates):
    for case, tid, data, keys in BAD:
        for fmt in ("xlsx", "docx"):
            p, out, _ = env.render(tid, data, fmt)
            name = f"[4] {case} ({fmt})"
            check(f"{name}: exit 65", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
            for key in keys:
                # an unknown key has no label of its own; every other key must come with its label
                label = None if key == "projetName" else label_of(templates, tid, key)
                ok = (key in p.stderr or key.replace("[0]", "[]") in p.stderr) and (label is None or label in p.stderr)
                check(f"{name}: stderr names {key} {label or ''}", ok, f"stderr {p.stderr!r}")
            check(f"{name}: output dir empty", not os.listdir(out), f"left {os.listdir(out)}")
    data = {"reporter": "泉州市科技局", "rows": [{"name": "泉州某研究所", "openTime": "5月23日"}]}
    p, out, path = env.render("open-institution-2020-quanzhou", data, "xlsx")
    check("[4] unprinted key rows[].openTime: exit 0 with file", p.returncode == 0 and path and path.is_file(),
          f"exit {p.returncode}, stderr {p.stderr!r}")
    check("[4] unprinted key rows[].openTime: warning on stderr", "openTime" in p.stderr, f"stderr {p.stderr!r}")


# ---------------------------------------------------------------- check 5

def check_exit_codes(env):
    def expect(case, p, code, out):
        check(f"[5] {case}: exit {code}", p.returncode == code, f"exit {p.returncode}, stderr {p.stderr!r}")
        check(f"[5] {case}: nothing written", not os.listdir(out), f"left {os.listdir(out)}")

    out = env.fresh_dir("x")
    expect("unknown template", env.run("render", "no-such-form", "--format", "xlsx", "--out", str(out)), 64, out)
    out = env.fresh_dir("x")
    expect("--format odt", env.run("render", "key-project-2020", "--format", "odt", "--out", str(out)), 64, out)
    out = env.fresh_dir("x")
    missing = str(env.tmp / "does-not-exist.json")
    expect("missing data file", env.run("render", "key-project-2020", missing, "--format", "xlsx",
                                        "--out", str(out)), 66, out)
    out = env.fresh_dir("x")
    p, _, _ = env.render("key-project-2020", None, "xlsx", out=out, raw='{"projectName": "x",')
    expect("malformed JSON", p, 65, out)
    parent = env.fresh_dir("out-is-file")
    target = parent / "occupied"
    target.write_text("keep me")
    p = env.run("render", "key-project-2020", "--format", "docx", "--out", str(target))
    check("[5] --out is a regular file: exit 73", p.returncode == 73, f"exit {p.returncode}, stderr {p.stderr!r}")
    check("[5] --out is a regular file: nothing else created",
          os.listdir(parent) == ["occupied"] and target.read_text() == "keep me", str(os.listdir(parent)))


# ---------------------------------------------------------------- main

def checks(env, args):
    templates = env.templates()
    check_templates(env, templates)
    check_long_list(env)
    check_text_survives(env)
    pdfs = convert_all(env)
    check_pdfs(env, pdfs)
    check_long_list_pdfs(pdfs)
    check_bad_inputs(env, templates)
    check_exit_codes(env)


def main():
    ap = arguments(__doc__, keep="copy all outputs (forms, PDFs) to this directory")
    return run_checks(ap, "gongwen-check-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
