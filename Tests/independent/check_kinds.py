#!/usr/bin/env python3
"""Independent end-to-end check that a new kind of form is a new template file and nothing else.

The templates folder used here is the repository's with the two files of
Tests/NewKinds/forms added (a 科普教育基地申报表 grid with numbers and a unit, a
主要活动一览表 list with numeric columns): kinds no Swift source knows. What the
binary writes is read back only with openpyxl and python-docx.

Checks:
 1. `templates --json` lists both with their kind, formName, subject and totals
    as the files say or as the defaults make them.
 2. Each, blank and filled, as XLSX and DOCX: the title and every label are
    there, and every filled value (openpyxl, python-docx).
 3. `batch`: a CSV list of the list form (Chinese labels, 24 rows of 4 units)
    gives one form per unit named {row}-{reporter} holding that unit's rows; a
    JSON Lines list of the grid form gives files named {row}-{baseName}.
 4. `collect` over those batches: the 合计 row of summary.xlsx equals the
    Decimal sums computed here from the lists; the grid form also comes back as
    a sheet filled with the totals, and the list form does not.

Usage (from the repo root):
    python3 Tests/independent/check_kinds.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import csv
import json
import random
import shutil
import sys
from decimal import Decimal
from pathlib import Path

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, xlsx_values

NEW = Path("Tests/NewKinds/forms")
GRID, LIST = "science-base-2026", "activity-list-2026"


class Env(GongwenEnv):
    """Every command runs on the templates folder that holds the new kinds."""

    def __init__(self, gongwen, tmp):
        super().__init__(gongwen, tmp)
        self.root = self.tmp / "templates"
        shutil.copytree("templates", self.root)
        for f in NEW.glob("*.json"):
            shutil.copy(f, self.root / "forms" / f.name)

    def run(self, *args, timeout=300):
        return super().run(*args, "--templates", str(self.root), timeout=timeout)


def template(tid):
    return json.loads((NEW / f"{tid}.json").read_text(encoding="utf-8"))


BASE = {"baseName": "郑州市青少年科技馆", "recommender": "郑州市科学技术协会", "host": "郑州市教育局",
        "contact": "王敏", "phone": "0371-6788 1234", "area": 3200.5, "visitors": 86000,
        "funds": {"own": 12.35, "grant": 0.1}, "summary": "常设展区五个，年均开展活动 120 场。"}
ACTIVITIES = {"reporter": "新乡市科学技术局", "rows": [
    {"name": "科普大篷车进社区", "date": "5月20日", "venue": "牧野区", "participants": 300, "funds": 1.2},
    {"name": "院士报告会", "date": "5月22日", "venue": "新乡学院", "participants": 450, "funds": 0.35}]}


def check_listing(env):
    p = env.run("templates", "--json")
    listed = {t["id"]: t for t in json.loads(p.stdout)} if p.returncode == 0 else {}
    grid, lst = listed.get(GRID, {}), listed.get(LIST, {})
    check("[1] templates --json lists both new kinds", grid.get("form") == "science-base" and lst.get("form") == "activity-list",
          p.stderr or str(sorted(listed)))
    check("[1] formName as the files say", grid.get("formName") == "科普教育基地申报表" and lst.get("formName") == "主要活动一览表",
          f"{grid.get('formName')} / {lst.get('formName')}")
    check("[1] subject: the first required text field", grid.get("subject") == "baseName" and lst.get("subject") == "reporter",
          f"{grid.get('subject')} / {lst.get('subject')}")
    check("[1] totals: every count and amount field",
          grid.get("totals") == ["area", "visitors", "funds.own", "funds.grant"]
          and lst.get("totals") == ["rows[].participants", "rows[].funds"], f"{grid.get('totals')} / {lst.get('totals')}")


def flat_values(data):
    """The values of a data object as text, rows included, for finding them in a file."""
    out = []
    for k, v in data.items():
        if k == "rows":
            for row in v:
                out += flat_values(row)
        elif isinstance(v, dict):
            out += flat_values(v)
        else:
            out.append(v)
    return out


def check_render(env):
    for tid, data in [(GRID, BASE), (LIST, ACTIVITIES)]:
        t = template(tid)
        labels = [f["label"] for f in t["fields"] if f["key"] != t["header"]["field"]]
        for fmt in ["xlsx", "docx"]:
            for filled in [False, True]:
                what = f"[2] {tid} {'filled' if filled else 'blank'} {fmt}"
                p, _, path = env.render(tid, data if filled else None, fmt)
                if not check(f"{what}: written", p.returncode == 0 and path and path.exists(), p.stderr):
                    continue
                cells = xlsx_values(path) if fmt == "xlsx" else docx_texts(path)
                text = "\n".join(str(c) for c in cells)
                missing = [s for s in [t["title"]] + labels if s not in text.replace("\n", "")]
                check(f"{what}: title and every label", not missing, f"missing {missing}")
                if filled:
                    absent = [v for v in flat_values(data)
                              if not any(c == v or str(c) == str(v) for c in cells)
                              and str(v) not in text]
                    check(f"{what}: every value", not absent, f"missing {absent}")


def activity_list():
    """24 rows of 4 units, consecutive rows of one unit together, as a coordinator's list is."""
    rng = random.Random(9)
    units = ["新乡市科学技术局", "辉县市科协", "卫辉市科技局", "获嘉县科协"]
    rows = []
    for u in units:
        for i in range(6):
            rows.append([u, f"{u}第{i + 1}场活动", f"5月{20 + i}日", "活动中心",
                         rng.randint(10, 900), Decimal(rng.randint(0, 9999)) / 100])
    return units, rows


