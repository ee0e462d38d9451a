#!/usr/bin/env python3
"""Independent check of `gongwen notice import` (notices from drafts, issue 14).

The drafts are made and the results read with tools nobody on the team wrote: LibreOffice
turns the seed texts into .docx, python-docx writes a draft whose headings are numbered by
Word's automatic numbering (word/numbering.xml), and the JSON printed is compared with the
hand-made notices in examples/notices field by field (json module), the laid-out PDF read with
poppler's pdftotext.

Checks:
 1. Each seed text (examples/drafts/*.txt, text extracted from the real notices' PDFs)
    imports to its example notice 000-004: issuer, number, title lines, recipients, every
    heading and paragraph, attachments and their forms, signatures, date, note, colophon.
    (The examples' form data, typed in by hand for the demos, is not in the seeds and is left
    out; 001's seed lost its date, which is given with --date.)
 2. The same drafts as .docx made by LibreOffice import to the same notices; 000 as a .doc too,
    and as that file named .wps (WPS Writer's binary format is Word 97's).
 3. Seed 003 written with python-docx, its headings numbered by Word (一、 （一） 1. from
    numbering.xml, no typed numbers), imports to the same notice — numbered on each paragraph,
    and numbered through the heading styles (Heading 1-3 with w:numPr in styles.xml).
 4. Mistakes are corrected with a warning on standard error naming them: [] and () brackets,
    第, leading zeros in the 发文字号; 二〇二〇年七月二十二日 and 2020.7.22 written out as
    2020-07-22; a listed attachment with no page stays, with a warning.
 5. A draft with no title, or no date, exits 65 naming what is missing, and --out writes nothing.
 6. `gongwen notice DRAFT.txt --pdf` lays the draft out in one step: the PDF holds its title.
 8. A Word draft whose attachments are two forms' tables, filled in: each becomes its template's
    form with the data the table holds (label | value cells; a header row and its records), and
    the notice lays out (the data passes the forms' rules).
 7. A Word draft whose free-text attachment holds a table: the table is kept as a table block,
    and the notice laid out from the imported JSON has it as a table (python-docx) cell by cell.
 10. A Word draft laid out as a Word 公文 template does it: the 版头 in a table (two organs
    stacked in the first column, 文件 merged down the second), the title's two lines broken by
    a line break (w:br) in one paragraph, a page number in the footer: a joint mark of both
    organs with 文件, the title's two lines, the footer not in the notice; and a 版头 drawn in a
    text box (VML w:pict, w:txbxContent) read as the mark.
 9. The service: POST /api/notices/import with seed 000 as a .doc three times (multipart, as the
    page sends a file) answers the same notice as the CLI each time; the conversions go to the
    warm pool (/health counts them as its jobs, its instances kept), so after the first the
    answer takes well under a LibreOffice start.

Usage (from the repo root):
    python3 Tests/independent/check_notice_import.py --gongwen .build/debug/gongwen [--seeds DIR]
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from harness import GongwenEnv, arguments, check, run_checks, skip

REPO = Path(__file__).resolve().parents[2]
DATES = {"001": "2020-07-17"}  # the seed's last page, with its date, is missing


def expected(number):
    notice = json.loads((REPO / "examples/notices" / f"{number}.json").read_text(encoding="utf-8"))
    if isinstance(notice.get("title"), str):
        notice["title"] = [notice["title"]]
    notice["issuer"].setdefault("suffix", "文件")
    for attachment in notice.get("attachments", []):
        attachment.get("form", {}).pop("data", None)
    if not notice.get("attachments"):
        notice.pop("attachments", None)
    return notice


def differences(got, want, path=""):
    if isinstance(got, dict) and isinstance(want, dict):
        return [d for k in sorted(set(got) | set(want)) for d in differences(got.get(k), want.get(k), f"{path}.{k}")]
    if isinstance(got, list) and isinstance(want, list):
        own = [] if len(got) == len(want) else [f"{path}: {len(got)} items, expected {len(want)}"]
        return own + [d for i, (a, b) in enumerate(zip(got, want)) for d in differences(a, b, f"{path}[{i}]")]
    return [] if got == want else [f"{path}: got {json.dumps(got, ensure_ascii=False)[:100]}, expected {json.dumps(want, ensure_ascii=False)[:100]}"]


def imported(env, draft, number):
    extra = ["--date", DATES[number]] if number in DATES else []
    p = env.run("notice", "import", str(draft), *extra)
    if p.returncode != 0:
        return None, p
    notice = json.loads(p.stdout)
    if not notice.get("attachments"):
        notice.pop("attachments", None)
    for attachment in notice.get("attachments", []):
        attachment.get("form", {}).pop("data", None)
    return notice, p


def compare(env, name, draft, number):
    notice, p = imported(env, draft, number)
    if notice is None:
        check(name, False, f"exit {p.returncode}: {p.stderr.strip()[:300]}")
        return
    found = differences(notice, expected(number))
    check(name, not found, "\n      ".join(found[:8]))


HEADING = [(r"^[一二三四五六七八九十]+、", 0), (r"^（[一二三四五六七八九十]+）", 1), (r"^\d{1,2}\.", 2)]


def auto_numbered(seed_text, out, by_style=False):
    """Seed 003 as Word writes it with automatic heading numbers: each heading's typed number
    removed and its paragraph put in a list whose levels print 一、 （一） 1. — on the paragraph
    itself, or (by_style) through the numbered heading styles Heading 1-3."""
    import re
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if by_style:
        for depth in range(3):
            document.styles[f"Heading {depth + 1}"].element.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{depth}"/><w:numId w:val="90"/></w:numPr>'))
    in_body = False
    for line in seed_text.splitlines():
        text, level = line, None
        if line.startswith("各县(市、区)委宣传部"):
            in_body = True
        elif line.startswith("附件："):
            in_body = False
        if in_body:
            for pattern, depth in HEADING:
                m = re.match(pattern, line)
                if m:
                    text, level = line[m.end():], depth
                    break
        if by_style and level is not None:
            document.add_paragraph(text, style=f"Heading {level + 1}")
            continue
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    document.save(out)


def small_draft(number="郑科普联办〔2020〕2号", date="2020年7月22日", title="关于举办2020年全市科技活动周的通知", extra=""):
    return (f"郑州市科学技术局文件\n{number}\n{title}\n各有关单位：\n一、时间\n2020年8月23—29日。\n{extra}\n"
            f"郑州市科学技术局\n{date}\n")


def body(env, args):
    seeds = Path(args.seeds) if args.seeds else REPO / "examples" / "drafts"
    texts = {p.name[:3]: p for p in sorted(seeds.glob("*.txt"))}
    if len(texts) < 5:
        skip("seeds", f"the five seed texts are not in {seeds}")
        return
    folder = env.fresh_dir("drafts")
    for number, path in texts.items():
        compare(env, f"seed {number}.txt imports to examples/notices/{number}.json", path, number)
    if shutil.which("soffice"):
        for number, path in texts.items():
            shutil.copy(path, folder / f"{number}.txt")
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                        *[str(folder / f"{n}.txt") for n in texts]], capture_output=True, timeout=300)
        for number in texts:
            compare(env, f"seed {number} as .docx (LibreOffice) imports to {number}.json", folder / f"{number}.docx", number)
        # .doc goes through one LibreOffice conversion inside gongwen.
        subprocess.run(["soffice", "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(folder),
                        str(folder / "000.txt")], capture_output=True, timeout=300)
        compare(env, "seed 000 as .doc (Word 97) imports to 000.json", folder / "000.doc", "000")
        # WPS Writer's .wps is an OLE compound file of Word 97's format; LibreOffice tells the
        # format by content, not by name, so the same file named .wps takes the same path.
        shutil.copy(folder / "000.doc", folder / "000.wps")
        compare(env, "seed 000 as .wps (the Word 97 format WPS Writer saves) imports to 000.json", folder / "000.wps", "000")
        check_service(env, folder / "000.doc")
    else:
        skip("docx from LibreOffice", "soffice is not installed")
    numbered = folder / "003-auto-numbered.docx"
    auto_numbered(texts["003"].read_text(encoding="utf-8"), numbered)
    compare(env, "seed 003 with Word's automatic heading numbering imports to 003.json", numbered, "003")
    styled = folder / "003-heading-styles.docx"
    auto_numbered(texts["003"].read_text(encoding="utf-8"), styled, by_style=True)
    compare(env, "seed 003 numbered through Word's heading styles (styles.xml) imports to 003.json", styled, "003")

    cases = [("郑科普联办[2020]2号", "方括号"), ("郑科普联办(2020)2号", "圆括号"), ("郑科普联办〔2020〕第2号", "第"),
             ("郑科普联办〔2020〕02号", "虚位")]
    for written, named in cases:
        draft = folder / f"number-{named}.txt"
        draft.write_text(small_draft(number=written), encoding="utf-8")
        p = env.run("notice", "import", str(draft))
        ok = p.returncode == 0 and json.loads(p.stdout).get("documentNumber") == "郑科普联办〔2020〕2号" and named in p.stderr
        check(f"发文字号 {written} is corrected to 郑科普联办〔2020〕2号 with a warning naming {named}", ok, p.stderr[:300])
    for written in ["二〇二〇年七月二十二日", "二O二O年七月二十二日", "2020.7.22", "2020-07-22"]:
        draft = folder / f"date-{written}.txt"
        draft.write_text(small_draft(date=written), encoding="utf-8")
        p = env.run("notice", "import", str(draft))
        ok = p.returncode == 0 and json.loads(p.stdout).get("date") == "2020-07-22" and "2020年7月22日" in p.stderr
        check(f"date {written} is read as 2020-07-22 and the warning writes it 2020年7月22日", ok, p.stderr[:300])
    draft = folder / "missing-attachment.txt"
    draft.write_text(small_draft(extra="附件：1.活动安排"), encoding="utf-8")
    p = env.run("notice", "import", str(draft))
    ok = p.returncode == 0 and [a["name"] for a in json.loads(p.stdout)["attachments"]] == ["活动安排"] and "另行发送" in p.stderr
    check("an attachment listed but not in the draft stays, with a warning", ok, p.stderr[:300])

    for what, text, named in [("no date", small_draft(date=""), "成文日期"),
                              ("no title", small_draft(title="现将有关事项通知如下"), "标题")]:
        draft = folder / f"{what}.txt"
        draft.write_text(text, encoding="utf-8")
        out = folder / f"{what}.json"
        p = env.run("notice", "import", str(draft), "--out", str(out))
        check(f"a draft with {what} exits 65 naming {named}, and writes nothing",
              p.returncode == 65 and named in p.stderr and not out.exists(), f"exit {p.returncode}: {p.stderr[:300]}")

    draft = folder / "attachment-table.docx"
    document = docx.Document()
    for line in small_draft(extra="附件：活动安排").splitlines() + ["附件", "活动安排", "活动安排如下。"]:
        document.add_paragraph(line)
    rows = [["日期", "活动", "地点"], ["8月23日", "启动式", "北京中关村"], ["8月29日", "闭幕式", "武汉"]]
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(draft)
    p = env.run("notice", "import", str(draft), "--out", str(folder / "attachment-table.json"))
    notice = json.loads((folder / "attachment-table.json").read_text(encoding="utf-8")) if p.returncode == 0 else {}
    kept = [b.get("table") for a in notice.get("attachments", []) for b in a.get("body") or [] if b.get("table")]
    check("a Word draft's attachment table is kept as a table block", kept == [rows], f"{p.stderr[:300]} {kept}")
    out = env.fresh_dir("table-layout")
    p = env.run("notice", str(folder / "attachment-table.json"), "--out", str(out))
    written = list(out.glob("*.docx"))
    found = [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(written[0]).tables] if written else []
    check("the laid-out notice holds the attachment table cell by cell (python-docx)", rows in found, p.stderr[:300])

    draft = folder / "attachment-forms.docx"
    document = docx.Document()
    names = ["2021年科技活动周重点项目备案表", "2021年参与开放活动的科研机构和高校院所备案表"]
    for line in small_draft(extra=f"附件：1.{names[0]}\n2.{names[1]}").splitlines() + ["附件1", names[0]]:
        document.add_paragraph(line)
    pairs = [["项目名称", "科普大篷车进社区", "", ""], ["主办单位", "濮阳市科技馆", "主管部门", "濮阳市科学技术局"],
             ["拟参加人数", "3000", "联系电话", "0393-4812236"]]
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(pairs):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in ["附件2", names[1], "单位（盖章）：濮阳市科学技术局"]:
        document.add_paragraph(line)
    listed = [["单位名称", "开放时间", "开放内容", "具体地址", "联系人", "联系方式"],
              ["濮阳市农业科学院", "5月24日", "育种试验田观摩", "绿城路518号", "王丽娟", "8991526"],
              ["濮阳市气象局", "5月22日至28日", "气象观测站参观", "京开大道26号", "郭志强", "0393-8911702"]]
    table = document.add_table(rows=3, cols=6)
    for r, row in enumerate(listed):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(draft)
    out_json = folder / "attachment-forms.json"
    p = env.run("notice", "import", str(draft), "--out", str(out_json))
    notice = json.loads(out_json.read_text(encoding="utf-8")) if p.returncode == 0 else {"attachments": [{}, {}]}
    forms = [a.get("form", {}) for a in notice.get("attachments", [])] + [{}, {}]
    want_first = {"projectName": "科普大篷车进社区", "organizer": "濮阳市科技馆", "supervisor": "濮阳市科学技术局",
                  "participants": 3000, "phone": "0393-4812236"}
    check("a key-project table in a Word draft fills the key-project-2021 form",
          forms[0].get("template") == "key-project-2021" and forms[0].get("data") == want_first, f"{p.stderr[:200]} {forms[0]}")
    rows = (forms[1].get("data") or {}).get("rows", [])
    check("an open-institution list in a Word draft fills the open-institution-2021 form row by row",
          forms[1].get("template") == "open-institution-2021" and [r.get("name") for r in rows] == ["濮阳市农业科学院", "濮阳市气象局"]
          and rows[1].get("phone") == "0393-8911702" and forms[1]["data"].get("reporter") == "濮阳市科学技术局", f"{forms[1]}")
    out = env.fresh_dir("forms-layout")
    p = env.run("notice", str(draft), "--out", str(out))
    written = list(out.glob("*.docx"))
    cells = {c.text for t in docx.Document(written[0]).tables for r in t.rows for c in r.cells} if written else set()
    check("notice DRAFT.docx lays the filled forms out in one step", p.returncode == 0 and "濮阳市气象局" in cells
          and "科普大篷车进社区" in cells, p.stderr[-300:])

    check_word_template(env, folder)

    if shutil.which("soffice") and shutil.which("pdftotext"):
        out = env.fresh_dir("layout")
        p = env.run("notice", str(texts["000"]), "--pdf", "--out", str(out))
        pdfs = list(out.glob("*.pdf"))
        text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True).stdout if pdfs else ""
        check("notice 000.txt --pdf lays the draft out in one step; the PDF holds the title",
              p.returncode == 0 and "关于举办2020年全市科技活动周的通知" in text.replace(" ", ""), p.stderr[-300:])
    else:
        skip("one-step layout", "soffice or pdftotext is not installed")


def check_word_template(env, folder):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "濮阳市科学技术局"
    table.cell(1, 0).text = "中共濮阳市委宣传部"
    merged = table.cell(0, 1).merge(table.cell(1, 1))
    merged.text = "文件"
    document.add_paragraph("濮科〔2021〕18号")
    title = document.add_paragraph()
    title.add_run("关于举办2021年全市").add_break()
    title.add_run("科技活动周的通知")
    for line in ["各有关单位：", "现将有关事项通知如下。", "濮阳市科学技术局 中共濮阳市委宣传部", "2021年5月8日"]:
        document.add_paragraph(line)
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    draft = folder / "word-template.docx"
    document.save(draft)
    p = env.run("notice", "import", str(draft))
    notice = json.loads(p.stdout) if p.returncode == 0 else {}
    check("[10] a 版头 set in a table: the joint mark of both organs with 文件",
          notice.get("issuer") == {"organs": ["濮阳市科学技术局", "中共濮阳市委宣传部"], "suffix": "文件"}, f"{p.stderr[:200]} {notice.get('issuer')}")
    check("[10] the title's lines broken by w:br, and nothing of the footer",
          notice.get("title") == ["关于举办2021年全市", "科技活动周的通知"] and "— 1 —" not in p.stdout and "1 —" not in p.stdout,
          f"{notice.get('title')}")

    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:400pt;height:60pt"><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>郑州市科学技术局文件</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    for line in ["郑科〔2020〕2号", "关于举办活动的通知", "各有关单位：", "现将有关事项通知如下。", "郑州市科学技术局", "2020年7月22日"]:
        document.add_paragraph(line)
    draft = folder / "text-box-header.docx"
    document.save(draft)
    p = env.run("notice", "import", str(draft))
    notice = json.loads(p.stdout) if p.returncode == 0 else {}
    check("[10] a 版头 in a text box is the mark (not taken from the signature)",
          notice.get("issuer") == {"organs": ["郑州市科学技术局"], "suffix": "文件"} and "署名" not in p.stderr,
          f"{p.stderr[:200]} {notice.get('issuer')}")


def multipart(name, file_name, data):
    boundary = "gongwen-check-boundary"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
            "Content-Type: application/msword\r\n\r\n").encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def check_service(env, doc):
    import time
    from check_web import serve
    from harness import http
    server = serve(env.gongwen, env.fresh_dir("serve"), "import")
    try:
        body, headers = multipart("file", "通知草稿.doc", doc.read_bytes())
        seconds, answers = [], []
        for _ in range(3):
            started = time.monotonic()
            r = http(server.base + "/api/notices/import", body, headers, "POST")
            seconds.append(time.monotonic() - started)
            answers.append(r.json()["notice"] if r.status == 200 else {"status": r.status, "body": r.body[:200]})
        for i, notice in enumerate(answers):
            check(f"[9] POST /api/notices/import with a .doc, request {i + 1}: the notice of 000",
                  not differences(notice, expected("000")), "; ".join(differences(notice, expected("000"))[:3]))
        health = http(server.base + "/health").json()
        pool = health.get("pdf", {}).get("pool", {})
        check("[9] the .doc conversions went to the warm pool (/health: engine warm, 3 jobs done, no restart)",
              health.get("pdf", {}).get("engine") == "warm" and pool.get("jobsDone") == 3 and pool.get("restarts") == 0,
              json.dumps(health.get("pdf"))[:300])
        check("[9] after the first, an import of a .doc takes under a LibreOffice start (< 1.5 s)",
              max(seconds[1:]) < 1.5, f"{[round(s, 2) for s in seconds]}")
    finally:
        server.stop()


if __name__ == "__main__":
    ap = arguments(__doc__, keep="copy the drafts made and the notices imported here")
    ap.add_argument("--seeds", help="the folder of seed texts (default examples/drafts)")
    sys.exit(run_checks(ap, "gongwen-notice-import-", GongwenEnv, body))
