#!/usr/bin/env python3
"""Independent end-to-end check that bad JSON input never writes a file and never changes data silently.

The built binary is run on inputs that once came out wrong (a key given twice, numbers
rounded, a number for a text field rewritten, syntax errors without a place, a notice key
dropped); what it writes is read back only with openpyxl and python-docx.

Checks:
 1. Form data refused, each with exit 65, a message that names key, label and rule (or
    line and column), and nothing in the output folder: a key twice (at the top, in a row),
    one field nested and dotted, counts and amounts of more than 15 significant digits,
    numbers beyond what a cell holds, a lone surrogate, invalid UTF-8, a raw control byte,
    a syntax error three lines down, a trailing comma, single quotes, nesting 500 and
    100,000 deep.
 2. Form data accepted and read back exactly as written: 12.50, -0 and 1e30 given for text
    fields; a UTF-8 byte order mark before the data; amounts 12.50, 1e3 and 0.07 and a
    15-digit count, the same number in XLSX (openpyxl) and DOCX (python-docx).
 3. Notices: an unknown key (nte, colophon.copyto, body[0].txet), a key twice and a raw
    control byte refused with exit 65, path or place named, no file written; `$schema`
    accepted.
 4. Batches: a JSON Lines line with a key twice, with a key and a label of one field, with a
    syntax error, and a CSV count of 16 digits refused with exit 65 naming the line, and
    nothing written.

Usage (from the repo root):
    python3 Tests/independent/check_json_input.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import json
import sys
from decimal import Decimal
from pathlib import Path

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, xlsx_rows

KP, ST, OI = "key-project-2020", "statistics-2022", "open-institution-2021"
CENTRAL = "中央财政经费投入情况"


class Env(GongwenEnv):
    def write(self, stem, name, content):
        """`content` (bytes, or text written as UTF-8) as a file of its own."""
        path = self.fresh_dir(stem) / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def render_bytes(self, tid, content, fmt):
        src = self.write("data", "data.json", content)
        out = self.fresh_dir(f"{tid}-{fmt}")
        p = self.run("render", tid, str(src), "--format", fmt, "--out", str(out))
        lines = p.stdout.strip().splitlines()
        return p, out, Path(lines[-1]) if lines else None


def column(text, fragment, nth=1):
    """The column (characters from 1) where the nth `fragment` starts in one-line `text`."""
    at = -1
    for _ in range(nth):
        at = text.index(fragment, at + 1)
    return at + 1


def refused(name, p, out, words):
    check(f"{name}: exit 65", p.returncode == 65, f"exit {p.returncode}, stderr {p.stderr!r}")
    for word in words:
        check(f"{name}: names {word}", word in p.stderr, f"stderr {p.stderr!r}")
    left = sorted(x.name for x in out.iterdir()) if out.exists() else []
    check(f"{name}: nothing written", not left, f"left {left}")


# ---------------------------------------------------------------- check 1

def bad_form_inputs():
    dup = '{"projectName": "甲", "projectName": "乙"}'
    row = '{"reporter": "x", "rows": [{"name": "甲", "name": "乙"}]}'
    quoted_name = '"name"'
    syntax = '{\n  "projectName": "x",\n  "participants": 12x\n}'
    comma = '{"projectName": "x",}'
    digits200 = "9" * 200
    kp = lambda fragment: '{"projectName": "x", ' + fragment + "}"
    st = lambda fragment: '{"reporter": "x", ' + fragment + "}"
    return [
        ("a key twice", KP, dup, [f"第 1 行第 {column(dup, 'projectName', 2) - 1} 列", "projectName", "duplicate key"]),
        ("a key twice in a row", OI, row, [f"第 1 行第 {column(row, quoted_name, 2)} 列", "rows[0].name", "duplicate key"]),
        ("one field nested and dotted", ST, st('"funds": {"central": 1}, "funds.central": 2'),
         ["funds.central", CENTRAL, "[duplicate-key]"]),
        ("a count of 16 digits", KP, kp('"participants": 9007199254740993'), ["participants", "拟参加人数", "[precision]"]),
        ("a count of 40 digits", KP, kp('"participants": 1234567890123456789012345678901234567890'),
         ["participants", "拟参加人数", "[precision]"]),
        ("an amount of 30 digits", ST, st('"funds": {"central": 0.123456789012345678901234567890}'),
         ["funds.central", CENTRAL, "[precision]"]),
        ("a count of 1e308", KP, kp('"participants": 1e308'), ["participants", "拟参加人数", "[max-length]"]),
        ("a count of 200 digits", KP, kp(f'"participants": {digits200}'), ["participants", "拟参加人数", "[max-length]"]),
        ("an amount of 1e-130", ST, st('"funds": {"central": 1e-130}'), ["funds.central", CENTRAL, "[max-length]"]),
        ("a lone surrogate", KP, '{"projectName": "\\ud800"}', ["第 1 行第 18 列", "projectName", "lone surrogate"]),
        ("invalid UTF-8", KP, b'{"projectName": "\xe9\x83\xff"}', ["第 1 行第 18 列", "projectName", "UTF-8"]),
        ("a raw control byte", KP, b'{"projectName": "a\x07b"}', ["第 1 行第 19 列", "U+0007"]),
        ("a syntax error on line 3", KP, syntax, ["第 3 行第 21 列"]),
        ("a trailing comma", KP, comma, [f"第 1 行第 {column(comma, ',}')} 列", "trailing comma"]),
        ("single quotes", KP, "{'projectName': 'x'}", ["第 1 行第 2 列"]),
        ("nesting 500 deep", KP, "[" * 500 + "]" * 500, ["第 1 行第 65 列", "64"]),
        ("nesting 100,000 deep", KP, "[" * 100_000 + "]" * 100_000, ["第 1 行第 65 列", "64"]),
    ]


def check_bad_forms(env):
    for case, tid, content, words in bad_form_inputs():
        for fmt in ("xlsx", "docx"):
            p, out, _ = env.render_bytes(tid, content, fmt)
            refused(f"[1] {case} ({fmt})", p, out, words)


# ---------------------------------------------------------------- check 2

def value_after(cells, label):
    """The first value after `label` that is not the label again (merged cells repeat)."""
    at = cells.index(label)
    return next((c for c in cells[at + 1:] if c is not None and c != label), None)


def check_text_numbers(env):
    raw = '{"projectName": 12.50, "budget": 1e30, "organizer": -0, "venue": 0.10}'
    written = {"项目名称": "12.50", "投入经费": "1e30", "主办单位": "-0", "举办地点": "0.10"}
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render_bytes(KP, raw, fmt)
        if not check(f"[2] numbers for text fields ({fmt}): exit 0", p.returncode == 0, p.stderr):
            continue
        cells = [c for row in xlsx_rows(path)[1] for c in row] if fmt == "xlsx" else docx_texts(path)
        for label, text in written.items():
            found = value_after(cells, label) if label in cells else None
            check(f"[2] {label} keeps {text} ({fmt})", found == text, f"found {found!r}")


def check_byte_order_mark(env):
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render_bytes(KP, b"\xef\xbb\xbf" + '{"projectName": "郑州大学"}'.encode(), fmt)
        if check(f"[2] a byte order mark ({fmt}): exit 0", p.returncode == 0, p.stderr):
            cells = [c for row in xlsx_rows(path)[1] for c in row] if fmt == "xlsx" else docx_texts(path)
            check(f"[2] a byte order mark ({fmt}): the name read back", value_after(cells, "项目名称") == "郑州大学",
                  str(cells[:6]))


def check_amounts(env):
    amounts = {CENTRAL: "12.50", "省级、副省级财政经费投入情况": "1e3", "市级财政经费投入情况": "0.07"}
    keys = {CENTRAL: "central", "省级、副省级财政经费投入情况": "provincial", "市级财政经费投入情况": "municipal"}
    funds = ", ".join(f'"{keys[label]}": {text}' for label, text in amounts.items())
    raw = '{"reporter": "x", "activities": {"held": 123456789012345}, "funds": {' + funds + "}}"
    read = {}
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render_bytes(ST, raw, fmt)
        if not check(f"[2] amounts ({fmt}): exit 0", p.returncode == 0, p.stderr):
            return
        cells = [c for row in xlsx_rows(path)[1] for c in row] if fmt == "xlsx" else docx_texts(path)
        read[fmt] = {label: value_after(cells, label) for label in amounts}
        for label, text in amounts.items():
            value = read[fmt][label]
            # A cell holds a float; Python prints the shortest text that gives it back.
            check(f"[2] {label} {text} reads back equal ({fmt})",
                  value is not None and Decimal(str(value)) == Decimal(text), f"read {value!r}")
        held = [c for c in cells if c == 123456789012345 or c == "123456789012345"]
        check(f"[2] a count of 15 digits kept ({fmt})", held, str(cells))
    if len(read) == 2:
        for label in amounts:
            check(f"[2] {label}: XLSX and DOCX print the same number",
                  Decimal(str(read["xlsx"][label])) == Decimal(read["docx"][label]), f"{read['xlsx'][label]!r} / {read['docx'][label]!r}")


# ---------------------------------------------------------------- check 3

def check_notices(env):
    base = json.loads(Path("examples/notices/004.json").read_text(encoding="utf-8"))

    def changed(change):
        notice = json.loads(json.dumps(base))
        change(notice)
        return json.dumps(notice, ensure_ascii=False, indent=1)

    text = json.dumps(base, ensure_ascii=False, indent=1)
    date_line = text[:text.index('"date": "')].count("\n") + 1
    cases = [
        ("nte for note", changed(lambda n: n.__setitem__("nte", "主动公开")), ["nte", "[unknown-key]"]),
        ("copyto for copyTo", changed(lambda n: n["colophon"].__setitem__("copyto", ["甲"])),
         ["colophon.copyto", "版记", "[unknown-key]"]),
        ("txet in the body", changed(lambda n: n["body"][0].__setitem__("txet", "x")), ["body[0].txet", "正文", "[unknown-key]"]),
        ("a key twice", text.replace('"date": "', '"date": "2020-01-01", "date": "', 1), ["date", "duplicate key"]),
        ("a raw control byte", text.replace('"date": "', '"date": "\u0001', 1), [f"第 {date_line} 行第", "date", "U+0001"]),
    ]
    for case, content, words in cases:
        src = env.write("notice", "notice.json", content)
        out = env.fresh_dir("notice-out")
        p = env.run("notice", str(src), "--out", str(out))
        refused(f"[3] notice: {case}", p, out, words)
    src = env.write("notice", "notice.json", changed(lambda n: n.__setitem__("$schema", "../templates/schema/notice.schema.json")))
    out = env.fresh_dir("notice-out")
    p = env.run("notice", str(src), "--out", str(out))
    docs = sorted(out.glob("*.docx"))
    check("[3] notice with $schema: exit 0 and a DOCX", p.returncode == 0 and docs, p.stderr)
    if docs:
        title = base["title"] if isinstance(base["title"], str) else "".join(base["title"])
        check("[3] notice with $schema: the title read back", title in "".join(docx_texts(docs[0])), title)


# ---------------------------------------------------------------- check 4

def check_batches(env):
    good = '{"projectName": "甲", "organizer": "郑州大学"}'
    cases = [
        ("a key twice on line 2", "list.jsonl", good + '\n{"projectName": "乙", "projectName": "丙"}\n',
         ["第 2 行", "projectName", "duplicate key"]),
        ("a key and its label on line 2", "list.jsonl", good + '\n{"projectName": "乙", "项目名称": "丙"}\n',
         ["第 2 行", "projectName", "项目名称", "duplicate key"]),
        ("a syntax error on line 3", "list.jsonl", good + "\n\n" + '{"projectName": 12x}\n', ["第 3 行第 19 列"]),
        ("a CSV count of 16 digits", "list.csv", "项目名称,拟参加人数\n甲,9007199254740993\n",
         ["第 2 行", "participants", "[precision]"]),
    ]
    for case, name, content, words in cases:
        src = env.write("list", name, content)
        out = env.fresh_dir("batch") / "out"
        p = env.run("batch", KP, str(src), "--format", "xlsx", "--out", str(out))
        refused(f"[4] batch: {case}", p, out, words)


def checks(env, args):
    check_bad_forms(env)
    check_text_numbers(env)
    check_byte_order_mark(env)
    check_amounts(env)
    check_notices(env)
    check_batches(env)


def main():
    ap = arguments(__doc__, keep="copy all inputs and outputs to this directory")
    return run_checks(ap, "gongwen-json-input-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
