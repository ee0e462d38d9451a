#!/usr/bin/env python3
"""Independent end-to-end check of `gongwen batch --shard K/N` (one batch on N machines).

The list is made here with Python's csv module; the outputs are read back only with
openpyxl, python-docx, csv and zipfile -- readers nobody on the team wrote.

Checks:
 1. A 20-row CSV list (Chinese labels; one unit met in rows 3, 12 and 21, so its
    names are numbered across parts; a bad e-mail in row 9) with --format both,
    --name {organizer}, --keep-going and --zip, run whole, then as N = 3 shards
    in three processes at once, each into its own folder (three machines):
    - the parts' files are disjoint and their union is the whole batch's files,
      each equal by content (openpyxl cell values, python-docx texts);
    - `cat manifest-*.csv` (sorted, as a shell globs) is byte for byte the
      whole batch's manifest.csv: the BOM and header once, rows in row order;
    - each part's batch-K-of-3.zip opens, testzip() finds no bad member, and it
      holds that part's files and manifest;
    - the part holding row 9 exits 65, the others 0 (the whole batch exits 65).
 2. The same three processes into one shared folder: no file clashes, and the
    folder holds the whole batch's files.
 3. Without --keep-going, a part whose own rows are all good still stops
    (exit 65) and writes nothing: every part checks the whole list.
 4. More parts than forms (N = 5 over 3 rows): the empty parts exit 0 and the
    manifests still concatenate to the whole one.
 6. --print with --shard: 7 good rows as 3 parts into one folder write print-1-of-3.pdf …
    print-3-of-3.pdf; joined in part order with pdfunite they have the pages of the whole
    batch's print.pdf, in the same order (pdftotext, page by page); each part's zip holds its own.
 5. Bad --shard values (0/3, 4/3, 1/0, a/b, 3, 1/3/5) exit 64 naming --shard
    and the rule 1 ≤ K ≤ N, and write nothing.

Usage (from the repo root):
    python3 Tests/independent/check_shard.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import csv
import shutil
import subprocess
import sys
import zipfile

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, skip, xlsx_values

LABELS = ["项目名称", "主办单位", "举办地点", "联系电话", "电子邮箱", "邮政编码", "拟参加人数"]
BAD_ROW = 9  # the row, counting the header as 1, with a bad e-mail


def write_list(path, count):
    rows = []
    for i in range(1, count + 1):
        row = i + 1
        unit = "郑州大学" if row in (3, 12, 21) else f"郑州市第{i}科技馆"
        email = "not-an-email" if row == BAD_ROW else f"unit{i}@163.com"
        rows.append([f"第{i}号科普项目", unit, f"郑州市{i}号社区", f"0371-6718{i:04d}", email, "450007", 100 + i])
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(LABELS)
        w.writerows(rows)


class Env(GongwenEnv):
    def args(self, lst, out, *extra):
        return [self.gongwen, "batch", "key-project-2020", str(lst), "--out", str(out), *extra]

    def parts(self, lst, outs, count, *extra):
        """Runs the N parts as N processes at once; returns them finished, in part order."""
        procs = [subprocess.Popen(self.args(lst, outs[k - 1], "--shard", f"{k}/{count}", *extra),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for k in range(1, count + 1)]
        for p in procs:
            p.out, p.err = p.communicate(timeout=600)
        return procs


OPTIONS = ("--format", "both", "--name", "{organizer}", "--keep-going", "--zip", "--jobs", "1")


def forms(folder):
    """The forms in folder; none when a run wrote no folder at all."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if p.suffix in (".xlsx", ".docx")}


def content(path):
    return xlsx_values(path) if path.suffix == ".xlsx" else docx_texts(path)


def joined_manifests(folders, count):
    """The parts' manifests in the order a shell's sorted `manifest-*.csv` lists them."""
    files = sorted((f for d in folders for f in d.glob("manifest-*-of-*.csv")), key=lambda f: f.name)
    check(f"N={count}: one manifest per part", len(files) == count, str([f.name for f in files]))
    return b"".join(f.read_bytes() for f in files)


