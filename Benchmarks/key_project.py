"""The key-project-2020 form as a Python user would fill it, shared by the three tool scripts.

The layout is written out by hand, the way someone scripting this one form would, and it is
the same sheet Gongwen writes: title over the four columns, label | value | label | value,
full-width rows for the project name, participants and summary, fonts 方正小标宋简体 18 pt
and 仿宋_GB2312 12 pt, thin borders, wrapped text, rows grown to fit their text.

Each script calls `run(fill, tool, version)`: fill(values, path) once per document, after a warm-up, then one
JSON line on standard output with the seconds per document (see `run`).
"""
import json
import os
import math
import statistics
import sys
import time

TITLE = "2020 年科技活动周重点项目（活动）备案表"
TEMPLATE_ID = "key-project-2020"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
TITLE_SIZE = 18
BODY_SIZE = 12
WIDTHS = [14, 26, 14, 26]
MARGINS_MM = {"top": 25, "bottom": 20, "left": 20, "right": 20}
FOOTER = "&C第 &P 页，共 &N 页"

# Table rows: (height in points, [(label text, key, value's last column)]); a pair's label sits
# in the column before its value, the value starts at column 1 or 3.
ROWS = [
    (36, [("项目名称", "projectName", 3)]),
    (36, [("主办单位", "organizer", 1), ("主管部门", "supervisor", 3)]),
    (36, [("举办地点", "venue", 1), ("举办时间", "period", 3)]),
    (36, [("项目负责人", "leader", 1), ("联系人", "contact", 3)]),
    (36, [("地址", "address", 1), ("邮政编码", "postcode", 3)]),
    (36, [("联系电话", "phone", 1), ("传真", "fax", 3)]),
    (36, [("电子邮箱", "email", 1), ("投入经费", "budget", 3)]),
    (36, [("拟参加人数", "participants", 3)]),
    (320, [("项目简介（500字内）", "summary", 3)]),
]

# key: (label, kind, max length, required)
FIELDS = {
    "projectName": ("项目名称", "text", 100, True),
    "organizer": ("主办单位", "text", 100, False),
    "supervisor": ("主管部门", "text", 100, False),
    "venue": ("举办地点", "text", 200, False),
    "period": ("举办时间", "text", 100, False),
    "leader": ("项目负责人", "text", 50, False),
    "contact": ("联系人", "text", 50, False),
    "address": ("地址", "text", 200, False),
    "postcode": ("邮政编码", "postcode", 0, False),
    "phone": ("联系电话", "phone", 100, False),
    "fax": ("传真", "phone", 100, False),
    "email": ("电子邮箱", "email", 0, False),
    "budget": ("投入经费", "text", 50, False),
    "participants": ("拟参加人数", "count", 0, False),
    "summary": ("项目简介", "multiline", 500, False),
}
SUMMARY_HINT = "（主要活动内容、方式、参加人员、宣传方式）"


def cells():
    """Every table cell: (row, first column, last column, text key or None, label text)."""
    for r, (_, pairs) in enumerate(ROWS):
        for label, key, last in pairs:
            first = 1 if last == 1 or len(pairs) == 1 else 3
            yield r, first - 1, first - 1, None, label
            yield r, first, last, key, label


def text_of(values, key):
    value = values.get(key)
    return SUMMARY_HINT if value is None and key == "summary" else ("" if value is None else str(value))


def text_height(text, width, size, stacked=False):
    """Points that show every line of `text`: East-Asian characters count two units."""
    if stacked:
        lines = len(text)
    else:
        usable = max(1, width - 1)
        lines = sum(max(1, math.ceil(sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line) * size / 11 / usable))
                    for line in text.split("\n"))
    return lines * size * 1.3 + 8


def row_heights(values):
    heights = [h for h, _ in ROWS]
    for r, first, last, key, label in cells():
        text = label if key is None else text_of(values, key)
        stacked = key is None and label.startswith("项目简介")
        heights[r] = max(heights[r], text_height(text, sum(WIDTHS[first:last + 1]), BODY_SIZE, stacked))
    return heights


def validation(key, anchor):
    """The Excel data validation of a field: kind, operator, formula and the two messages."""
    label, kind, max_length, required = FIELDS[key]
    if kind == "count":
        v = {"validate": "integer", "criteria": ">=", "value": 0}
        rule = "请填写不小于 0 的整数。"
    elif kind == "postcode":
        v = {"validate": "custom", "value": f"=AND(LEN({anchor})=6,ISNUMBER(--{anchor}))"}
        rule = "邮政编码应为 6 位数字。"
    elif kind == "email":
        v = {"validate": "custom", "value": f'=AND(ISNUMBER(FIND("@",{anchor})),ISNUMBER(FIND(".",{anchor})))'}
        rule = "请填写正确的电子邮箱，如 name@example.com。"
    else:
        v = {"validate": "length", "criteria": "<=", "value": max_length}
        rule = f"不超过 {max_length} 字。"
    prompt = ("必填。" if required else "") + rule + ("\n" + SUMMARY_HINT if key == "summary" else "")
    v.update(input_title=label, input_message=prompt, error_title=f"填写有误：{label}", error_message=f"{label}：{rule}")
    return v


def numbered(path, n):
    """`x.xlsx` -> `x-17.xlsx`. Every document is a new file, as in a batch: replacing a file
    makes ext4 flush it to disk at once (auto_da_alloc), a cost that is not the writer's."""
    stem, dot, ext = path.rpartition(".")
    return f"{stem}-{n}.{ext}"


def run(fill, tool, version):
    """argv: DATA_JSON OUTPUT_FILE ITERATIONS. Prints one JSON line: tool, version, iterations,
    and per document in seconds the median and p90 of the thread's CPU time (what the bench
    compares) and the median wall time. Measured inside the interpreter: start-up not counted.
    Documents go to OUTPUT_FILE numbered (see `numbered`); the last one stays."""
    data_path, out_path, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(data_path, encoding="utf-8") as f:
        values = json.load(f)
    warm_up = max(5, iterations // 10)
    cpu, wall = [], []
    for n in range(warm_up + iterations):
        path = numbered(out_path, n)
        cpu0, wall0 = time.thread_time(), time.perf_counter()
        fill(values, path)
        if n >= warm_up:
            cpu.append(time.thread_time() - cpu0)
            wall.append(time.perf_counter() - wall0)
        if n > 0:
            os.remove(numbered(out_path, n - 1))  # untimed: only the last document stays
    cpu.sort()
    print(json.dumps({"tool": tool, "version": version, "iterations": iterations, "cpu_median": statistics.median(cpu),
                      "cpu_p90": cpu[int(0.9 * (len(cpu) - 1))], "wall_median": statistics.median(wall)}))
