#!/usr/bin/env python3
"""Independent check of the forms' PDF: `render --format pdf`, `batch --format pdf|all`,
`batch --print` and the service's `POST /api/render/{id}?format=pdf`.

What gongwen writes is read only with poppler (pdftotext, pdfinfo), Python's csv and zipfile;
the PDFs themselves are LibreOffice's.

Checks:
 1. Every template, filled with examples/forms/<form>.json, renders to one A4 PDF whose
    pdftotext holds every printed value of the example (whitespace aside), and nothing else
    is left in the folder (no DOCX, no temporary file).
 2. `batch --format pdf --print` of a 10-row key-project list: the manifest names one PDF a
    record, in order, each a PDF with its unit's name; no DOCX or staging folder is left;
    print.pdf has as many pages as the ten PDFs together, and its text holds every unit in
    the list's order, each on the first page of its own form.
 3. `batch --format all --print --zip` of a list form with a reporter of 40 rows (a form of
    several pages) and two of one row: three manifest lines a form (xlsx, docx, pdf);
    print.pdf's pages are the sum of the forms'; the zip holds the forms, the manifest and
    print.pdf.
 3b. `batch --format xlsx --print`: the PDFs are made for print.pdf alone: the folder keeps
    the XLSX, the manifest (naming only them) and print.pdf, whose pages are one a form.
 4. The service renders format=pdf: 200, application/pdf, the values in the text.
 5. Without LibreOffice (hidden in a private mount namespace), `render --format pdf` and
    `batch --format pdf` exit 69 naming LibreOffice and write nothing; without pdfunite,
    `batch --print` exits 69 naming it and writes nothing; `render --format odt` is 64.

Usage (from the repo root):
    python3 Tests/independent/check_forms_pdf.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from harness import (GongwenEnv, Server, arguments, check, load_example, load_template, lookup, pdf_page_count,
                     run_checks, skip, squash)


class Env(GongwenEnv):
    def batch(self, tid, rows, *args):
        d = self.fresh_dir(f"batch-{tid}")
        lst = d / "list.jsonl"
        lst.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
        out = d / "out"
        return self.run("batch", tid, str(lst), "--out", str(out), *args, timeout=600), out


def pdftext(pdf, first=None, last=None):
    rng = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    return subprocess.run(["pdftotext", *rng, str(pdf), "-"], capture_output=True, text=True).stdout


def page_size(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M)
    return (float(m.group(1)), float(m.group(2))) if m else None


def is_a4(size):
    return size is not None and sorted(round(v) for v in size) == [595, 842]


def printed_values(tpl, data):
    """(key, text) of each value of data that the template prints."""
    lay = tpl["layout"]
    keys = [c["field"] for c in lay["columns"]] if lay["type"] == "list" else \
        [c["field"] for r in lay["rows"] for c in r["cells"] if "field" in c]
    if "header" in tpl:
        keys.append(tpl["header"]["field"])
    out = []
    for key in keys:
        if key.startswith("rows[]."):
            sub = key[len("rows[]."):]
            out += [(f"rows[{i}].{sub}", r[sub]) for i, r in enumerate(data.get("rows", [])) if sub in r]
        elif lookup(data, key) is not None:
            out.append((key, lookup(data, key)))
    return [(k, str(v)) for k, v in out]


def shows(text, value):
    """Whether squashed pdftotext `text` holds `value`. pdftotext joins a line that ends in a
    hyphen to the next by dropping the hyphen (`9:00-` / `17:00` reads `9:0017:00`), so a value
    with hyphens also counts when it is there without them."""
    v = squash(value)
    return v in text or ("-" in v and v.replace("-", "") in text)


def manifest(folder):
    raw = (folder / "manifest.csv").read_bytes()
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))[1:]


# ---------------------------------------------------------------- check 1

def check_render(env, templates):
    for t in templates:
        tpl = load_template(t["id"])
        data = load_example(tpl["form"])
        name = f"[1] {t['id']} pdf"
        p, out, path = env.render(t["id"], data, "pdf")
        if not check(f"{name}: exit 0, a .pdf printed", p.returncode == 0 and path and path.suffix == ".pdf"
                     and path.is_file(), f"exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr[-500:]!r}"):
            continue
        check(f"{name}: only the PDF in the folder", os.listdir(out) == [path.name], str(os.listdir(out)))
        check(f"{name}: a PDF", path.read_bytes().startswith(b"%PDF"))
        check(f"{name}: A4", is_a4(page_size(path)), str(page_size(path)))
        text = squash(pdftext(path))
        check(f"{name}: the title", squash(tpl["title"]) in text, tpl["title"])
        missing = [k for k, v in printed_values(tpl, data) if not shows(text, v)]
        check(f"{name}: every filled value in pdftotext", not missing, f"missing {missing}")


# ---------------------------------------------------------------- checks 2 and 3

def units(n):
    base = load_example("key-project")
    return [dict(base, organizer=f"检验单位{i + 1:02d}", projectName=f"检验项目{i + 1:02d}") for i in range(n)]


def check_print(name, printed, pdfs, subjects):
    """print.pdf: pages the sum of the forms', each form's subject first seen on its first page."""
    if not check(f"{name}: print.pdf written", printed.is_file() and printed.read_bytes().startswith(b"%PDF")):
        return
    counts = [pdf_page_count(p) for p in pdfs]
    total = pdf_page_count(printed)
    check(f"{name}: print.pdf pages = sum of the forms' ({sum(counts)})", total == sum(counts) and total > 0,
          f"{total} pages, forms {counts}")
    text = squash(pdftext(printed))
    places = [text.find(squash(s)) for s in subjects]
    check(f"{name}: every unit in print.pdf, in the list's order", all(p >= 0 for p in places) and places == sorted(places),
          f"positions {places}")
    first, wrong = 1, []
    for subject, count in zip(subjects, counts):
        if squash(subject) not in squash(pdftext(printed, first, first)):
            wrong.append((subject, first))
        first += count
    check(f"{name}: each form starts on a page of its own", not wrong, f"not on their first page: {wrong}")


def check_batch_pdf(env):
    name = "[2] batch --format pdf --print, 10 rows"
    rows = units(10)
    p, out = env.batch("key-project-2020", rows, "--format", "pdf", "--print")
    if not check(f"{name}: exit 0", p.returncode == 0, p.stderr[-800:]):
        return
    lines = manifest(out)
    files = [r[1] for r in lines]
    check(f"{name}: one manifest line a record, naming a PDF", len(lines) == 10 and all(
        r[0] == str(i + 1) and r[1].endswith(".pdf") and r[2] == "ok" for i, r in enumerate(lines)), str(lines))
    check(f"{name}: stdout names the manifest and print.pdf",
          p.stdout.split() == [str(out / "manifest.csv"), str(out / "print.pdf")], p.stdout)
    names = sorted(os.listdir(out))
    check(f"{name}: the folder holds the PDFs, the manifest and print.pdf only",
          names == sorted(files + ["manifest.csv", "print.pdf"]), str(names))
    pdfs = [out / f for f in files]
    bad = [f.name for f, r in zip(pdfs, rows)
           if not f.is_file() or r["organizer"] not in squash(pdftext(f)) or not is_a4(page_size(f))]
    check(f"{name}: each PDF is A4 and holds its unit", not bad, f"bad: {bad}")
    check_print(name, out / "print.pdf", pdfs, [r["organizer"] for r in rows])


def check_batch_all(env):
    name = "[3] batch --format all --print --zip, a list form"
    long = [{"reporter": "长表单位", "name": f"第{i + 1}号科研机构", "content": f"开放实验室参观第{i + 1}项",
             "address": f"郑州市金水区科学大道 {i + 1} 号", "contact": "张三"} for i in range(40)]
    rows = [{"reporter": "短表单位甲", "name": "甲研究所", "content": "开放日", "address": "郑州市", "contact": "李四"}] + long + \
           [{"reporter": "短表单位乙", "name": "乙研究所", "content": "开放日", "address": "开封市", "contact": "王五"}]
    p, out = env.batch("open-institution-2020", rows, "--format", "all", "--print", "--zip")
    if not check(f"{name}: exit 0", p.returncode == 0, p.stderr[-800:]):
        return
    lines = manifest(out)
    check(f"{name}: three lines a form: xlsx, docx, pdf", [Path(r[1]).suffix for r in lines] == [".xlsx", ".docx", ".pdf"] * 3
          and [r[0] for r in lines][::3] == ["1", "2-41", "42"], str([r[:2] for r in lines]))
    pdfs = [out / r[1] for r in lines if r[1].endswith(".pdf")]
    check(f"{name}: the 40-row form runs over pages", len(pdfs) == 3 and pdf_page_count(pdfs[1]) > 1,
          str([pdf_page_count(p) for p in pdfs]))
    check_print(name, out / "print.pdf", pdfs, ["短表单位甲", "长表单位", "短表单位乙"])
    with zipfile.ZipFile(out / "batch.zip") as z:
        members = z.namelist()
    check(f"{name}: the zip holds the forms, the manifest and print.pdf",
          members == [r[1] for r in lines] + ["manifest.csv", "print.pdf"], str(members))
    check(f"{name}: nothing staged left", not [n for n in os.listdir(out) if n.startswith(".")], str(os.listdir(out)))


def check_print_only(env):
    name = "[3b] batch --format xlsx --print"
    rows = units(3)
    p, out = env.batch("key-project-2020", rows, "--format", "xlsx", "--print")
    if not check(f"{name}: exit 0", p.returncode == 0, p.stderr[-800:]):
        return
    files = [r[1] for r in manifest(out)]
    check(f"{name}: the manifest names the XLSX only", [Path(f).suffix for f in files] == [".xlsx"] * 3, str(files))
    names = sorted(os.listdir(out))
    check(f"{name}: the folder keeps the XLSX, the manifest and print.pdf", names == sorted(files + ["manifest.csv", "print.pdf"]),
          str(names))
    printed = out / "print.pdf"
    check(f"{name}: print.pdf has a page a form", printed.is_file() and pdf_page_count(printed) == 3,
          str(pdf_page_count(printed)) if printed.is_file() else "missing")


# ---------------------------------------------------------------- check 4

def check_service(env):
    name = "[4] POST /api/render/key-project-2020?format=pdf"
    s = Server(env.gongwen, env.tmp, "serve")
    try:
        if not check(f"{name}: service ready", s.wait_ready(), s.log_text()[-500:]):
            return
        data = load_example("key-project")
        r = s.post_json("/api/render/key-project-2020?format=pdf", data)
        ok = check(f"{name}: 200 application/pdf", r.status == 200 and r.header("Content-Type") == "application/pdf"
                   and r.body.startswith(b"%PDF"), f"{r.status} {r.header('Content-Type')} {r.body[:300]!r}")
        if ok:
            pdf = env.fresh_dir("service") / "form.pdf"
            pdf.write_bytes(r.body)
            text = squash(pdftext(pdf))
            missing = [k for k, v in printed_values(load_template("key-project-2020"), data) if not shows(text, v)]
            check(f"{name}: every filled value in pdftotext", not missing, f"missing {missing}")
            check(f"{name}: named .pdf", ".pdf" in (r.header("Content-Disposition") or ""), r.header("Content-Disposition"))
        r = s.post_json("/api/render/key-project-2020?format=odt", data)
        check(f"{name}: format=odt is 400", r.status == 400, f"{r.status}")
    finally:
        s.stop()


# ---------------------------------------------------------------- check 5

def hidden(paths):
    """A shell prefix that, in a private mount namespace, puts /dev/null (not executable) over
    each of paths; None when this machine does not allow it."""
    unshare, sh, mount = shutil.which("unshare"), shutil.which("sh"), shutil.which("mount")
    if not (unshare and sh and mount):
        return None
    targets = sorted({os.path.realpath(c) for c in paths if os.path.exists(c)})
    binds = " && ".join(f"{mount} --bind /dev/null '{t}'" for t in targets) or "true"
    probe = subprocess.run([unshare, "-m", sh, "-c", binds + " && " + " && ".join(f"! test -x '{c}'" for c in paths)],
                           capture_output=True, text=True)
    return None if probe.returncode != 0 else (unshare, sh, binds)


def run_without(env, paths, tool, args):
    prefix = hidden(paths)
    if prefix is None:
        return None
    unshare, sh, binds = prefix
    nobin = env.fresh_dir(f"no-{tool}-bin")
    (nobin / tool).symlink_to(f"/nonexistent/{tool}")
    path = f"{nobin}:/usr/bin:/bin" if tool != "soffice" else str(nobin)
    return subprocess.run([unshare, "-m", sh, "-c", f'{binds} && PATH={path} exec "$@"', "sh", env.gongwen, *args],
                          capture_output=True, text=True, timeout=120, cwd=Path.cwd())


def check_unavailable(env):
    soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    pdfunite = ["/usr/bin/pdfunite", "/bin/pdfunite"]
    lst = env.fresh_dir("list") / "list.jsonl"
    lst.write_text(json.dumps(units(1)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    example = Path("examples/forms/key-project.json").resolve()
    cases = [
        ("render --format pdf without LibreOffice", soffice, "soffice", "LibreOffice",
         ["render", "key-project-2020", str(example), "--format", "pdf"]),
        ("batch --format pdf without LibreOffice", soffice, "soffice", "LibreOffice",
         ["batch", "key-project-2020", str(lst), "--format", "pdf"]),
        ("batch --print without pdfunite", pdfunite, "pdfunite", "pdfunite",
         ["batch", "key-project-2020", str(lst), "--format", "xlsx", "--print"]),
    ]
    for case, paths, tool, word, args in cases:
        name = f"[5] {case}"
        out = env.fresh_dir("x")
        p = run_without(env, paths, tool, args + ["--out", str(out)])
        if p is None:
            skip(name, "cannot hide the tool here (unshare -m + bind mount); would need uninstalling it")
            continue
        check(f"{name}: exit 69", p.returncode == 69, f"exit {p.returncode}, stderr {p.stderr!r}")
        check(f"{name}: message names {word}", word in p.stderr, p.stderr)
        check(f"{name}: nothing written", not os.listdir(out), str(os.listdir(out)))
    out = env.fresh_dir("x")
    p = env.run("render", "key-project-2020", "--format", "odt", "--out", str(out))
    check("[5] render --format odt: exit 64, nothing written", p.returncode == 64 and not os.listdir(out),
          f"exit {p.returncode}, {os.listdir(out)}")


# ---------------------------------------------------------------- main

def checks(env, args):
    templates = env.templates()
    check_unavailable(env)
    check_render(env, templates)
    check_batch_pdf(env)
    check_batch_all(env)
    check_print_only(env)
    check_service(env)


def main():
    ap = arguments(__doc__, keep="copy the forms, batches and PDFs to this directory")
    return run_checks(ap, "gongwen-check-forms-pdf-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
