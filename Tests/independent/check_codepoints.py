#!/usr/bin/env python3
"""Independent end-to-end check that text goes through gongwen code point by code point.

A Character (grapheme cluster) hides the code points after its first: `&` followed by a
combining mark is one Character that is not `&`, and `/` followed by one is not `/`.
What the binary writes is read back only with openpyxl, python-docx, Python's csv and
zipfile modules, and compared code point by code point (Python strings are code points).

Checks:
 1. Every template filled with awkward values (& < > " ' each followed by U+0301, ]]>,
    U+202E, ZWJ emoji sequences, CJK Extension B, U+2028/U+2029, NBSP, full-width
    digits), as XLSX and DOCX: exit 0, the reader opens the file, and every printed
    value reads back equal to what went in. (Characters XML 1.0 cannot carry are
    refused by validation, and stay out of this check.)
 2. `render` of every template whose subject is full of / \\ : * ? " < > | each
    followed by U+0301, and a U+202E: exit 0, one file, inside the output folder, its
    name free of those characters, of bidi controls and of a leading mark, NFC and at
    most 255 bytes, and the subject inside it unchanged.
 3. `batch --keep-going --zip` of such records, as XLSX and DOCX: exit 0, every form
    written inside the output folder and nothing outside it, the names safe as in 2,
    a manifest (read with csv) with one ok line per file, and the zip holding them all.
 4. A bad record whose unknown key holds a quote followed by U+0301 and a comma: the
    manifest line that reports it has its four fields, the key in the message intact.

Usage (from the repo root):
    python3 Tests/independent/check_codepoints.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import json
import os
import sys
import unicodedata
import zipfile

from check_batch import read_manifest
from check_forms import docx_has, expected_values, read_docx, xlsx_has
from harness import GongwenEnv, arguments, check, load_template, run_checks, xlsx_rows

MARK = "\u0301"
AWKWARD = [
    f"A&{MARK}B <{MARK}tag>{MARK}",
    f"\"{MARK}引号'{MARK}撇号",
    "结束]]>标记",
    "科普周\u202eexe.xlsx",
    "家庭\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466与\U0001F469\U0001F3FD\u200d\U0001F52C",
    "\U00020000\U00020BB7\U0002A6A5研究所",
    "第一行\u2028第二行\u2029第三段",
    "郑州\u00a0大学",
    "１２３４５６７８",
]
UNSAFE = '/\\:*?"<>|'
# Every unsafe character with a mark after it, one to start with, and an override before
# an extension: what the hostile tester typed as a project or unit name.
SUBJECT = f"/{MARK}" + "".join(f"项目{c}{MARK}" for c in UNSAFE) + "单位\u202eexe.xlsx"
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def awkward_data(tpl):
    """Every text field of the template, a row's twice, filled with an awkward value in turn."""
    data, rows, n = {}, [{}, {}], 0
    for field in tpl["fields"]:
        if field["type"] not in ("text", "multiline"):
            continue
        key = field["key"]
        if key.startswith("rows[]."):
            for row in rows:
                row[key[len("rows[]."):]] = AWKWARD[n % len(AWKWARD)]
                n += 1
        else:
            target = data
            *parents, last = key.split(".")
            for part in parents:
                target = target.setdefault(part, {})
            target[last] = AWKWARD[n % len(AWKWARD)]
            n += 1
    if any(rows):
        data["rows"] = rows
    return data


def opened(name, path, fmt):
    """What the file says, read by openpyxl or python-docx: whether a value is in a cell of
    its own, and every text; None, recorded as a failure, when the reader refuses the file."""
    try:
        if fmt == "xlsx":
            _, rows = xlsx_rows(path)
            found = (lambda v: xlsx_has(rows, v)), [c for r in rows for c in r if isinstance(c, str)]
        else:
            paras, tables = read_docx(path)
            found = (lambda v: docx_has(tables, v)), paras + [c for t in tables for r in t for c in r]
    except Exception as e:  # the reader refusing the file is the finding
        check(f"{name}: the reader opens it", False, f"{type(e).__name__}: {e}")
        return None
    check(f"{name}: the reader opens it", True)
    return found


def check_awkward_values(env, templates):
    for listed in templates:
        tid = listed["id"]
        tpl = load_template(tid)
        data = awkward_data(tpl)
        for fmt in ("xlsx", "docx"):
            name = f"[1] {tid} {fmt}"
            p, _, path = env.render(tid, data, fmt)
            if not check(f"{name}: render", p.returncode == 0 and path and path.is_file(), p.stderr):
                continue
            read = opened(name, path, fmt)
            if not read:
                continue
            has, texts = read
            header = tpl.get("header", {})
            for key, v in expected_values(tpl, data):
                if key == header.get("field"):
                    check(f"{name}: header {key} equal", header["text"] + v in texts, f"{v!r} not found")
                else:
                    check(f"{name}: {key} equal", has(v), f"{v!r} not found")


