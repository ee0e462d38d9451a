#!/usr/bin/env python3
"""Independent end-to-end check of `gongwen template import`: an office's own form file becomes a template.

The templates folder used here is a copy of the repository's, so the templates imported
into its forms/ go nowhere else. The forms made by other tools are made here, with
openpyxl, python-docx and LibreOffice; what gongwen writes from the imported templates is
read back only with openpyxl and python-docx.

Checks:
 1. Round trip: each of the six templates rendered blank as XLSX and as DOCX, and the
    same files re-saved by LibreOffice, import (`--json`) to a template whose layout is the
    original's, compared cell by cell on a placement computed here from the two JSON files:
    every cell's place and spans, a label's text, an input's key, label, type, character
    limit (as the defaults make it), requirement and hint; the list's columns and empty
    rows; title, header line, notes and page orientation.
 2. Files made by other tools: a merged grid form and a list with two heading rows
    (openpyxl), a table with gridSpan and vMerge (python-docx), a list made by LibreOffice
    from an HTML table (as DOCX and XLSX), and an .xls and a .doc saved by LibreOffice. Each imports into the templates folder
    with the types its labels say, `templates` lists it, it renders filled as XLSX and
    DOCX, openpyxl and python-docx read every filled value back, and `collect` reads two
    filled forms back and sums their numbers.
 3. Bad files: no table, a table with no input cell, a password-protected file
    (msoffcrypto-tool), a zip bomb, a 200 MB sheet, a sheet whose size says a million rows,
    a file of another format: each exits non-zero naming the file and the reason, and no
    template file is written.

Usage (from the repo root):
    python3 Tests/independent/check_import.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import json
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

from harness import GongwenEnv, arguments, check, docx_texts, run_checks, skip, squash, xlsx_values

TEMPLATES = ["key-project-2020", "key-project-2021", "open-institution-2020", "open-institution-2020-quanzhou",
             "open-institution-2021", "statistics-2022"]
# The character limit a field has when its template gives none (FieldDefinition.effectiveMaxLength).
DEFAULT_LIMIT = {"multiline": 5000, "text": 500, "email": 100, "phone": 100, "postcode": 20, "count": 40, "amount": 40}


class Env(GongwenEnv):
    """Every command runs on a copy of the templates folder."""

    def __init__(self, gongwen, tmp):
        super().__init__(gongwen, tmp)
        self.root = self.tmp / "templates"
        shutil.copytree("templates", self.root)

    def run(self, *args, timeout=300):
        return super().run(*args, "--templates", str(self.root), timeout=timeout)

    def imported(self, path, tid="imported"):
        """`template import PATH --json --id TID`: the process and the template, or None."""
        p = self.run("template", "import", str(path), "--json", "--id", tid)
        try:
            return p, json.loads(p.stdout) if p.returncode == 0 else None
        except json.JSONDecodeError:
            return p, None


# ---------------------------------------------------------------- the layout, placed here

def placed(t):
    """The template's table as cells at their places, the way an HTML table is laid out:
    {(row, column): (rowSpan, colSpan, what)} where what says what the cell holds."""
    fields = {f["key"]: f for f in t["fields"]}

    def field(key):
        f = fields[key]
        limit = f.get("maxLength") or DEFAULT_LIMIT[f["type"]]
        return ("input", key, f["label"], f["type"], limit, bool(f.get("required")), f.get("hint"))

    cells = {}
    layout = t["layout"]
    if layout["type"] == "list":
        for c, col in enumerate(layout["columns"]):
            cells[(0, c)] = (1, 1, ("heading", fields[col["field"]]["label"]))
            for r in range(layout["blankRows"]):
                cells[(r + 1, c)] = (1, 1, field(col["field"]))
        return cells
    width = len(layout["columns"])
    covered = set()
    for r, row in enumerate(layout["rows"]):
        c = 0
        for cell in row["cells"]:
            while (r, c) in covered:
                c += 1
            rs, cs = cell.get("rowSpan", 1), cell.get("colSpan", 1)
            what = field(cell["field"]) if "field" in cell else ("label", cell["text"], bool(cell.get("vertical")))
            cells[(r, c)] = (rs, cs, what)
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    covered.add((rr, cc))
            c += cs
        if c > width:
            cells[(r, -1)] = "row wider than the grid"
    return cells


def layout_differences(original, imported):
    """Every difference between the two templates' tables and the lines round them."""
    out = []
    a, b = placed(original), placed(imported)
    for place in sorted(set(a) | set(b)):
        if a.get(place) != b.get(place):
            out.append(f"cell {place}: {a.get(place)} != {b.get(place)}")
    for key in ("title", "notes"):
        if original.get(key, []) != imported.get(key, []):
            out.append(f"{key}: {original.get(key)} != {imported.get(key)}")
    if (original.get("header") or {}).get("text") != (imported.get("header") or {}).get("text"):
        out.append(f"header: {original.get('header')} != {imported.get('header')}")
    header_key = (original.get("header") or {}).get("field")
    if header_key and (imported.get("header") or {}).get("field") != header_key:
        out.append(f"header field: {header_key} != {(imported.get('header') or {}).get('field')}")
    orientation = lambda t: t.get("page", {}).get("orientation", "portrait")
    if orientation(original) != orientation(imported):
        out.append(f"orientation: {orientation(original)} != {orientation(imported)}")
    return out


