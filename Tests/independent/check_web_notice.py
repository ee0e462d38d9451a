#!/usr/bin/env python3
"""Independent end-to-end check of the notice page (#/notice) of the web page `gongwen serve` serves.

A real browser (Debian's headless Chromium, driven by selenium through Debian's
chromedriver) uses the page the way a person does, against the real binary with
LibreOffice and poppler; the files it downloads are read with pdftotext (poppler)
and python-docx, which nobody on the team wrote.

Checks:
 1. /notice.js is served as JavaScript; POST /api/notices/preview answers every page
    of seed 000 as PNG (poppler's pdftoppm), its count in X-Page-Count and the JSON,
    the images the size of A4 at the dpi asked; dpi over the bound is a 400.
 2. From the list, 公文排版 opens #/notice; examples/notices/000.json chosen in
    打开 JSON 文件 fills the form: organ, number, the title's two lines, the outline
    with its numbers derived from nesting (一、 （一） 1.), every heading at the depth
    of its block, renumbered when a section is indented and outdented, the attached
    key-project form filled in the form page's own controls, the signature and the date.
 3. The live preview shows the pages as images; edits typed quickly one after another
    make at most two preview requests (debounced, the one in flight cancelled).
 4. The date changed to 2020-08-15: the preview's images change; a bad document number
    (brackets []) shows the server's 422 next to its input, and fixed, goes away; so
    does a bad postcode in the attached form, next to that form's own input.
 5. 下载 PDF: pdftotext finds 2020年8月15日 and not 2020年7月22日, and the title;
    下载 DOCX: python-docx finds the same date and the attached form's values.
 6. From a draft (the issue's flow): seed 000's text pasted into 从草稿识别 fills the form
    (organ, number, title lines, recipients, date, every heading, signature, the two
    attachments as their forms); the date corrected changes the preview; 下载 PDF has the
    new date for pdftotext. The same text as a python-docx .docx chosen in the file input
    reads the same; a draft with no title or date says both are missing; an attachment it lists
    but does not hold is shown as 另行发送 and saved with "separate": true.
 7. Every notice in examples/notices opened and saved again with 保存为 JSON is the
    same notice (the form loses and changes nothing it does not edit).
 8. The page as a PNG (--screenshot), and no script errors in the console.

Without chromium, chromedriver, selenium, LibreOffice or poppler it prints a SKIP line and exits 0.

Usage (from the repo root):
    python3 Tests/independent/check_web_notice.py --gongwen .build/debug/gongwen [--screenshot notice-page.png]
"""
import base64
import json
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

from harness import ROOT, arguments, check, docx_texts, http, scratch_folder, summary
from check_web import browser_on, driven, missing_tools, serve, skipped_for_missing

SEED = ROOT / "examples/notices/000.json"
NEW_DATE = "2020-08-15"


def png_size(data):
    return struct.unpack(">II", data[16:24]) if data[:4] == b"\x89PNG" else (0, 0)


def seed_headings(blocks):
    out = []
    for b in blocks:
        if "heading" in b:
            out.append(b["heading"])
        out += seed_headings(b.get("body", []))
    return out


def seed_depths(blocks, depth=0):
    out = []
    for b in blocks:
        out.append(depth)
        out += seed_depths(b.get("body", []), depth + 1)
    return out


def normalized(notice):
    """The notice as the renderer reads it: the defaults written or not (suffix 文件), a
    one-line title as a string or a list of one."""
    n = json.loads(json.dumps(notice))
    n.pop("$schema", None)
    if n.get("issuer", {}).get("suffix", "文件") == "文件":
        n.get("issuer", {}).pop("suffix", None)
    if isinstance(n.get("title"), list) and len(n["title"]) == 1:
        n["title"] = n["title"][0]
    return n


