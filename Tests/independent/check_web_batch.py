#!/usr/bin/env python3
"""Independent end-to-end check of the batch page (#/batch/<id>: 批量生成 / 回收汇总) of the web
page `gongwen serve` serves.

A real browser (Debian's headless Chromium, driven by selenium through Debian's chromedriver)
uses the page the way a coordinator does, against the real binary; the files it downloads are
read with the csv and zipfile modules and openpyxl, which nobody on the team wrote. The lists
and the expected totals are written and computed here, not taken from the service.

Checks:
 1. /batch.js is served as JavaScript and index.html loads it.
 2. From the list, the key-project-2020 card's 批量生成 link opens #/batch/key-project-2020,
    its heading focused; the form page links to the same page.
 3. 下载名单模板: a CSV with a UTF-8 byte order mark whose header row (csv module) is the
    template's field labels, in order (GET /api/templates/key-project-2020).
 3b. open-institution-2020, a list form: the template's header is the reporter's label, then
    the row columns' labels; 3 rows of 2 units (consecutive rows of one unit) give 2 forms.
 4. A list of 3 units written here as CSV, and once as XLSX (openpyxl), chosen in the page:
    生成 downloads a zip (its name from Content-Disposition) holding 3 forms and manifest.csv;
    openpyxl finds each unit's project name in its form; the page says 3 forms.
 5. A list with a bad postcode and a missing project name: the problem table names each row
    and the label, the count is 2, and nothing is downloaded.
 6. 回收汇总 with the zip of [4]: the page shows 3 collected; key-project has no totals.
 7. statistics-2022: a list of 3 units with numbers chosen here; batch, then collect the zip:
    the page's totals (by label) are the sums computed here, and so are the 合计 row of the
    summary.xlsx 下载汇总表 downloads (openpyxl).
 8. A zip holding a text file, a broken .xlsx and one good form: both bad files are listed
    with their reasons, 1 collected.
 9. A form imported on the page (an Excel sheet written here by openpyxl): its form page
    links to #/import/batch; the list template's header is the imported labels; a list of 3
    lectures gives a zip of 3 forms (the template sent beside the list, POST /api/batch) each
    holding its lecture's name (openpyxl); collected again (POST /api/collect): 3 collected.
10. The page as a PNG (--screenshot), no script errors in the console, nothing loaded from
    another origin.
11. PDF (LibreOffice): the format choice offers PDF and 全部（XLSX、DOCX 和 PDF）and a checkbox
    另附合并打印的 print.pdf; a list of 3 units as PDF with print.pdf checked downloads a zip of
    3 PDFs, each with its unit's project name in its text (pdftotext), and print.pdf whose
    page count (pdfinfo) is the forms' summed. Skipped without LibreOffice.
12. Dragging instead of choosing: a list of 3 units dropped on the list's zone (a DragEvent
    whose DataTransfer holds the file) is named as chosen and gives the zip of 3 forms; the
    zip of [4] dropped on the archive's zone is collected, 3 forms.

Without chromium, chromedriver or selenium it prints a SKIP line and exits 0.

Usage (from the repo root):
    python3 Tests/independent/check_web_batch.py --gongwen .build/debug/gongwen [--screenshot batch-page.png]
"""
import csv
import io
import json
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

from harness import arguments, check, http, is_number, pdf_page_count, scratch_folder, summary, xlsx_values
from check_web import (browser_on, check_console, driven, check_no_foreign_loads, lecture_form, missing_tools, serve,
                       skipped_for_missing, take_screenshot)

KEY_UNITS = [
    {"项目名称": "科普大篷车进社区", "主办单位": "郑州市科学技术馆", "邮政编码": "450000", "拟参加人数": "3000"},
    {"项目名称": "科技馆开放日", "主办单位": "新乡市科技馆", "邮政编码": "453000", "拟参加人数": "200"},
    {"项目名称": "院士报告会", "主办单位": "濮阳市科协", "邮政编码": "457000", "拟参加人数": "450"},
]
STAT_UNITS = [
    {"部门/地方": "新乡市科学技术局", "举办活动次数": "12", "中央财政经费投入情况": "1.25", "科普专职人员数量": "30", "线上活动群众参与数量": "15000"},
    {"部门/地方": "濮阳市科学技术局", "举办活动次数": "7", "中央财政经费投入情况": "0.5", "科普专职人员数量": "8", "线上活动群众参与数量": "2300"},
    {"部门/地方": "安阳市科学技术局", "举办活动次数": "9", "中央财政经费投入情况": "2.75", "科普专职人员数量": "14", "线上活动群众参与数量": "980"},
]