def safe_name_problems(name, folder):
    """What is wrong with a file name gongwen wrote in `folder`; empty when nothing."""
    problems = [f"holds {c!r}" for c in UNSAFE if c in name]
    problems += [f"holds U+{ord(c):04X}" for c in BIDI if c in name]
    if unicodedata.category(name[0]).startswith("M"):
        problems.append("starts with a mark")
    if not unicodedata.is_normalized("NFC", name):
        problems.append("not NFC")
    if len(name.encode("utf-8")) > 255:
        problems.append("longer than 255 bytes")
    stem = name.rsplit(".", 1)[0]
    if stem.endswith((".", " ")):
        problems.append("stem ends in a dot or space")
    if os.path.dirname(os.path.realpath(folder / name)) != os.path.realpath(folder):
        problems.append("outside the folder")
    return problems


def check_render_names(env, templates):
    for listed in templates:
        tid, subject = listed["id"], listed["subject"]
        tpl = load_template(tid)
        data = {subject: SUBJECT}
        if tpl["layout"]["type"] == "list":
            data["rows"] = [{"name": "郑州大学"}]
        for fmt in ("xlsx", "docx"):
            name = f"[2] render {tid} {fmt}"
            p, out, path = env.render(tid, data, fmt)
            if not check(f"{name}: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr!r}"):
                continue
            written = os.listdir(out)
            check(f"{name}: one file, the one it printed", written == [path.name], f"{written} vs {path}")
            check(f"{name}: a safe name", not safe_name_problems(path.name, out),
                  f"{path.name!r}: {safe_name_problems(path.name, out)}")
            read = opened(name, path, fmt)
            if not read:
                continue
            has, texts = read
            header = tpl.get("header", {})
            kept = header["text"] + SUBJECT in texts if subject == header.get("field") else has(SUBJECT)
            check(f"{name}: the subject inside is unchanged", kept, f"{SUBJECT!r} not found")


def check_batch_names(env):
    organizers = [f"{c}{MARK}单位{c}{MARK}甲" for c in UNSAFE] + ["郑州\u202eexe.xlsx", f"CON{MARK}", "CON\u202e"]
    folder = env.fresh_dir("batch")
    lst = folder / "list.jsonl"
    lst.write_text("".join(json.dumps({"projectName": f"项目{i}", "organizer": o}, ensure_ascii=False) + "\n"
                           for i, o in enumerate(organizers)), encoding="utf-8")
    out = folder / "out"
    p = env.run("batch", "key-project-2020", str(lst), "--format", "both", "--keep-going", "--zip", "--out", str(out),
                timeout=600)
    check("[3] batch --keep-going: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr!r}")
    check("[3] nothing written outside the output folder", sorted(os.listdir(folder)) == ["list.jsonl", "out"],
          str(os.listdir(folder)))
    if not out.is_dir():
        return
    entries = sorted(os.listdir(out))
    forms = [e for e in entries if e not in ("manifest.csv", "batch.zip")]
    check("[3] every form, as XLSX and DOCX, and the manifest and zip",
          len(forms) == 2 * len(organizers) and "manifest.csv" in entries and "batch.zip" in entries, str(entries))
    check("[3] only files in the folder", all((out / e).is_file() for e in entries), str(entries))
    bad = {f: safe_name_problems(f, out) for f in forms if safe_name_problems(f, out)}
    check("[3] every name safe", not bad, str(bad))
    if "manifest.csv" in entries:
        _, header, lines = read_manifest(out)
        check("[3] manifest: one ok line per file", sorted(l[1] for l in lines if l[2] == "ok") == sorted(forms)
              and len(lines) == len(forms), str(lines))
    if "batch.zip" in entries:
        with zipfile.ZipFile(out / "batch.zip") as z:
            check("[3] the zip holds every form and the manifest", sorted(z.namelist()) == sorted(forms + ["manifest.csv"]),
                  str(z.namelist()))
            check("[3] every member of the zip reads back", z.testzip() is None)


def check_manifest_quotes(env):
    key = f'备注"{MARK},其他'
    folder = env.fresh_dir("manifest")
    lst = folder / "list.jsonl"
    lst.write_text(json.dumps({"projectName": "甲", "organizer": "乙"}, ensure_ascii=False) + "\n"
                   + json.dumps({"projectName": "丙", key: "1"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = folder / "out"
    p = env.run("batch", "key-project-2020", str(lst), "--format", "xlsx", "--keep-going", "--out", str(out))
    check("[4] a bad record under --keep-going: exit 65", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
    if check("[4] the manifest is written", (out / "manifest.csv").is_file(), p.stderr):
        _, header, lines = read_manifest(out)
        check("[4] every manifest line has four fields", all(len(l) == len(header) for l in lines), str(lines))
        bad = [l for l in lines if l[2:3] == ["invalid"]]
        check("[4] the key is intact in the message", len(bad) == 1 and bad[0][3].startswith(key), str(bad))


def checks(env, args):
    templates = env.templates()
    check_awkward_values(env, templates)
    check_render_names(env, templates)
    check_batch_names(env)
    check_manifest_quotes(env)


def main():
    ap = arguments(__doc__, keep="copy all inputs and outputs to this directory")
    return run_checks(ap, "gongwen-codepoints-", GongwenEnv, checks)


if __name__ == "__main__":
    sys.exit(main())