def check_round_trip(env):
    folder = env.fresh_dir("round-trip")
    ours = {}
    for tid in TEMPLATES:
        for fmt in ("xlsx", "docx"):
            p, _, path = env.render(tid, None, fmt, out=folder / "ours")
            if check(f"[1] {tid} blank {fmt} rendered", p.returncode == 0 and path and path.exists(), p.stderr):
                ours[(tid, fmt)] = path
    resaved = folder / "resaved"
    for fmt in ("xlsx", "docx"):
        files = [str(path) for (_, f), path in ours.items() if f == fmt]
        p, _ = env.convert(fmt, resaved, files)
        check(f"[1] LibreOffice re-saves the blank {fmt} files", p.returncode == 0, p.stderr)
    for (tid, fmt), path in sorted(ours.items()):
        original = json.loads((env.root / "forms" / f"{tid}.json").read_text(encoding="utf-8"))
        for who, source in (("ours", path), ("LibreOffice", resaved / path.name)):
            tag = f"[1] {tid} {fmt} ({who})"
            if not check(f"{tag}: file there", source.exists(), str(source)):
                continue
            p, got = env.imported(source)
            if not check(f"{tag}: imports", got is not None, p.stderr):
                continue
            diff = layout_differences(original, got)
            check(f"{tag}: layout equals the original's cell by cell", not diff, "\n     ".join(diff[:12]))
            check(f"{tag}: same form kind", got["form"] == original["form"], got["form"])


# ---------------------------------------------------------------- forms made by other tools