def write_csv(path, rows):
    heads = list(rows[0])
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(heads)
        for r in rows:
            w.writerow([r.get(k, "") for k in heads])
    return path


def write_xlsx(path, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    heads = list(rows[0])
    ws.append(heads)
    for r in rows:
        ws.append([r.get(k, "") for k in heads])
    wb.save(path)
    return path


def choose_file(page, input_id, path):
    page.one(f"#{input_id}").send_keys(str(path))


def batch_status(page):
    return page.one("#batch-status").text


def open_batch(page, tid):
    page.d.get(page.base + "/")
    link = page.one(f'a[data-link="batch"][href="#/batch/{tid}"]')
    page.click(link)
    page.one("#batch-page-title")
    page.wait(lambda d: d.execute_script("return document.activeElement && document.activeElement.id") == "batch-page-title",
              what="the heading focused")


def generate(page, list_path, fmt="xlsx", print_file=False, timeout=60):
    """Chooses the list, the format, print.pdf or not, clicks 生成; the zip downloaded or None."""
    before = page.clear_downloads()
    choose_file(page, "batch-list", list_path)
    page.click(page.one(f"#batch-format-{fmt}"))
    box = page.one("#batch-print")
    if box.is_selected() != print_file:
        page.click(box)
    page.click(page.button("生成"))
    path = page.wait_download(before, timeout=timeout)
    page.wait(lambda d: "已生成" in batch_status(page) or "有误" in batch_status(page), what="batch status")
    return path


def collect(page, zip_path):
    """Chooses the zip, clicks 汇总, waits for the report; its element."""
    choose_file(page, "collect-archive", zip_path)
    page.click(page.button("汇总"))
    page.wait(lambda d: "汇总完成" in page.one("#collect-status").text or "error" in page.one("#collect-status").get_attribute("class"),
              timeout=60, what="collect status")
    return page.one("#collect-report")


def table_rows(page, selector):
    rows = page.css(f"{selector} tbody tr")
    return [[td.text.strip() for td in page.css("td", r)] for r in rows]


def forms_in(zip_path):
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        forms = {n: z.read(n) for n in names if n.endswith(".xlsx")}
    return names, forms


def check_key_project(page, tmp, template):
    open_batch(page, "key-project-2020")
    check("[2] the card's link opens the batch page of key-project-2020",
          page.d.current_url.endswith("#/batch/key-project-2020") and template["title"] in page.one("h1").text, page.d.current_url)

    # [3] the list template
    before = page.clear_downloads()
    page.click(page.button("下载名单模板（CSV）"))
    path = page.wait_download(before)
    check("[3] 下载名单模板 downloads a .csv", path is not None and path.suffix == ".csv", str(path))
    if path:
        raw = path.read_bytes()
        check("[3] the CSV starts with the UTF-8 byte order mark", raw.startswith(b"\xef\xbb\xbf"), repr(raw[:8]))
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        labels = [f["label"] for f in template["fields"]]
        check("[3] the CSV's header row is the template's labels, in order", header == labels, f"{header} != {labels}")

    # [4] CSV and XLSX lists of 3 units
    for kind, list_path in (("CSV", write_csv(Path(tmp, "units.csv"), KEY_UNITS)),
                            ("XLSX", write_xlsx(Path(tmp, "units.xlsx"), KEY_UNITS))):
        zip_path = generate(page, list_path)
        check(f"[4] {kind} list: the zip downloads", zip_path is not None and zip_path.suffix == ".zip", batch_status(page))
        if not zip_path:
            continue
        check(f"[4] {kind} list: named by Content-Disposition (the template's title)",
              zip_path.name == template["title"] + ".zip", zip_path.name)
        names, forms = forms_in(zip_path)
        check(f"[4] {kind} list: 3 forms and manifest.csv", len(forms) == 3 and "manifest.csv" in names, f"{names}")
        found = []
        for data in forms.values():
            cells = xlsx_values(io.BytesIO(data))
            found += [u["项目名称"] for u in KEY_UNITS if u["项目名称"] in cells]
        check(f"[4] {kind} list: openpyxl finds each unit's project name in its own form",
              sorted(found) == sorted(u["项目名称"] for u in KEY_UNITS), f"{found}")
        check(f"[4] {kind} list: the page says 3 forms", "已生成 3 份" in batch_status(page), batch_status(page))
        kept = Path(tmp, f"key-project-{kind}.zip")
        kept.write_bytes(zip_path.read_bytes())

    # [12] the list and the returned zip dropped on their zones instead of chosen
    before = page.clear_downloads()
    list_path = Path(tmp, "拖入的名单.csv")
    write_csv(list_path, KEY_UNITS)
    zone = page.one("#batch-list").find_element("xpath", "ancestor::div[contains(@class, 'drop-zone')]")
    check("[12] the list's drop zone takes a dragged file", page.drop_file(zone, list_path, "text/csv"))
    chosen = page.one("#batch-list-chosen").text
    check("[12] the dropped list is named as chosen", "拖入的名单.csv" in chosen, chosen)
    page.click(page.button("生成"))
    zip_path = page.wait_download(before, timeout=60)
    forms = forms_in(zip_path)[1] if zip_path else {}
    check("[12] the dropped list gives the zip of 3 forms", len(forms) == 3, batch_status(page))
    archive_zone = page.one("#collect-archive").find_element("xpath", "ancestor::div[contains(@class, 'drop-zone')]")
    check("[12] the archive's drop zone takes a dragged file",
          page.drop_file(archive_zone, Path(tmp, "key-project-XLSX.zip"), "application/zip"))
    page.click(page.button("汇总"))
    page.wait(lambda d: "汇总完成" in page.one("#collect-status").text or "error" in page.one("#collect-status").get_attribute("class"),
              timeout=60, what="collect status")
    counts = page.one("#collect-counts").text
    check("[12] the dropped zip is collected: 3 forms", "已收录 3 份" in counts, counts)

    # [5] bad records
    bad = [dict(KEY_UNITS[0]), dict(KEY_UNITS[1], 邮政编码="4530"), dict(KEY_UNITS[2], 项目名称="")]
    before = page.clear_downloads()
    choose_file(page, "batch-list", write_csv(Path(tmp, "bad.csv"), bad))
    page.click(page.button("生成"))
    page.wait(lambda d: "有误" in batch_status(page), timeout=30, what="the 422 shown")
    rows = table_rows(page, ".batch-problems-table")
    check("[5] the problem table names row 3 邮政编码 and row 4 项目名称",
          any(r[0] == "3" and r[1] == "邮政编码" and r[2] for r in rows)
          and any(r[0] == "4" and r[1] == "项目名称" and r[2] for r in rows) and len(rows) == 2, f"{rows}")
    heading = page.one("#batch-problems-title").text
    check("[5] the count of problems is shown", "共 2 处" in heading, heading)
    check("[5] the problems get the focus",
          page.d.execute_script("return document.activeElement && document.activeElement.id") == "batch-problems")
    time.sleep(2)
    check("[5] nothing is downloaded for a bad list", not page.files() - before, f"{page.files()}")

    # [6] collect what [4] wrote
    report = collect(page, Path(tmp, "key-project-CSV.zip"))
    counts = page.one("#collect-counts").text
    check("[6] 回收汇总 of the batch's zip: 3 collected, none refused", "已收录 3 份" in counts and "未收录 0 份" in counts, counts)
    check("[6] key-project has no totals, and says so", "没有需要合计" in report.text, report.text[:300])


def check_pdf_batch(page, tmp):
    open_batch(page, "key-project-2020")
    labels = {i.get_attribute("value"): page.one(f'label[for="{i.get_attribute("id")}"]').text
              for i in page.css('input[name="batch-format"]')}
    check("[11] the format choice offers PDF and 全部（XLSX、DOCX 和 PDF）",
          labels.get("pdf") == "PDF" and labels.get("all") == "全部（XLSX、DOCX 和 PDF）", str(labels))
    check("[11] a checkbox 另附合并打印的 print.pdf",
          page.one('label[for="batch-print"]').text == "另附合并打印的 print.pdf"
          and page.one("#batch-print").get_attribute("type") == "checkbox")
    if not shutil.which("soffice"):
        print("SKIP [11] the PDF batch: LibreOffice is not installed")
        return
    zip_path = generate(page, write_csv(Path(tmp, "units-pdf.csv"), KEY_UNITS), fmt="pdf", print_file=True, timeout=300)
    check("[11] PDF with print.pdf: the zip downloads", zip_path is not None and zip_path.suffix == ".zip", batch_status(page))
    if not zip_path:
        return
    folder = Path(tmp, "pdf-batch")
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        z.extractall(folder)
    pdfs = [n for n in names if n.endswith(".pdf") and n != "print.pdf"]
    check("[11] the zip holds 3 PDFs, print.pdf and manifest.csv, no XLSX or DOCX",
          len(pdfs) == 3 and "print.pdf" in names and "manifest.csv" in names
          and not any(n.endswith((".xlsx", ".docx")) for n in names), str(names))

    def text(name):
        out = subprocess.run(["pdftotext", str(folder / name), "-"], capture_output=True, text=True).stdout
        return "".join(out.split())

    found = sorted(u["项目名称"] for n in pdfs for u in KEY_UNITS if u["项目名称"] in text(n))
    check("[11] pdftotext finds each unit's project name in its own PDF",
          found == sorted(u["项目名称"] for u in KEY_UNITS), str(found))
    pages = sum(pdf_page_count(folder / n) for n in pdfs)
    printed = pdf_page_count(folder / "print.pdf") if "print.pdf" in names else 0
    check("[11] print.pdf's page count is the forms' summed", pages >= 3 and printed == pages, f"print {printed}, forms {pages}")
    check("[11] the page says 3 forms", "已生成 3 份" in batch_status(page), batch_status(page))


def check_list_form(page, tmp, template):
    open_batch(page, "open-institution-2020")
    before = page.clear_downloads()
    page.click(page.button("下载名单模板（CSV）"))
    path = page.wait_download(before)
    header = next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))) if path else []
    single = [f["label"] for f in template["fields"] if "[]." not in f["key"]]
    rows = [f["label"] for f in template["fields"] if "[]." in f["key"]]
    check("[3b] a list form's template: the reporter's label, then the row columns'", header == single + rows,
          f"{header} != {single + rows}")
    units = [["郑州市科学技术协会", "郑州科学技术馆", "5月20日", "展厅"], ["郑州市科学技术协会", "河南省地质博物馆", "5月21日", "标本"],
             ["新乡市科学技术协会", "新乡市科技馆", "5月22日", "讲座"]]
    rows_path = Path(tmp, "open.csv")
    with open(rows_path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for u in units:
            w.writerow(u + [""] * (len(header) - len(u)))
    zip_path = generate(page, rows_path)
    forms = forms_in(zip_path)[1] if zip_path else {}
    cells = [xlsx_values(io.BytesIO(d)) for d in forms.values()]
    check("[3b] the list template filled: 2 forms, one per unit, each with its rows",
          len(forms) == 2 and sorted(sum(1 for u in units if u[1] in c) for c in cells) == [1, 2], f"{list(forms)}")
    check("[3b] the page says 2 forms", "已生成 2 份" in batch_status(page), batch_status(page))


def check_statistics(page, tmp, template):
    open_batch(page, "statistics-2022")
    zip_path = generate(page, write_csv(Path(tmp, "stat.csv"), STAT_UNITS))
    check("[7] statistics-2022: the zip downloads with 3 forms", zip_path is not None and len(forms_in(zip_path)[1]) == 3,
          batch_status(page))
    if not zip_path:
        return
    kept = Path(tmp, "stat.zip")
    kept.write_bytes(zip_path.read_bytes())
    want = {}
    for u in STAT_UNITS:
        for label, v in u.items():
            if label != "部门/地方":
                want[label] = want.get(label, Decimal(0)) + Decimal(v)
    collect(page, kept)
    counts = page.one("#collect-counts").text
    check("[7] the page shows 3 collected", "已收录 3 份" in counts, counts)
    shown = {r[0]: Decimal(r[1]) for r in table_rows(page, ".collect-totals")}
    check("[7] the page's totals by label are the sums computed here", shown == want, f"{shown} != {want}")

    before = page.clear_downloads()
    page.click(page.button("下载汇总表（summary.xlsx）"))
    summary_path = page.wait_download(before, timeout=60)
    check("[7] 下载汇总表 downloads an .xlsx", summary_path is not None and summary_path.suffix == ".xlsx", str(summary_path))
    if summary_path:
        import openpyxl
        ws = openpyxl.load_workbook(summary_path).worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        head = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
        labels = [(rows[head + 1][c] or rows[head][c]) for c in range(len(rows[head]))]
        total = next(r for r in rows if "合计" in r)
        got = {labels[c]: Decimal(str(v)) for c, v in enumerate(total) if is_number(v) and labels[c]}
        check("[7] summary.xlsx's 合计 row (openpyxl) holds the same sums", got == want, f"{got} != {want}")
        print(f"[7] totals {dict((k, str(v)) for k, v in want.items())}")

    # [8] a text file and a broken xlsx beside one good form
    with zipfile.ZipFile(kept) as z:
        good = next(n for n in z.namelist() if n.endswith(".xlsx"))
        good_data = z.read(good)
    mixed = Path(tmp, "mixed.zip")
    with zipfile.ZipFile(mixed, "w") as z:
        z.writestr("回收/说明.txt", "各单位请于 5 月 20 日前交回。")
        z.writestr("回收/坏表.xlsx", b"this is not a workbook")
        z.writestr("回收/" + good, good_data)
    collect(page, mixed)
    counts = page.one("#collect-counts").text
    refused = table_rows(page, ".collect-refused")
    by_file = {r[0]: r for r in refused}
    check("[8] 1 collected, the broken xlsx not", "已收录 1 份" in counts and "未收录 1 份" in counts, counts)
    check("[8] the broken .xlsx is listed with its reason",
          "回收/坏表.xlsx" in by_file and by_file["回收/坏表.xlsx"][2].startswith("回收/坏表.xlsx：不是有效的"), f"{refused}")
    check("[8] the text file is listed as not read, and why",
          "回收/说明.txt" in by_file and "不是 .xlsx 或 .docx" in by_file["回收/说明.txt"][2], f"{refused}")


def check_imported(page, tmp):
    form_file = Path(tmp, "讲座登记表.xlsx")
    lecture_form(form_file)
    page.d.get(page.base + "/#/import")
    page.one("#import-file").send_keys(str(form_file))
    page.wait(lambda d: page.css(".import-fields tbody tr"), 30, "the fields found")
    labels = [page.css('input[data-part="label"]', tr)[0].get_attribute("value") for tr in page.css(".import-fields tbody tr")]
    page.click(page.button("填写此表"))
    page.one("#fill-form")
    page.click(page.one('a[data-link="batch"][href="#/import/batch"]'))
    page.one("#batch-page-title")
    check("[9] the imported form's page links to #/import/batch", page.d.current_url.endswith("#/import/batch"), page.d.current_url)
    before = page.clear_downloads()
    page.click(page.button("下载名单模板（CSV）"))
    path = page.wait_download(before)
    header = next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))) if path else []
    check("[9] the imported form's list template is headed by its labels", header == labels, f"{header} != {labels}")
    lectures = [{"讲座名称": n, "主讲人": p, "邮政编码": "450007"} for n, p in
                (("人工智能与未来生活", "王院士"), ("黄河的泥沙", "李教授"), ("星空与望远镜", "赵研究员"))]
    zip_path = generate(page, write_csv(Path(tmp, "lectures.csv"), lectures))
    forms = forms_in(zip_path)[1] if zip_path else {}
    check("[9] the imported form's batch: a zip of 3 forms", len(forms) == 3, batch_status(page))
    found = sorted(l["讲座名称"] for data in forms.values() for l in lectures if l["讲座名称"] in xlsx_values(io.BytesIO(data)))
    check("[9] openpyxl finds each lecture's name in its form", found == sorted(l["讲座名称"] for l in lectures), f"{found}")
    if zip_path:
        kept = Path(tmp, "lectures.zip")
        kept.write_bytes(zip_path.read_bytes())
        collect(page, kept)
        counts = page.one("#collect-counts").text
        check("[9] the imported form's zip collected again: 3 collected", "已收录 3 份" in counts, counts)