def check_three_machines(env):
    d = env.fresh_dir("shard-3")
    lst = d / "list.csv"
    write_list(lst, 20)
    whole = d / "whole"
    p = subprocess.run(env.args(lst, whole, *OPTIONS), capture_output=True, text=True, timeout=600)
    check("[1] whole batch exits 65 (row 9 is bad)", p.returncode == 65, f"exit {p.returncode}: {p.stderr[-400:]}")
    expected = forms(whole)
    check("[1] whole batch: 19 forms × 2 formats", len(expected) == 38, str(sorted(expected)))
    check("[1] 郑州大学 numbered across the list", {"郑州大学.xlsx", "郑州大学-2.xlsx", "郑州大学-3.xlsx"} <= expected,
          str(sorted(expected)))

    outs = [d / f"machine-{k}" for k in (1, 2, 3)]
    procs = env.parts(lst, outs, 3, *OPTIONS)
    # 20 forms in parts 0..<6 (rows 2–7), 6..<13 (rows 8–14), 13..<20 (rows 15–21).
    check("[1] exit codes: only the part with row 9 exits 65", [p.returncode for p in procs] == [0, 65, 0],
          " | ".join(f"{p.returncode}: {p.err[-300:]}" for p in procs))
    check("[1] part 2 names row 9 as bad", f"第 {BAD_ROW} 行" in procs[1].err, procs[1].err[-400:])
    check("[1] parts 1 and 3 name no bad row", "第 9 行" not in procs[0].err + procs[2].err, procs[0].err + procs[2].err)
    parts = [forms(o) for o in outs]
    check("[1] parts are disjoint", all(not (parts[i] & parts[j]) for i in range(3) for j in range(i + 1, 3)),
          str([sorted(x) for x in parts]))
    check("[1] union of the parts = the whole batch's files", set().union(*parts) == expected,
          f"missing {sorted(expected - set().union(*parts))}, extra {sorted(set().union(*parts) - expected)}")
    check("[1] 郑州大学-3 is written by part 3", "郑州大学-3.xlsx" in parts[2], str(sorted(parts[2])))
    different = [f"{o.name}/{n}" for o, names in zip(outs, parts) for n in sorted(names)
                 if content(o / n) != content(whole / n)]
    check("[1] every part's file = the whole batch's by content (openpyxl, python-docx)", not different, str(different))
    wanted = (whole / "manifest.csv").read_bytes()
    joined = joined_manifests(outs, 3)
    check("[1] cat manifest-*.csv = manifest.csv, byte for byte", joined == wanted,
          f"joined {joined[:200]!r}… whole {wanted[:200]!r}…")
    rows = list(csv.reader(joined.decode("utf-8-sig").splitlines())) or [[]]
    check("[1] header once, first", rows[0] == ["record", "file", "status", "message"]
          and rows.count(rows[0]) == 1, str(rows[:2]))
    records = [int(r[0]) for r in rows[1:] if r and r[0].isdigit()]
    check("[1] manifest rows in row order, each row of the list", sorted(set(records)) == list(range(2, 22))
          and records == sorted(records), str(records))
    check("[1] row 9 marked invalid", any(r[0] == "9" and r[2] == "invalid" for r in rows[1:]), str(rows))
    for k, o in enumerate(outs, 1):
        manifest = f"manifest-{k}-of-3.csv"
        head = (o / manifest).read_bytes()[:10] if (o / manifest).is_file() else None
        check(f"[1] part {k}: header only in part 1", head is not None and head.startswith(b"\xef\xbb\xbfrecord,") == (k == 1),
              repr(head))
        path = o / f"batch-{k}-of-3.zip"
        if not check(f"[1] part {k}: batch-{k}-of-3.zip", path.is_file(), str(sorted(forms(o)))):
            continue
        with zipfile.ZipFile(path) as z:
            check(f"[1] part {k}: zip testzip() finds no bad member", z.testzip() is None)
            check(f"[1] part {k}: zip holds its files and manifest", set(z.namelist()) == parts[k - 1] | {manifest},
                  str(sorted(z.namelist())))
            check(f"[1] part {k}: zip's manifest = the folder's", z.read(manifest) == (o / manifest).read_bytes())

    shared = d / "shared"
    procs = env.parts(lst, [shared] * 3, 3, *OPTIONS)
    check("[2] shared folder: exit codes 0, 65, 0", [p.returncode for p in procs] == [0, 65, 0],
          " | ".join(p.err[-300:] for p in procs))
    check("[2] shared folder holds the whole batch's files", forms(shared) == expected,
          f"missing {sorted(expected - forms(shared))}, extra {sorted(forms(shared) - expected)}")
    check("[2] shared folder: cat manifest-*.csv = manifest.csv", joined_manifests([shared], 3) == wanted)
    check("[2] shared folder: three zips", sorted(x.name for x in shared.glob("batch-*.zip"))
          == [f"batch-{k}-of-3.zip" for k in (1, 2, 3)])

    strict = d / "strict"
    p = subprocess.run(env.args(lst, strict, "--format", "xlsx", "--shard", "1/3"), capture_output=True, text=True)
    check("[3] without --keep-going, part 1 stops on row 9 of part 2 (exit 65)", p.returncode == 65
          and "第 9 行" in p.stderr, f"exit {p.returncode}: {p.stderr[-400:]}")
    check("[3] … and writes nothing", not strict.exists())