def openpyxl_grid(path):
    """A merged grid form as an office makes it in Excel: title and header merged across,
    ruled cells, a label over two columns, a tall box with a limit."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "讲座申报表"
    thin = Side(style="thin")
    ws["A1"] = "2023 年科普讲座申报表"
    ws.merge_cells("A1:D1")
    ws["A2"] = "填报单位（盖章）："
    ws.merge_cells("A2:D2")
    rows = [["讲座名称", None, None, None], ["主讲人", None, "联系电话", None], ["邮编", None, "电子邮箱", None],
            ["听众人数（人）", None, "经费（万元）", None], ["讲座简介（300字以内）", None, None, None]]
    for r, values in enumerate(rows, start=3):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells("B3:D3")
    ws.merge_cells("B7:D7")
    ws.row_dimensions[7].height = 150
    for col, width in zip("ABCD", (16, 24, 16, 24)):
        ws.column_dimensions[col].width = width
    ws["A9"] = "注：请于 6 月 1 日前报送。"
    wb.save(path)


OPENPYXL_TYPES = {"讲座名称": "text", "主讲人": "text", "联系电话": "phone", "邮编": "postcode", "电子邮箱": "email",
                  "听众人数（人）": "count", "经费（万元）": "amount", "讲座简介": "multiline"}


def openpyxl_two_row_list(path):
    """A list whose headings are two rows deep: 联系人 over 姓名 and 电话, the other
    headings merged down both rows; eight empty ruled rows under them."""
    import openpyxl
    from openpyxl.styles import Border, Side
    wb = openpyxl.Workbook()
    ws = wb.active
    thin = Side(style="thin")
    ws["A1"] = "2023年科普志愿服务队名单"
    ws.merge_cells("A1:D1")
    ws["A3"], ws["B3"], ws["D3"], ws["B4"], ws["C4"] = "队伍名称", "联系人", "队员人数", "姓名", "电话"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:D4")
    for r in range(3, 13):
        for c in range(1, 5):
            ws.cell(row=r, column=c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(path)


TWO_ROW_TYPES = {"队伍名称": "text", "姓名": "text", "电话": "phone", "队员人数": "count"}


def python_docx_table(path):
    """A statistics table in Word: a group label merged down two rows (vMerge), a label over
    two columns (gridSpan), a title above and a note below."""
    import docx
    d = docx.Document()
    d.add_paragraph("2023 年科普活动统计表")
    d.add_paragraph("部门/地方（盖章）：")
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).text = "活动经费（万元）"
    t.cell(0, 1).text = "市级财政经费"
    t.cell(1, 1).text = "企业赞助经费"
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(2, 0).text = "举办活动次数"
    t.cell(2, 0).merge(t.cell(2, 1))
    t.cell(3, 0).text = "志愿者人数"
    t.cell(3, 0).merge(t.cell(3, 1))
    d.add_paragraph("注：数字请填写阿拉伯数字。")
    d.save(path)


DOCX_TYPES = {"市级财政经费": "amount", "企业赞助经费": "amount", "举办活动次数": "count", "志愿者人数": "count"}

HTML = """<html><head><meta charset="utf-8"></head><body>
<p>2023年科普活动一览表</p>
<p>填报单位（盖章）：</p>
<table border="1"><tr><th>活动名称</th><th>联系人</th><th>联系电话</th><th>参加人数</th></tr>
""" + "<tr><td></td><td></td><td></td><td></td></tr>\n" * 6 + """</table>
<p>注：请于6月1日前报送。</p></body></html>
"""
HTML_TYPES = {"活动名称": "text", "联系人": "text", "联系电话": "phone", "参加人数": "count"}


def value_for(field, n):
    """A valid value of the field's type, different for each n."""
    return {"text": f"测试单位{n}号", "multiline": f"第一行{n}\n第二行", "count": 10 + n, "amount": n + 0.25,
            "email": f"user{n}@example.com", "postcode": f"45000{n}", "phone": f"0371-6788123{n}"}[field["type"]]


def filled(template, n):
    """Data for every field of the template (three rows for a list), flat dotted keys."""
    data, rows = {}, []
    for f in template["fields"]:
        if not f["key"].startswith("rows[]."):
            data[f["key"]] = value_for(f, n)
    columns = [f for f in template["fields"] if f["key"].startswith("rows[].")]
    if columns:
        for r in range(3):
            rows.append({f["key"][len("rows[]."):]: value_for(f, n * 10 + r) for f in columns})
        data["rows"] = rows
    return data


def every_value(data):
    out = []
    for k, v in data.items():
        if k == "rows":
            for r in v:
                out += list(r.values())
        else:
            out.append(v)
    return out