def first_difference(a, b, path=""):
    if type(a) is not type(b):
        return f"{path}: {a!r:.80} vs {b!r:.80}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return first_difference(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
    return "" if a == b else f"{path}: {a!r:.80} vs {b!r:.80}"


# Counts the page's preview requests and keeps their abort signals, in the page itself.
COUNT_PREVIEWS = """
window.__previews = [];
const original = window.fetch;
window.fetch = (url, init) => {
  if (String(url).includes('/api/notices/preview')) window.__previews.push((init && init.signal) || null);
  return original(url, init);
};
"""


def previews_made(page):
    return page.d.execute_script("return window.__previews.length")


def page_images(page):
    return page.d.execute_script(
        "return [...document.querySelectorAll('#notice-pages img')].map(i => i.getAttribute('src'))")


def wait_preview(page, before=None, timeout=120):
    """The preview's images once shown and settled (and different from `before` if given)."""
    def ready(_):
        stale = page.d.execute_script(
            "const b = document.getElementById('notice-pages'); return !b || b.classList.contains('stale') || b.hasAttribute('aria-busy')")
        images = page_images(page)
        return images if images and not stale and images != before else None
    return page.wait(ready, timeout, "the preview's images")


# ---------------------------------------------------------------- 1: the route

def check_route(base):
    r = http(base + "/notice.js")
    check("[1] GET /notice.js: 200 JavaScript", r.status == 200 and "javascript" in (r.header("Content-Type") or ""),
          f"{r.status} {r.header('Content-Type')}")
    body = SEED.read_bytes()
    r = http(base + "/api/notices/preview?dpi=40", body, {"Content-Type": "application/json"}, "POST")
    if not check("[1] preview of seed 000: 200", r.status == 200, f"{r.status} {r.body[:300]!r}"):
        return
    answer = r.json()
    count = answer["pageCount"]
    check("[1] X-Page-Count is the JSON's pageCount, every page drawn",
          r.header("X-Page-Count") == str(count) and len(answer["pages"]) == count and not answer["truncated"],
          f"{r.header('X-Page-Count')} {count} {len(answer['pages'])}")
    pngs = [base64.b64decode(p["image"].split(",", 1)[1]) for p in answer["pages"]]
    sizes = {png_size(p) for p in pngs}
    # A4 (210 × 297 mm) at 40 dpi: 331 × 468 px.
    # (the attached forms may be landscape pages).
    check("[1] every page a PNG the size of A4 at 40 dpi", sizes and all(abs(min(w, h) - 331) <= 1 and abs(max(w, h) - 468) <= 1
                                                                       for w, h in sizes), f"{sizes}")
    check("[1] pages differ from each other (drawn, not blank copies)", len(set(pngs)) == len(pngs), f"{len(set(pngs))}/{len(pngs)}")
    r = http(base + "/api/notices/preview?dpi=300", body, {"Content-Type": "application/json"}, "POST")
    check("[1] dpi over the bound: 400 naming dpi", r.status == 400 and "dpi" in r.body.decode("utf-8", "replace"), f"{r.status}")


# ---------------------------------------------------------------- 6: from a draft

DRAFT = ROOT / "examples/drafts/000.txt"
DRAFT_DATE = "2020-09-30"


def draft_docx(path):
    """Seed 000's text as a Word file of plain paragraphs, as python-docx writes it."""
    import docx
    document = docx.Document()
    for line in DRAFT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def open_draft_box(page):
    """The draft box, open (it opens with the page; opened again if a person closed it)."""
    page.wait(lambda d: page.css(".draft-box"), what="the draft box")
    page.d.execute_script("document.querySelector('.draft-box').open = true")