def main():
    ap = arguments(__doc__)
    ap.add_argument("--screenshot", help="write a PNG of the batch page here")
    args = ap.parse_args()
    started = time.time()
    if skipped_for_missing("check_web_batch", missing_tools()):
        return 0
    with scratch_folder("gongwen-web-batch-") as tmp:
        server = serve(args.gongwen, tmp, "main")
        try:
            r = http(server.base + "/batch.js")
            check("[1] GET /batch.js: 200 JavaScript", r.status == 200 and "javascript" in (r.header("Content-Type") or ""),
                  f"{r.status}")
            check("[1] index.html loads /batch.js", 'src="/batch.js"' in http(server.base + "/").body.decode())
            templates = {t: json.loads(http(f"{server.base}/api/templates/{t}").body)
                         for t in ("key-project-2020", "statistics-2022", "open-institution-2020")}
            with browser_on(server.base, tmp) as page, driven(page, "batch page", args.screenshot):
                page.d.get(page.base + "/#/form/key-project-2020")
                link = page.one('a[data-link="batch"][href="#/batch/key-project-2020"]')
                check("[2] the form page links to its batch page", link.is_displayed())
                check_key_project(page, tmp, templates["key-project-2020"])
                check_pdf_batch(page, tmp)
                check_list_form(page, tmp, templates["open-institution-2020"])
                check_imported(page, tmp)
                check_statistics(page, tmp, templates["statistics-2022"])
                if args.screenshot:
                    take_screenshot(page, args.screenshot)
                check_console(page, "batch page")
                check_no_foreign_loads(page, "batch page")
        finally:
            server.stop()
    return summary(started)


if __name__ == "__main__":
    sys.exit(main())