def check_imported_form(env, tag, source, tid, want_types):
    """Imports SOURCE as TID into the templates folder; checks the types, the listing,
    filled XLSX and DOCX read back, and collect's sums over two filled forms."""
    p = env.run("template", "import", str(source), "--id", tid)
    written = env.root / "forms" / f"{tid}.json"
    if not check(f"{tag}: import exits 0 and writes {tid}.json", p.returncode == 0 and written.exists(), p.stderr):
        return
    check(f"{tag}: prints the path written", p.stdout.strip() == str(written), p.stdout)
    template = json.loads(written.read_text(encoding="utf-8"))
    types = {f["label"]: f["type"] for f in template["fields"]}
    for label, want in want_types.items():
        check(f"{tag}: {label} is {want}", types.get(label) == want, json.dumps(types, ensure_ascii=False))
    listed = env.run("templates")
    check(f"{tag}: templates lists it", any(line.split("\t")[0] == tid for line in listed.stdout.splitlines()), listed.stdout)
    check(f"{tag}: a title", template["title"].startswith("2023"), template["title"])
    data = [filled(template, 1), filled(template, 2)]
    returned = env.fresh_dir(f"{tid}-returned")
    for fmt in ("xlsx", "docx"):
        p, _, path = env.render(tid, data[0], fmt)
        if not check(f"{tag}: renders filled {fmt}", p.returncode == 0 and path and path.exists(), p.stderr):
            continue
        seen = xlsx_values(path) if fmt == "xlsx" else docx_texts(path)
        seen_text = {squash(v) for v in seen}
        want = every_value(data[0])
        missing = [v for v in want if squash(v) not in seen_text and v not in seen]
        # A header's value shares its cell with the header's text.
        header = template.get("header")
        if header:
            line = squash(header["text"] + str(data[0][header["field"]]))
            missing = [v for v in missing if not (v == data[0][header["field"]] and line in seen_text)]
        reader = "openpyxl" if fmt == "xlsx" else "python-docx"
        check(f"{tag}: {reader} reads every filled value of the {fmt}", not missing, f"missing {missing}")
    for n, d in enumerate(data):
        p, _, path = env.render(tid, d, "xlsx", out=returned)
        if p.returncode == 0 and path:
            path.rename(returned / f"unit{n + 1}.xlsx")
    summary = env.fresh_dir(f"{tid}-summary")
    p = env.run("collect", tid, str(returned), "--out", str(summary))
    if not check(f"{tag}: collect reads the returned forms", p.returncode == 0, p.stderr + p.stdout):
        return
    records = [json.loads(line) for line in (summary / "records.jsonl").read_text(encoding="utf-8").splitlines() if line]
    check(f"{tag}: collect has both records", len(records) == 2, str(records)[:300])
    numeric = [f["key"] for f in template["fields"] if f["type"] in ("count", "amount") and not f["key"].startswith("rows[].")]
    row_numeric = [f["key"][7:] for f in template["fields"] if f["type"] in ("count", "amount") and f["key"].startswith("rows[].")]
    import openpyxl
    wb = openpyxl.load_workbook(summary / "summary.xlsx")
    grid = [[c.value for c in row] for row in wb.worksheets[0].iter_rows()]
    total = next((r for r in grid if "合计" in r), None)
    if not check(f"{tag}: summary.xlsx has a 合计 row", total is not None, str(grid[:3])):
        return
    totals_in_row = {Decimal(repr(v)) for v in total if isinstance(v, (int, float))}
    for key in numeric:
        want = sum(Decimal(str(d[key])) for d in data)
        check(f"{tag}: 合计 of {key} is the sum", want in totals_in_row, f"{want} not in {total}")
    for key in row_numeric:
        want = sum(Decimal(str(r[key])) for d in data for r in d["rows"])
        check(f"{tag}: 合计 of rows[].{key} is the sum", want in totals_in_row, f"{want} not in {total}")