def check_draft(page, tmp, screenshot=None):
    """The issue's flow: seed 000's text pasted into 从草稿识别, the notice recognised into the
    form, the date corrected, the preview updated, the PDF downloaded and read by pdftotext."""
    page.d.get(page.base + "/#/notice")
    page.wait(lambda d: any("公文排版" in h.text for h in page.css("h1")), what="the notice page's h1")
    open_draft_box(page)
    page.set_value_js(page.one("#draft-text"), DRAFT.read_text(encoding="utf-8"))
    page.click(page.button("识别草稿"))
    status = page.wait(lambda d: (lambda t: t if t and "正在" not in t else None)(page.one("#draft-status").text), 60,
                       "the draft's answer")
    check("[6] seed 000 pasted: the page says the draft is recognised", "已识别" in status, status)
    example = json.loads(SEED.read_text(encoding="utf-8"))
    values = {p: field_input(page, p).get_attribute("value") for p in
              ("issuer.organs", "documentNumber", "title", "recipients", "date")}
    check("[6] organ, number, title lines, recipients and date recognised as the example has them",
          values == {"issuer.organs": example["issuer"]["organs"][0], "documentNumber": example["documentNumber"],
                     "title": "\n".join(example["title"]), "recipients": example["recipients"], "date": example["date"]},
          f"{values}")
    headings = [i.get_attribute("value") for i in page.css("#notice-outline .kind-heading input[data-part=text]")]
    check("[6] every heading of the seed in the outline, in order", headings == seed_headings(example["body"]),
          f"{len(headings)} {headings[:3]}")
    organ = page.one('#notice-organs input[data-part=organ]')
    check("[6] the signature's organ", organ.get_attribute("value") == example["signature"]["organs"][0]["name"],
          organ.get_attribute("value"))
    forms = page.css("#notice-attachments select[data-part=template]")
    chosen = [page.d.execute_script("return arguments[0].value", s) for s in forms]
    wanted = [a["form"]["template"] for a in example["attachments"] if "form" in a]
    check("[6] the two attachments recognised as the example's forms", chosen == wanted, f"{chosen}")

    shown = wait_preview(page)
    check("[6] the recognised notice previewed as pages", len(shown) >= 2, f"{len(shown)} images")
    page.set_value_js(field_input(page, "date"), DRAFT_DATE)
    changed = wait_preview(page, before=shown)
    check("[6] the date corrected: the preview's images change", changed != shown, f"{len(changed)} vs {len(shown)}")
    if screenshot:
        page.d.set_window_size(1280, 1300)
        page.d.save_screenshot(str(Path(screenshot).with_name(Path(screenshot).stem + "-draft.png")))
    pdf = page.download("下载 PDF")
    if check("[6] 下载 PDF downloads a PDF", pdf is not None and pdf.read_bytes()[:5] == b"%PDF-", f"{pdf}"):
        text = "".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        check("[6] pdftotext finds the corrected date 2020年9月30日", "2020年9月30日" in text, text[-300:])
        check("[6] and not the draft's 2020年7月22日", "2020年7月22日" not in text, "")
        check("[6] and the recognised title and number", "关于举办2020年全市科技活动周的通知" in text and "郑科普联办〔2020〕2号" in text, "")

    # The same draft as a Word file, chosen in the file input instead.
    page.d.refresh()
    page.wait(lambda d: any("公文排版" in h.text for h in page.css("h1")), what="the notice page again")
    open_draft_box(page)
    page.one("#draft-file").send_keys(str(draft_docx(tmp / "通知草稿.docx")))
    page.click(page.button("识别草稿"))
    status = page.wait(lambda d: (lambda t: t if t and "正在" not in t else None)(page.one("#draft-status").text), 60,
                       "the Word draft's answer")
    check("[6] the draft as .docx recognised the same", "已识别" in status and
          field_input(page, "title").get_attribute("value") == "\n".join(example["title"]) and
          field_input(page, "date").get_attribute("value") == example["date"], status)

    page.d.refresh()
    page.wait(lambda d: any("公文排版" in h.text for h in page.css("h1")), what="the notice page again")
    open_draft_box(page)
    page.set_value_js(page.one("#draft-text"), "各有关单位：\n现将有关事项通知如下。\n")
    page.click(page.button("识别草稿"))
    status = page.wait(lambda d: (lambda t: t if t and "正在" not in t else None)(page.one("#draft-status").text), 60,
                       "the untitled draft's answer")
    check("[6] a draft with no title or date: the page says what is missing", "标题" in status and "成文日期" in status, status)

    # An attachment the draft lists but does not hold: sent separately, shown and saved so.
    page.set_value_js(page.one("#draft-text"), "某某局文件\n关于报送材料的通知\n各有关单位：\n请报送材料。\n"
                      "附件：活动安排表\n某某局\n2020年7月22日\n")
    page.click(page.button("识别草稿"))
    status = page.wait(lambda d: (lambda t: t if t and "正在" not in t and "标题" not in t else None)(page.one("#draft-status").text),
                       60, "the draft with a listed attachment")
    kinds = [page.d.execute_script("return arguments[0].value", s) for s in page.css("#notice-attachments select[data-part=kind]")]
    check("[6] an attachment listed but not in the draft: 另行发送, with the warning shown", kinds == ["separate"] and "另行发送" in status,
          f"{kinds} {status}")
    saved = page.download("保存为 JSON")
    attachments = json.loads(saved.read_text(encoding="utf-8")).get("attachments") if saved else None
    check("[6] and saved as sent separately", attachments == [{"name": "活动安排表", "separate": True}], f"{attachments}")