def check_more_parts_than_forms(env):
    d = env.fresh_dir("shard-5-of-3")
    lst = d / "list.csv"
    write_list(lst, 3)  # rows 2–4, all good
    whole = d / "whole"
    p = subprocess.run(env.args(lst, whole, "--format", "xlsx"), capture_output=True, text=True)
    check("[4] whole batch of 3 rows exits 0", p.returncode == 0, p.stderr[-300:])
    outs = [d / f"machine-{k}" for k in range(1, 6)]
    procs = env.parts(lst, outs, 5, "--format", "xlsx")
    check("[4] five parts of three forms all exit 0", all(p.returncode == 0 for p in procs),
          " | ".join(f"{p.returncode}: {p.err[-200:]}" for p in procs))
    check("[4] two parts are empty", sum(1 for o in outs if not forms(o)) == 2, str([sorted(forms(o)) for o in outs]))
    check("[4] union of the parts = the whole batch", set().union(*map(forms, outs)) == forms(whole))
    check("[4] cat manifest-*.csv = manifest.csv", joined_manifests(outs, 5) == (whole / "manifest.csv").read_bytes())


def page_texts(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [page.strip() for page in text.split("\f") if page.strip()]


def check_print_parts(env):
    if not shutil.which("soffice") or not shutil.which("pdfunite"):
        skip("[6] --print with --shard", "LibreOffice or pdfunite is not installed")
        return
    d = env.fresh_dir("shard-print")
    lst = d / "list.csv"
    write_list(lst, 7)  # rows 2–8, all good
    whole = d / "whole"
    p = subprocess.run(env.args(lst, whole, "--format", "xlsx", "--print"), capture_output=True, text=True)
    check("[6] whole batch with --print exits 0", p.returncode == 0, p.stderr[-300:])
    shared = d / "shared"
    procs = env.parts(lst, [shared] * 3, 3, "--format", "xlsx", "--print", "--zip")
    check("[6] three parts with --print exit 0", all(p.returncode == 0 for p in procs),
          " | ".join(f"{p.returncode}: {p.err[-200:]}" for p in procs))
    names = [f"print-{k}-of-3.pdf" for k in range(1, 4)]
    check("[6] each part writes print-K-of-3.pdf, none print.pdf",
          all((shared / n).exists() for n in names) and not (shared / "print.pdf").exists(),
          str(sorted(x.name for x in shared.glob("*.pdf"))))
    if not all((shared / n).exists() for n in names) or not (whole / "print.pdf").exists():
        return
    joined = d / "joined.pdf"
    subprocess.run(["pdfunite", *[str(shared / n) for n in names], str(joined)], check=True)
    whole_pages, joined_pages = page_texts(whole / "print.pdf"), page_texts(joined)
    check("[6] the parts' print files joined = the whole print.pdf, page by page",
          whole_pages == joined_pages and len(whole_pages) == 7, f"{len(joined_pages)} pages vs {len(whole_pages)}")
    members = [zipfile.ZipFile(shared / f"batch-{k}-of-3.zip").namelist() for k in range(1, 4)]
    check("[6] each part's zip holds its own print file", all(f"print-{k}-of-3.pdf" in m for k, m in zip(range(1, 4), members)),
          str(members))


def check_bad_values(env):
    d = env.fresh_dir("shard-bad")
    lst = d / "list.csv"
    write_list(lst, 3)
    for value in ["0/3", "4/3", "1/0", "a/b", "3", "1/3/5"]:
        out = d / "out"
        p = subprocess.run(env.args(lst, out, "--format", "xlsx", "--shard", value), capture_output=True, text=True)
        check(f"[5] --shard {value}: exit 64", p.returncode == 64, f"exit {p.returncode}: {p.stderr[-300:]}")
        check(f"[5] --shard {value}: names the option and the rule", "--shard" in p.stderr and "1 ≤ K ≤ N" in p.stderr,
              p.stderr[-300:])
        check(f"[5] --shard {value}: writes nothing", not out.exists())


def checks(env, args):
    check_three_machines(env)
    check_more_parts_than_forms(env)
    check_print_parts(env)
    check_bad_values(env)


def main():
    ap = arguments(__doc__, keep="copy the list and every part's output to this directory")
    return run_checks(ap, "gongwen-shard-check-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