def check_other_tools(env):
    folder = env.fresh_dir("other-tools")
    grid_xlsx = folder / "讲座申报表.xlsx"
    openpyxl_grid(grid_xlsx)
    check_imported_form(env, "[2] openpyxl merged grid", grid_xlsx, "lecture-2023", OPENPYXL_TYPES)
    p, got = env.imported(grid_xlsx, "x")
    if got:
        cells = got["layout"]["rows"]
        check("[2] openpyxl: the merged name and summary boxes span three columns",
              cells[0]["cells"][1].get("colSpan") == 3 and cells[4]["cells"][1].get("colSpan") == 3, json.dumps(cells, ensure_ascii=False)[:300])
        summary = next(f for f in got["fields"] if f["label"] == "讲座简介")
        check("[2] openpyxl: （300字以内） is the summary's limit", summary.get("maxLength") == 300, str(summary))
        check("[2] openpyxl: the note under the table", got["notes"] == ["注：请于 6 月 1 日前报送。"], str(got["notes"]))
        check("[2] openpyxl: the header line", got.get("header", {}).get("text") == "填报单位（盖章）：", str(got.get("header")))
        again = env.imported(grid_xlsx, "x")[1]
        check("[2] openpyxl: the same file imports to the same template", again == got, "")

    two_rows = folder / "志愿服务队.xlsx"
    openpyxl_two_row_list(two_rows)
    check_imported_form(env, "[2] openpyxl list with two heading rows", two_rows, "volunteers-2023", TWO_ROW_TYPES)
    got = env.imported(two_rows, "v")[1]
    if got:
        layout = got["layout"]
        check("[2] two heading rows: a list of eight empty rows, four columns",
              layout["type"] == "list" and layout["blankRows"] == 8 and len(layout["columns"]) == 4, json.dumps(layout, ensure_ascii=False))

    # What a template cannot keep is said, and the rest still imports.
    import openpyxl
    from openpyxl.styles import PatternFill
    wb = openpyxl.load_workbook(grid_xlsx)
    ws = wb.active
    ws["A3"].fill = PatternFill("solid", fgColor="FFFF00")
    ws["F4"] = "=1+1"
    ws["F5"] = "备用"
    decorated = folder / "decorated.xlsx"
    wb.save(decorated)
    p, got = env.imported(decorated, "decorated")
    check("[2] colours, a formula and text outside the table: still imports", got is not None, p.stderr)
    for what in ("底色和文字颜色未保留：A3", "公式未保留：F4", "表格外的文字未保留：F5“备用”"):
        check(f"[2] warned: {what}", what in p.stderr, p.stderr[-600:])

    import docx
    d = docx.Document()
    d.add_paragraph("2023 年经费申请表")
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    for r, (label, mark) in enumerate((("投入经费", "{{grant:amount}}"), ("项目名称", "{{title}}"))):
        t.cell(r, 0).text, t.cell(r, 1).text = label, mark
    marked = folder / "marked.docx"
    d.save(marked)
    p, got = env.imported(marked, "marked")
    if check("[2] {{key}} marks: imports", got is not None, p.stderr):
        fields = {f["key"]: f["type"] for f in got["fields"]}
        check("[2] {{key:type}} and {{key}} win over the known labels", fields == {"grant": "amount", "title": "text"}, str(fields))

    table_docx = folder / "统计表.docx"
    python_docx_table(table_docx)
    check_imported_form(env, "[2] python-docx gridSpan/vMerge", table_docx, "activity-stats-2023", DOCX_TYPES)
    p, got = env.imported(table_docx, "y")
    if got:
        rows = got["layout"]["rows"]
        check("[2] python-docx: the vMerge group spans two rows", rows[0]["cells"][0].get("rowSpan") == 2, json.dumps(rows, ensure_ascii=False)[:300])
        check("[2] python-docx: the gridSpan label spans two columns", rows[2]["cells"][0].get("colSpan") == 2, json.dumps(rows, ensure_ascii=False)[:300])
        check("[2] python-docx: 部门/地方 is the header's reporter", got.get("header", {}).get("field") == "reporter", str(got.get("header")))

    html = folder / "一览表.html"
    html.write_text(HTML, encoding="utf-8")
    made = folder / "from-html"
    p, _ = env.convert("docx:MS Word 2007 XML", made, [str(html)])
    # Calc's HTML import, not Writer's: Writer opens HTML by default and has no XLSX export.
    profile = env.fresh_dir("lo-profile")
    p2 = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--infilter=calc_HTML_WebQuery",
                         "--convert-to", "xlsx", "--outdir", str(made), str(html)], capture_output=True, text=True, timeout=900)
    for ext in ("docx", "xlsx"):
        source = made / f"一览表.{ext}"
        if check(f"[2] LibreOffice makes a {ext} from the HTML table", source.exists(), p.stderr + p2.stderr):
            check_imported_form(env, f"[2] LibreOffice HTML → {ext}", source, f"activity-list-{ext}", HTML_TYPES)
            got = env.imported(source, "z")[1]
            if got:
                check(f"[2] HTML → {ext}: a list of six empty rows",
                      got["layout"]["type"] == "list" and got["layout"]["blankRows"] == 6, json.dumps(got["layout"], ensure_ascii=False))

    legacy = folder / "legacy"
    p, _ = env.convert("xls", legacy, [str(grid_xlsx)])
    p2, _ = env.convert("doc", legacy, [str(table_docx)])
    xls, doc = legacy / "讲座申报表.xls", legacy / "统计表.doc"
    if check("[2] LibreOffice saves an .xls", xls.exists(), p.stderr):
        check_imported_form(env, "[2] .xls saved by LibreOffice", xls, "lecture-xls", OPENPYXL_TYPES)
    if check("[2] LibreOffice saves a .doc", doc.exists(), p2.stderr):
        check_imported_form(env, "[2] .doc saved by LibreOffice", doc, "stats-doc", DOCX_TYPES)


# ---------------------------------------------------------------- bad files