# ---------------------------------------------------------------- 2-7: the page

def field_input(page, path):
    return page.one(f'[data-path="{path}"]')


def check_page(page, screenshot):
    page.d.get(page.base + "/")
    page.click(page.one('a[href="#/notice"]'))
    page.wait(lambda d: any("公文排版" in h.text for h in page.css("h1")), what="the notice page's h1")
    check("[2] the list links to #/notice", page.d.current_url.endswith("#/notice"), page.d.current_url)

    page.one("#notice-json-file").send_keys(str(SEED))
    page.wait(lambda d: field_input(page, "documentNumber").get_attribute("value") == "郑科普联办〔2020〕2号",
              what="the seed's document number in its field")
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    values = {p: field_input(page, p).get_attribute("value") for p in
              ("issuer.organs", "title", "recipients", "date")}
    check("[2] organ, title lines, recipients and date from the seed",
          values == {"issuer.organs": seed["issuer"]["organs"][0], "title": "\n".join(seed["title"]),
                     "recipients": seed["recipients"], "date": seed["date"]}, f"{values}")
    numbers = [n.text for n in page.css("#notice-outline [data-part=number]") if n.text]
    check("[2] the outline's numbers come from nesting", numbers[:4] == ["一、", "（一）", "（二）", "二、"] and "1." not in numbers[:4],
          f"{numbers[:8]}")
    headings = [i.get_attribute("value") for i in page.css("#notice-outline .kind-heading input[data-part=text]")]
    check("[2] every heading of the seed is a heading row, in order", headings == seed_headings(seed["body"]),
          f"{len(headings)} {headings[:3]}")
    depths = [int(li.get_attribute("data-depth")) for li in page.css("#notice-outline .outline-row")]
    check("[2] each row at the depth of its block in the seed", depths == seed_depths(seed["body"]), f"{depths[:12]}")
    project = page.wait(lambda d: next((i for i in page.css('#notice-attachments input[name="projectName"]')), None),
                        what="the attached form's projectName input")
    check("[2] the attached key-project form is filled in its own controls",
          project.get_attribute("value") == seed["attachments"][0]["form"]["data"]["projectName"], project.get_attribute("value"))
    organ = page.one('#notice-organs input[data-part=organ]')
    check("[2] the signature's organ", organ.get_attribute("value") == seed["signature"]["organs"][0]["name"], organ.get_attribute("value"))

    # Indented, the second section becomes the first's third subsection, and its own
    # subsections go one level down with it; outdented, it is 二、 again.
    def row_of(heading):
        return next(li for li in page.css("#notice-outline .outline-row")
                    if (page.css("input[data-part=text]", li) or [None])[0] is not None
                    and page.css("input[data-part=text]", li)[0].get_attribute("value") == heading)

    def number_of(heading):
        return page.css("[data-part=number]", row_of(heading))[0].text

    page.click(page.css("button[data-action=indent]", row_of("主要活动内容"))[0])
    indented = (number_of("主要活动内容"), number_of("展示科技战疫成效。"))
    page.click(page.css("button[data-action=outdent]", row_of("主要活动内容"))[0])
    restored = (number_of("主要活动内容"), number_of("展示科技战疫成效。"))
    check("[2] indent and outdent renumber the outline", indented == ("（三）", "1.") and restored == ("二、", "（一）"),
          f"{indented} {restored}")

    first = wait_preview(page)
    check("[3] the preview shows the pages as images", len(first) >= 2, f"{len(first)} images")
    counted = page.one("#notice-pages").get_attribute("data-page-count")
    check("[3] as many images as pages", counted == str(len(first)), f"{counted} {len(first)}")

    # Quick edits: one request after the last (the earlier timers cleared, any request in flight aborted).
    page.d.execute_script(COUNT_PREVIEWS)
    before = previews_made(page)
    recipients = field_input(page, "recipients")
    for _ in range(5):
        recipients.send_keys("x")
        time.sleep(0.15)
    for _ in range(5):
        recipients.send_keys("\ue003")  # backspace
        time.sleep(0.15)
    wait_preview(page)
    time.sleep(1.2)
    made = previews_made(page) - before
    check("[3] ten keystrokes 150 ms apart make one preview request", made == 1, f"{made}")

    # An edit while a preview is being made cancels it: the request in flight is aborted.
    before = previews_made(page)
    recipients.send_keys("x")
    page.wait(lambda d: previews_made(page) > before, 10, "a preview request")
    time.sleep(0.3)
    recipients.send_keys("\ue003")
    aborted = page.d.execute_script(f"return window.__previews[{before}] && window.__previews[{before}].aborted")
    check("[3] an edit while a preview is made aborts the request in flight", aborted is True, f"{aborted}")
    wait_preview(page)

    shown = page_images(page)
    page.set_value_js(field_input(page, "date"), NEW_DATE)
    changed = wait_preview(page, before=shown)
    check("[4] the date changed: the preview's images change", changed != shown and len(changed) == len(shown),
          f"{len(changed)} vs {len(shown)}")

    number = field_input(page, "documentNumber")
    page.set_value_js(number, "郑科普联办[2020]2号")
    page.wait(lambda d: number.get_attribute("aria-invalid") == "true", 120, "the 422 next to the document number")
    error_id = number.get_attribute("aria-describedby") or ""
    message = page.d.find_element("id", error_id.split()[0]).text if error_id else ""
    bad = json.loads(SEED.read_text(encoding="utf-8"))
    bad["documentNumber"] = "郑科普联办[2020]2号"
    r = http(page.base + "/api/notices", json.dumps(bad, ensure_ascii=False).encode(), {"Content-Type": "application/json"}, "POST")
    said = [e["message"] for e in (r.json().get("errors", []) if r.status == 422 else []) if e["field"] == "documentNumber"]
    check("[4] the server's error shown next to 发文字号", said and message == "；".join(said), f"{message!r} vs {said}")
    summary_text = page.one("#notice-errors").text
    check("[4] the error summary names 发文字号", "发文字号" in summary_text, summary_text[:200])
    page.set_value_js(number, "郑科普联办〔2020〕2号")
    page.wait(lambda d: number.get_attribute("aria-invalid") is None and bool(page_images(page)) and
              not page.d.execute_script("return document.getElementById('notice-pages').classList.contains('stale')"),
              120, "the error gone once fixed")
    check("[4] fixed, the error goes and the preview is back", page.one("#notice-errors").get_attribute("hidden") is not None, "")

    # An error inside the attached form lands on that form's own input.
    postcode = page.one('#notice-attachments input[name="postcode"]')
    page.set_value_js(postcode, "4500")
    page.wait(lambda d: postcode.get_attribute("aria-invalid") == "true", 120, "the 422 next to the attached form's postcode")
    described = (postcode.get_attribute("aria-describedby") or "").split()
    message = page.d.find_element("id", described[0]).text if described else ""
    check("[4] an attached form's error shown next to its input", "6 位" in message, message)
    page.set_value_js(postcode, "450007")
    page.wait(lambda d: postcode.get_attribute("aria-invalid") is None and
              not page.d.execute_script("return document.getElementById('notice-pages').classList.contains('stale')"),
              120, "the attached form's error gone once fixed")

    pdf = page.download("下载 PDF")
    if check("[5] 下载 PDF downloads a PDF", pdf is not None and pdf.read_bytes()[:5] == b"%PDF-", f"{pdf}"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        squashed = "".join(text.split())
        check("[5] pdftotext finds the new date written 2020年8月15日", "2020年8月15日" in squashed, squashed[-300:])
        check("[5] and not the seed's date", "2020年7月22日" not in squashed, "")
        check("[5] and the title", "关于举办2020年全市科技活动周的通知" in squashed, "")
    docx = page.download("下载 DOCX")
    if check("[5] 下载 DOCX downloads a DOCX", docx is not None and docx.suffix == ".docx", f"{docx}"):
        texts = "".join("".join(docx_texts(docx)).split())
        check("[5] python-docx finds the new date", "2020年8月15日" in texts, "")
        check("[5] and the attached form's values", "郑州市科学技术馆" in texts, "")

    # Every example in, 保存为 JSON out: the page loses and changes nothing it does not edit.
    for example in sorted((ROOT / "examples/notices").glob("*.json")):
        page.one("#notice-json-file").send_keys(str(example))
        page.wait(lambda d: example.name in page.one("#notice-status").text, 20, f"{example.name} opened")
        saved = page.download("保存为 JSON")
        want = normalized(json.loads(example.read_text(encoding="utf-8")))
        got = normalized(json.loads(saved.read_text(encoding="utf-8"))) if saved else None
        check(f"[2] {example.name} opened and saved again is the same notice", got == want,
              first_difference(want, got))

    if screenshot:
        page.d.set_window_size(1280, 1300)
        page.d.execute_script("document.querySelector('.draft-box').open = false;"
                              "document.querySelector('.notice-layout').scrollIntoView()")
        wait_preview(page)
        time.sleep(0.5)
        page.d.save_screenshot(str(screenshot))
    logs = page.d.get_log("browser")
    bad = [entry["message"] for entry in logs if entry.get("level") == "SEVERE"
           and not any(f"status of {c}" in entry["message"] for c in (422,))]
    check("[7] no script errors in the console", not bad, f"{bad[:3]}")


def main():
    ap = arguments(__doc__)
    ap.add_argument("--screenshot", help="write a PNG of the notice page here")
    args = ap.parse_args()
    started = time.time()
    pdf_tools = [t for t in ("soffice", "pdftoppm", "pdftotext") if not shutil.which(t)]
    if skipped_for_missing("check_web_notice", missing_tools() + pdf_tools):
        return 0
    with scratch_folder("gongwen-web-notice-") as tmp:
        server = serve(args.gongwen, tmp, "main")
        try:
            check_route(server.base)
            with browser_on(server.base, tmp) as page, driven(page, "notice page", args.screenshot):
                check_draft(page, Path(tmp), args.screenshot)
                check_page(page, args.screenshot)
        finally:
            server.stop()
    return summary(started)


if __name__ == "__main__":
    sys.exit(main())