def check_batch_and_collect(env):
    units, rows = activity_list()
    folder = env.fresh_dir("activity-list")
    lst = folder / "list.csv"
    with open(lst, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["填报单位", "活动名称", "活动时间", "活动地点", "参与人数", "经费（万元）"])
        w.writerows(rows)
    out = folder / "out"
    p = env.run("batch", LIST, str(lst), "--format", "xlsx", "--out", str(out))
    check("[3] list form batch: exit 0", p.returncode == 0, p.stderr)
    first_rows = [2 + 6 * i for i in range(len(units))]
    expected = {f"{r}-{u}.xlsx" for r, u in zip(first_rows, units)}
    written = {f.name for f in out.glob("*.xlsx")}
    check("[3] one form per unit, named {row}-{reporter}", written == expected, f"{sorted(written)}")
    for r, u in zip(first_rows, units):
        path = out / f"{r}-{u}.xlsx"
        if path.exists():
            cells = xlsx_values(path)
            mine = [row[1] for row in rows if row[0] == u]
            check(f"[3] {path.name} holds its unit's {len(mine)} rows", all(n in cells for n in mine),
                  f"{[n for n in mine if n not in cells]}")

    p = env.run("collect", LIST, str(out), "--out", str(folder / "summary"))
    check("[4] collect the list forms: exit 0", p.returncode == 0, p.stderr)
    summary_file = folder / "summary" / "summary.xlsx"
    if check("[4] list summary written", summary_file.exists(), p.stderr):
        import openpyxl
        wb = openpyxl.load_workbook(summary_file)
        check("[4] a list form is not filled with totals", wb.sheetnames == ["汇总"], str(wb.sheetnames))
        ws = wb["汇总"]
        grid = [[c.value for c in row] for row in ws.iter_rows()]
        head = next((r for r in grid if "参与人数" in r), [])
        total = next((r for r in grid if "合计" in r), [])
        want_people = sum(r[4] for r in rows)
        want_funds = sum((r[5] for r in rows), Decimal(0))
        if check("[4] 合计 row present under the headings", head and total, str(grid[-2:])):
            people = total[head.index("参与人数")]
            funds = total[head.index("经费（万元）")]
            check("[4] 参与人数 total is the sum of the list", people == want_people, f"{people} vs {want_people}")
            check("[4] 经费 total is the Decimal sum of the list", Decimal(repr(funds)) == want_funds, f"{funds} vs {want_funds}")
            check("[4] the 合计 row counts the units", total[-1] == f"{len(units)} 个单位", str(total[-1]))

    bases = [dict(BASE, baseName=f"科普基地{i}", visitors=1000 * i, funds={"own": Decimal(i) / 10, "grant": 2})
             for i in range(1, 6)]
    folder = env.fresh_dir("science-base")
    lst = folder / "bases.jsonl"
    lst.write_text("".join(json.dumps(b, ensure_ascii=False, default=float) + "\n" for b in bases), encoding="utf-8")
    out = folder / "out"
    p = env.run("batch", GRID, str(lst), "--format", "xlsx", "--out", str(out))
    check("[3] grid form batch: exit 0", p.returncode == 0, p.stderr)
    written = sorted(f.name for f in out.glob("*.xlsx"))
    check("[3] files named {row}-{baseName}", written == sorted(f"{i}-科普基地{i}.xlsx" for i in range(1, 6)), str(written))
    p = env.run("collect", GRID, str(out), "--out", str(folder / "summary"))
    check("[4] collect the grid forms: exit 0", p.returncode == 0, p.stderr)
    summary_file = folder / "summary" / "summary.xlsx"
    if check("[4] grid summary written", summary_file.exists(), p.stderr):
        import openpyxl
        wb = openpyxl.load_workbook(summary_file)
        check("[4] the grid form comes back filled with the totals", wb.sheetnames == ["汇总", "2026年科普教育基地申报表"],
              str(wb.sheetnames))
        grid = [[c.value for c in row] for row in wb["汇总"].iter_rows()]
        total = next((r for r in grid if "合计" in r), [])
        # Grouped headings take two rows: a column's heading is in one of them.
        column = {v: i for r in grid[:grid.index(total) if total else 0] for i, v in enumerate(r) if isinstance(v, str)}
        if check("[4] grid 合计 row under its headings", total and "年接待人次" in column and "自筹经费" in column, str(grid[:4])):
            check("[4] 年接待人次 total", total[column["年接待人次"]] == 15000, str(total))
            check("[4] 自筹经费 total", Decimal(repr(total[column["自筹经费"]])) == Decimal("1.5"), str(total))
        if len(wb.sheetnames) > 1:
            form = [c.value for row in wb.worksheets[1].iter_rows() for c in row if c.value is not None]
            check("[4] the form sheet says what it sums", "推荐单位（盖章）：合计（5 个单位）" in form, str(form[:4]))
            check("[4] the form sheet holds the totals", 15000 in form and 10 in form, str(form))


def checks(env, args):
    check_listing(env)
    check_render(env)
    check_batch_and_collect(env)


def main():
    ap = arguments(__doc__, keep="copy all inputs and outputs to this directory")
    return run_checks(ap, "gongwen-kinds-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
