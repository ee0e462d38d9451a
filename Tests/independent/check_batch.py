#!/usr/bin/env python3
"""Independent end-to-end check of `gongwen batch` (mail merge from a list).

The lists are made here with openpyxl, Python's csv module and its gbk codec, and
the results are read back only with openpyxl, python-docx and zipfile -- readers
nobody on the team wrote.

Checks:
 1. A 1,000-row XLSX list (made with openpyxl, Chinese labels as headings, a
    序号 column) gives 1,000 XLSX files named {row}-{organizer}, a manifest
    with one ok line per file, and a zip; 20 files spot-checked with openpyxl
    hold their row's values; two records of one unit get numbered names.
 2. A GBK CSV list (as Excel on Chinese Windows saves it) of a list form, with
    --format both: stderr names the encoding GB18030; consecutive records of
    one reporter make one form whose rows are all there (openpyxl and
    python-docx); the manifest has one line per file.
 3. Unsafe names (../../etc/passwd, CON, a/b, a\\b:c*?, a leading dot, a
    100-character unit and a 200-character venue) become safe names inside the
    output folder: no separators or characters Windows forbids, no leading dot,
    no device name, at most 255 bytes; nothing is written outside the folder.
 4. A list with three bad records is refused (exit 65) listing all three rows
    with key, Chinese label and rule; nothing at all is written.
 5. --keep-going writes the good records, marks the bad ones in the manifest
    (status invalid, with the problem), and exits 65.
 6. --zip: Python's zipfile opens batch.zip, testzip() finds no bad member, and
    it holds every file of the batch and the manifest.
 7. Exit codes: missing list 66, unknown template 64, bad --name 64, unknown
    column heading 65, malformed JSON Lines line 65 naming its line.
With --memory, also prints peak RSS for 1,000 and 10,000-record CSV lists.

Usage (from the repo root):
    python3 Tests/independent/check_batch.py --gongwen .build/debug/gongwen [--keep DIR] [--memory]
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile

import openpyxl

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, skip, xlsx_values

FORBIDDEN = set('/\\:*?"<>|')
DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


class Env(GongwenEnv):
    def batch(self, tid, lst, *args, out=None):
        out = out or (self.fresh_dir("batch") / "out")
        p = self.run("batch", tid, str(lst), "--out", str(out), *args, timeout=900)
        return p, out


def read_manifest(folder):
    raw = (folder / "manifest.csv").read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    return bom, rows[0] if rows else [], rows[1:]


def only_files(folder):
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- check 1

LABELS = ["序号", "项目名称", "主办单位", "举办地点", "联系电话", "电子邮箱", "邮政编码", "拟参加人数", "项目简介"]


def thousand_rows():
    rows = []
    for i in range(1, 1001):
        unit = "郑州大学" if i in (10, 990) else f"郑州市第{i}科技馆"
        rows.append([i, f"第{i}号科普项目（<&“引号”>）", unit, f"郑州市{i}号社区", f"0371-6718{i:04d}",
                     f"unit{i}@163.com", "450007", 100 + i, f"第{i}项活动简介：科普讲座、展览与互动体验。"])
    return rows


def check_thousand_xlsx(env):
    d = env.fresh_dir("xlsx-1000")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(LABELS)
    rows = thousand_rows()
    for r in rows:
        ws.append(r)
    lst = d / "list.xlsx"
    wb.save(lst)
    started = time.time()
    p, out = env.batch("key-project-2020", lst, "--format", "xlsx", "--zip")
    took = time.time() - started
    if not check("[1] 1,000-row XLSX: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr[-800:]!r}"):
        return
    print(f"1,000-row XLSX batch took {took:.1f}s")
    check("[1] stderr says it read the sheet", "XLSX" in p.stderr and "名单" in p.stderr, p.stderr[:300])
    expected = {}
    for i, r in enumerate(rows):
        row = i + 2
        name = f"{row}-{r[2]}.xlsx"
        if row == 991:  # the second 郑州大学
            name = f"{row}-郑州大学.xlsx"
        expected[row] = name
    names = only_files(out)
    xlsx = [n for n in names if n.endswith(".xlsx")]
    check("[1] 1,000 XLSX files", len(xlsx) == 1000, f"{len(xlsx)} files")
    check("[1] manifest.csv and batch.zip beside them", "manifest.csv" in names and "batch.zip" in names, str(names[:5]))
    check("[1] files named {row}-{organizer}", set(xlsx) == set(expected.values()),
          f"unexpected {sorted(set(xlsx) - set(expected.values()))[:5]}")
    bom, header, lines = read_manifest(out)
    check("[1] manifest is UTF-8 with BOM", bom)
    check("[1] manifest header", header == ["record", "file", "status", "message"], str(header))
    check("[1] manifest: 1,000 ok lines in row order",
          [(l[0], l[1], l[2]) for l in lines] == [(str(row), expected[row], "ok") for row in range(2, 1002)],
          str(lines[:3]))
    for i in range(0, 1000, 50):  # 20 spot checks
        row, r = i + 2, rows[i]
        try:
            cells = xlsx_values(out / expected[row])
        except Exception as e:
            check(f"[1] row {row}: openpyxl opens it", False, f"{type(e).__name__}: {e}")
            continue
        missing = [v for v in (r[1], r[2], r[3], r[4], r[5], r[6], r[8]) if v not in cells]
        check(f"[1] row {row}: text values exact", not missing, f"missing {missing}")
        check(f"[1] row {row}: 拟参加人数 is the number {r[7]}", any(c == r[7] and not isinstance(c, str) for c in cells),
              f"{r[7]} not a numeric cell")
    check_zip(out, "[1]")


def check_zip(out, tag):
    path = out / "batch.zip"
    if not check(f"{tag} batch.zip exists", path.is_file()):
        return
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            members = sorted(z.namelist())
            manifest_inside = z.read("manifest.csv") if "manifest.csv" in members else None
    except Exception as e:
        check(f"{tag} zipfile opens batch.zip", False, f"{type(e).__name__}: {e}")
        return
    check(f"{tag} zip testzip() finds no bad member", bad is None, str(bad))
    want = sorted(n for n in only_files(out) if n != "batch.zip")
    check(f"{tag} zip holds every file and the manifest", members == want,
          f"{len(members)} members, {len(want)} files; differ {sorted(set(members) ^ set(want))[:5]}")
    check(f"{tag} zip's manifest is the manifest", manifest_inside == (out / "manifest.csv").read_bytes())


# ---------------------------------------------------------------- check 2

def check_gbk_csv(env):
    d = env.fresh_dir("gbk")
    units = [("郑州市科学技术局", 3), ("新乡市科学技术协会", 1), ("濮阳市科学技术局", 4), ("郑州市科学技术局", 2)]
    rows, n = [], 0
    for unit, count in units:
        for k in range(count):
            n += 1
            rows.append([unit, f"第{n}号研究所", "5月22日至28日", f"实验室开放参观第{n}项", f"某路 {n} 号", "张三", f"0371-6718{n:04d}"])
    lst = d / "list.csv"
    with open(lst, "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["填报单位", "单位名称", "开放时间", "开放内容", "具体地址", "联系人", "联系方式"])
        w.writerows(rows)
    raw = lst.read_bytes()
    try:
        raw.decode("utf-8")
        check("[2] the list really is not UTF-8", False)
    except UnicodeDecodeError:
        pass
    p, out = env.batch("open-institution-2020", lst, "--format", "both")
    if not check("[2] GBK CSV: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr!r}"):
        return
    check("[2] stderr names the encoding GB18030", "GB18030" in p.stderr, p.stderr[:300])
    # consecutive records of one reporter make one form; the fourth group repeats the first unit
    groups = [(2, 4, "郑州市科学技术局"), (5, 5, "新乡市科学技术协会"), (6, 9, "濮阳市科学技术局"), (10, 11, "郑州市科学技术局")]
    want = []
    for first, last, unit in groups:
        stem = f"{first}-{unit}"
        want += [stem + ".xlsx", stem + ".docx"]
    check("[2] one XLSX and one DOCX per form", only_files(out) == sorted(want + ["manifest.csv"]), str(only_files(out)))
    _, _, lines = read_manifest(out)
    expect_lines = []
    for first, last, unit in groups:
        rec = str(first) if first == last else f"{first}-{last}"
        expect_lines += [[rec, f"{first}-{unit}.xlsx", "ok"], [rec, f"{first}-{unit}.docx", "ok"]]
    check("[2] manifest: one line per file, records as row ranges", [l[:3] for l in lines] == expect_lines, str(lines))
    for first, last, unit in groups:
        names = [r[1] for r in rows[first - 2:last - 1]]
        stem = f"{first}-{unit}"
        try:
            cells = xlsx_values(out / f"{stem}.xlsx")
            texts = docx_texts(out / f"{stem}.docx")
        except Exception as e:
            check(f"[2] {stem}: readers open it", False, f"{type(e).__name__}: {e}")
            continue
        check(f"[2] {stem}.xlsx: header line and every row", "填报单位（盖章）：" + unit in cells and all(n in cells for n in names),
              f"names {names}")
        check(f"[2] {stem}.docx: header line and every row", "填报单位（盖章）：" + unit in texts and all(n in texts for n in names),
              f"names {names}")


# ---------------------------------------------------------------- check 3

def check_unsafe_names(env):
    d = env.fresh_dir("unsafe")
    organizers = ["../../etc/passwd", "CON", "a/b", 'a\\b:c*d?e"f<g>h|i', ".hidden", "lpt1.txt", "科" * 100,
                  "郑州大学", "郑州大学"]
    lst = d / "list.jsonl"
    with open(lst, "w", encoding="utf-8") as f:
        for i, o in enumerate(organizers):
            f.write(json.dumps({"projectName": f"项目{i}", "organizer": o}, ensure_ascii=False) + "\n")
    parent = d / "parent"
    out = parent / "out"
    p, _ = env.batch("key-project-2020", lst, "--format", "docx", out=out)
    if not check("[3] unsafe names: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr!r}"):
        return
    check("[3] nothing written outside the output folder", only_files(parent) == ["out"] and sorted(os.listdir(d)) == ["list.jsonl", "parent"],
          f"{os.listdir(parent)} {os.listdir(d)}")
    names = only_files(out)
    check("[3] one file per record, plus the manifest", len(names) == len(organizers) + 1, str(names))
    check("[3] no sub-folders", all((out / n).is_file() for n in names))
    for n in names:
        stem = n.rsplit(".", 1)[0]
        ok = (not FORBIDDEN & set(n) and not n.startswith(".") and len(n.encode()) <= 255
              and stem.split(".")[0].upper() not in DEVICES and not any(ord(c) < 32 for c in n)
              and not stem.endswith((" ", ".")))
        check(f"[3] safe name {n[:40]!r}", ok, n)
    _, _, lines = read_manifest(out)
    by_row = {l[0]: l[1] for l in lines}
    check("[3] ../../etc/passwd", by_row.get("1") == "1-etc_passwd.docx", by_row.get("1"))
    check("[3] a/b", by_row.get("3") == "3-a_b.docx", by_row.get("3"))
    check("[3] 100-character unit name bounded", len(by_row.get("7", "").encode()) <= 200 and by_row.get("7", "").startswith("7-科科"),
          by_row.get("7"))
    check("[3] two records of one unit, both kept", by_row.get("8") == "8-郑州大学.docx" and by_row.get("9") == "9-郑州大学.docx",
          f"{by_row.get('8')} {by_row.get('9')}")
    # a 200-character venue through --name, and duplicate names numbered
    lst2 = d / "venues.csv"
    with open(lst2, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["projectName", "venue"])
        w.writerow(["甲", "河南省郑州市" * 33 + "金水"])  # 200 characters
        w.writerow(["乙", "同一地点"])
        w.writerow(["丙", "同一地点"])
    out2 = env.fresh_dir("venues") / "out"
    p, _ = env.batch("key-project-2020", lst2, "--format", "xlsx", "--name", "{venue}", out=out2)
    if check("[3] --name {venue}: exit 0", p.returncode == 0, f"exit {p.returncode}, stderr {p.stderr!r}"):
        names = only_files(out2)
        long = [n for n in names if n.startswith("河南省")]
        check("[3] 200-character venue bounded to a safe length", len(long) == 1 and len(long[0].encode()) <= 255, str(long))
        check("[3] duplicate names numbered", "同一地点.xlsx" in names and "同一地点-2.xlsx" in names, str(names))


# ---------------------------------------------------------------- check 4

BAD_LIST = [
    ["项目名称", "主办单位", "电子邮箱", "邮政编码", "拟参加人数"],
    ["甲项目", "郑州大学", "a@zzu.edu.cn", "450001", "30"],
    ["", "河南大学", "b@henu.edu.cn", "475001", "30"],        # row 3: projectName required
    ["丙项目", "新乡学院", "not-an-email", "453003", "30"],     # row 4: email
    ["丁项目", "濮阳学院", "d@pyu.edu.cn", "457000", "三十"],   # row 5: participants not a number
    ["戊项目", "郑州轻工业大学", "e@zzuli.edu.cn", "450002", "30"],
]
BAD_ROWS = [(3, "projectName", "项目名称", "required"), (4, "email", "电子邮箱", "email"),
            (5, "participants", "拟参加人数", "number")]


def write_bad_list(d):
    lst = d / "bad.csv"
    with open(lst, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(BAD_LIST)
    return lst


def check_three_bad(env):
    d = env.fresh_dir("bad")
    lst = write_bad_list(d)
    out = d / "out"
    p, _ = env.batch("key-project-2020", lst, "--format", "both", "--zip", out=out)
    check("[4] three bad records: exit 65", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
    for row, key, label, rule in BAD_ROWS:
        line = next((l for l in p.stderr.splitlines() if f"第 {row} 行" in l), "")
        check(f"[4] stderr lists row {row} with {key}, {label} and [{rule}]",
              key in line and label in line and f"[{rule}]" in line, f"line {line!r}")
    check("[4] the good rows are not listed as bad", "第 2 行" not in p.stderr and "第 6 行" not in p.stderr, p.stderr)
    check("[4] nothing written: no output folder", not out.exists(), str(list(out.iterdir())) if out.exists() else "")
    check("[4] nothing written beside the list", sorted(os.listdir(d)) == ["bad.csv"], str(os.listdir(d)))


# ---------------------------------------------------------------- check 5

def check_keep_going(env):
    d = env.fresh_dir("keep-going")
    lst = write_bad_list(d)
    p, out = env.batch("key-project-2020", lst, "--format", "xlsx", "--keep-going", "--zip")
    check("[5] --keep-going: exit 65 at the end", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
    want = ["2-郑州大学.xlsx", "6-郑州轻工业大学.xlsx"]
    check("[5] the good records are written", only_files(out) == sorted(want + ["batch.zip", "manifest.csv"]),
          str(only_files(out) if out.exists() else "no folder"))
    if not (out / "manifest.csv").is_file():
        return
    _, _, lines = read_manifest(out)
    check("[5] manifest: good ok, bad invalid, in row order",
          [l[:3] for l in lines] == [["2", want[0], "ok"], ["3", "", "invalid"], ["4", "", "invalid"],
                                     ["5", "", "invalid"], ["6", want[1], "ok"]], str(lines))
    for (row, key, label, rule), line in zip(BAD_ROWS, lines[1:4]):
        check(f"[5] manifest says why row {row} is bad", key in line[3] and label in line[3] and rule in line[3], str(line))
    for name, r in ((want[0], BAD_LIST[1]), (want[1], BAD_LIST[5])):
        cells = xlsx_values(out / name)
        check(f"[5] {name} holds its row", r[0] in cells and r[1] in cells and 30 in cells, str(cells[:8]))
    check_zip(out, "[6]")


# ---------------------------------------------------------------- check 7

def check_exit_codes(env):
    d = env.fresh_dir("codes")
    good = d / "good.csv"
    good.write_text("项目名称\n甲\n", encoding="utf-8")

    def expect(case, p, code, out, text=None):
        check(f"[7] {case}: exit {code}", p.returncode == code, f"exit {p.returncode}, stderr {p.stderr!r}")
        check(f"[7] {case}: nothing written", not out.exists(), str(list(out.iterdir())) if out.exists() else "")
        if text:
            check(f"[7] {case}: stderr says {text}", text in p.stderr, p.stderr)

    p, out = env.batch("key-project-2020", d / "missing.csv", "--format", "xlsx")
    expect("missing list", p, 66, out)
    p, out = env.batch("no-such-form", good, "--format", "xlsx")
    expect("unknown template", p, 64, out)
    p, out = env.batch("key-project-2020", good, "--format", "xlsx", "--name", "{row}-{organiser}")
    expect("bad --name", p, 64, out, "organiser")
    p, out = env.batch("key-project-2020", good, "--format", "odt")
    expect("--format odt", p, 64, out)
    unknown = d / "unknown.csv"
    unknown.write_text("项目名称,项目明称\n甲,乙\n", encoding="utf-8")
    p, out = env.batch("key-project-2020", unknown, "--format", "xlsx")
    expect("unknown column heading", p, 65, out, "项目明称")
    broken = d / "broken.jsonl"
    broken.write_text('{"projectName": "甲"}\n{"projectName": \n', encoding="utf-8")
    p, out = env.batch("key-project-2020", broken, "--format", "xlsx")
    expect("malformed JSON Lines line", p, 65, out, "第 2 行")
    import openpyxl
    formulas = d / "formulas.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称", "拟参加人数"])
    wb.active.append(["甲", "=1/0"])  # openpyxl stores the formula without a result
    wb.save(formulas)
    p, out = env.batch("key-project-2020", formulas, "--format", "xlsx")
    expect("an XLSX list with a formula and no result", p, 65, out, "B2")


# ---------------------------------------------------------------- memory (optional)

def check_memory(env):
    """Peak RSS of the batch alone, as GNU time reports it. Not wait4's ru_maxrss of our own
    child: on Linux a child started by posix_spawn or fork begins with its parent's peak (this
    interpreter's 55 MB), which would hide the batch's. time is small, so the peak its child
    inherits is far below any batch's."""
    if not os.access("/usr/bin/time", os.X_OK):
        skip("[m] peak memory flat from 1,000 to 10,000 records", "GNU time (/usr/bin/time) is not installed")
        return
    peaks = {}
    for n in (1000, 10000):
        d = env.fresh_dir(f"mem-{n}")
        lst = d / "list.csv"
        with open(lst, "w", encoding="gbk", newline="") as f:
            w = csv.writer(f)
            w.writerow(LABELS[1:])
            for i in range(n):
                w.writerow([f"第{i}号科普项目", f"郑州市第{i}科研单位", "郑州市中原区", "0371-67183769",
                            f"u{i}@163.com", "450007", 1000 + i, "活动以科技为主题。" * 20])
        started = time.time()
        report = d / "peak-kb"
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(report),
                            env.gongwen, "batch", "key-project-2020", str(lst), "--format", "xlsx", "--out", str(d / "out")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peaks[n] = int(report.read_text().split()[-1]) / 1024
        print(f"{n} records: exit {p.returncode}, {time.time() - started:.1f}s, peak RSS {peaks[n]:.1f} MB")
        shutil.rmtree(d)
    check("[m] peak memory flat from 1,000 to 10,000 records (within 10%)", peaks[10000] <= peaks[1000] * 1.10, str(peaks))


# ---------------------------------------------------------------- main

def checks(env, args):
    check_thousand_xlsx(env)
    check_gbk_csv(env)
    check_unsafe_names(env)
    check_three_bad(env)
    check_keep_going(env)
    check_exit_codes(env)
    if args.memory:
        check_memory(env)


def main():
    ap = arguments(__doc__, keep="copy all lists and outputs to this directory")
    ap.add_argument("--memory", action="store_true", help="also measure peak RSS for 1,000 and 10,000 records")
    return run_checks(ap, "gongwen-batch-check-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