def minimal_xlsx(path, sheet, size_hint=None):
    """An XLSX package whose first sheet is SHEET (bytes, or a generator of byte chunks)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        if isinstance(sheet, bytes):
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        else:
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
                for chunk in sheet:
                    member.write(chunk)


SHEET_HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b'</sheetData></worksheet>'


def bomb_chunks():
    yield SHEET_HEAD
    for _ in range(256):
        yield b" " * (1 << 20)  # 256 MB of spaces, a few hundred kilobytes compressed
    yield SHEET_TAIL


def big_sheet_chunks():
    """A real sheet of 200 MB: rows of numbers, each cell its own."""
    yield SHEET_HEAD
    row, written = 1, 0
    while written < 200 << 20:
        chunk = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>\xe5\x8d\x95\xe4\xbd\x8d%d</t></is></c></row>'
                         % (r, r, r, r, r) for r in range(row, row + 10000))
        row += 10000
        written += len(chunk)
        yield chunk
    yield SHEET_TAIL


def check_bad_files(env):
    folder = env.fresh_dir("bad")
    out = folder / "out"
    out.mkdir()
    import docx
    cases = []

    d = docx.Document()
    d.add_paragraph("关于开展科技活动周的通知")
    d.add_paragraph("各单位：请按要求报送。")
    d.save(folder / "notice.docx")
    cases.append(("not a form (no table)", folder / "notice.docx", "没有表格"))

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            t.cell(r, c).text = f"标签{r}{c}"
    d.save(folder / "labels.docx")
    cases.append(("a table with no input cells", folder / "labels.docx", "没有可填写的单元格"))

    import openpyxl
    wb = openpyxl.Workbook()
    wb.active["A1"] = "只有一行字"
    wb.save(folder / "line.xlsx")
    cases.append(("a sheet with one line of text", folder / "line.xlsx", "没有表格"))

    try:
        from msoffcrypto.format.ooxml import OOXMLFile
        plain = env.render("key-project-2020", None, "xlsx")[2]
        with open(plain, "rb") as src, open(folder / "locked.xlsx", "wb") as dst:
            office = OOXMLFile(src)
            office.encrypt("secret", dst)
        cases.append(("a password-protected XLSX", folder / "locked.xlsx", "密码"))
    except ImportError:
        skip("[3] a password-protected XLSX", "msoffcrypto-tool is not installed (scripts/install-deps.sh --with-test-readers)")

    minimal_xlsx(folder / "bomb.xlsx", bomb_chunks())
    cases.append(("a zip bomb", folder / "bomb.xlsx", "zip bomb"))
    minimal_xlsx(folder / "big.xlsx", big_sheet_chunks())
    cases.append(("a 200 MB sheet", folder / "big.xlsx", "解压后超过"))
    minimal_xlsx(folder / "wide.xlsx", SHEET_HEAD.replace(b"<sheetData>", b'<dimension ref="A1:Z1000000"/><sheetData>')
                 + b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' + SHEET_TAIL)
    cases.append(("a sheet sized a million rows", folder / "wide.xlsx", "工作表过大"))
    (folder / "form.pdf").write_bytes(b"%PDF-1.4\n")
    cases.append(("a PDF", folder / "form.pdf", "不支持"))
    (folder / "fake.xlsx").write_text("not a zip", encoding="utf-8")
    cases.append(("a text file named .xlsx", folder / "fake.xlsx", "不是有效的"))

    for name, path, reason in cases:
        p = env.run("template", "import", str(path), "--out", str(out), "--id", "bad-form")
        check(f"[3] {name}: exit non-zero", p.returncode != 0, f"exit {p.returncode}")
        check(f"[3] {name}: the message names the file and the reason", path.name in p.stderr and reason in p.stderr, p.stderr[:400])
        check(f"[3] {name}: no template written", not list(out.iterdir()), str(list(out.iterdir())))
    (folder / "big.xlsx").unlink()
    (folder / "bomb.xlsx").unlink()
    p = env.run("template", "import", str(folder / "missing.xlsx"), "--out", str(out))
    check("[3] a missing file: exit 66", p.returncode == 66, f"exit {p.returncode} {p.stderr}")
    p = env.run("template", "import", str(env.render("key-project-2020", None, "xlsx")[2]), "--id", "Bad ID", "--out", str(out))
    check("[3] a bad --id: exit 64", p.returncode == 64, f"exit {p.returncode} {p.stderr}")
    p = env.run("template", "import", str(env.render("key-project-2020", None, "xlsx")[2]), "--id", "key-project-2020")
    check("[3] an id the folder has already: refused, not overwritten", p.returncode == 73, f"exit {p.returncode} {p.stderr}")


def checks(env, args):
    check_round_trip(env)
    check_other_tools(env)
    check_bad_files(env)


def main():
    ap = arguments(__doc__, keep="keep the forms made and imported here")
    return run_checks(ap, "gongwen-import-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
