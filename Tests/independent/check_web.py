#!/usr/bin/env python3
"""Independent end-to-end check of the web page that `gongwen serve` serves at /.

A real browser (Debian's headless Chromium, driven by selenium through Debian's
chromedriver) uses the page the way a person does, against the real binary;
the files it downloads are read with openpyxl and python-docx, which nobody on
the team wrote.

Checks:
 1. The page, its script and its style are served with the right content types,
    need no token, and name no other host (no CDN, no web fonts): the browser
    loads nothing from any other origin, and logs no script error.
 2. The list at / shows every template; clicking the key-project-2020 card opens
    its page: every field's Chinese label bound to its input, required marks,
    number inputs for counts (step 1, min 0), e-mail and postcode inputs.
 3. The live counter of the 500-character summary counts characters as a person
    does (一 character outside the BMP is 1), and turns red past 500.
 4. Filled with examples/forms/key-project.json but postcode "4500", clicking
    生成已填表（XLSX） shows the server's error next to the postcode input
    (aria-invalid, aria-describedby, focus) and downloads nothing; fixed to
    "450007", the XLSX downloads under the name the server gave
    (Content-Disposition filename*), and openpyxl finds every value in it;
    the DOCX too, read with python-docx; the blank XLSX opens with the title.
 5. open-institution-2020: the header field, 添加一行 and 删除 (rows renumbered),
    a bad phone in a row shows its error in that row's cell; fixed, the XLSX
    holds the rows kept and not the row removed.
 6. statistics-2022: counts step 1, amounts step any; an amount with decimals
    reaches the XLSX as a number (nested keys).
 7. With GONGWEN_TOKEN set, the page asks for the token (a wrong one is asked
    again) and then lists the templates.
 8. On a templates folder that also holds Tests/NewKinds/forms (kinds no source
    knows): the list heads them with their formName; the grid form groups its
    fields under the table's group label with the unit beside the amounts; both
    forms, filled in the page, download as XLSX holding what was typed.
 9. Bring your own form: from the list, 导入自己的表格; a lecture form made with
    openpyxl (labels no template knows) dropped on the page's zone (a DragEvent
    holding the file) lists its fields, then chosen in the file input; the page lists
    the fields it found with their inferred types (联系电话 phone, 听众人数（人）
    count, 邮政编码 postcode); one key renamed and one field made required in
    the page; 保存模板 JSON downloads the template with the new key in its
    fields and its layout; 填写此表 opens the form page: a required field left
    empty is refused by the server next to its input; filled, the XLSX (openpyxl),
    DOCX (python-docx) and PDF (pdftotext) hold every value typed.

Without chromium, chromedriver or selenium it prints a SKIP line and exits 0
(scripts/install-deps.sh --with-test-readers installs them).

Usage (from the repo root):
    python3 Tests/independent/check_web.py --gongwen .build/debug/gongwen [--screenshot examples/previews/web-form.png]
"""
import base64
import contextlib
import json
import os
import shutil
import sys
import time
import zipfile
from pathlib import Path

from harness import (ROOT, Server, arguments, check, disposition_names, docx_texts, http, is_number, load_example,
                     load_template, scratch_folder, summary, xlsx_values)

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)
CHROMEDRIVER = "/usr/bin/chromedriver"


def serve(gongwen, tmp, name, env=None):
    """A `gongwen serve` ready for the browser, or RuntimeError with the end of its log."""
    server = Server(gongwen, tmp, name, env)
    if not server.wait_ready():
        server.stop()
        raise RuntimeError(f"gongwen serve did not start: {server.log_text()[-2000:]}")
    return server


# ---------------------------------------------------------------- browser

@contextlib.contextmanager
def browser_on(base, tmp):
    """Headless Chromium on the page at `base`, as a Page saving downloads in tmp/dl; the
    browser ends however the block does."""
    dl = Path(tmp, "dl")
    dl.mkdir(exist_ok=True)
    driver = make_driver(dl)
    try:
        yield Page(driver, base, dl)
    finally:
        driver.quit()


@contextlib.contextmanager
def driven(page, what, screenshot=None):
    """A page driven through a block: whatever stops it is one failure, not the end of the
    run (with a PNG of where it stopped, when screenshots are asked for)."""
    try:
        yield
    except Exception as e:  # noqa: BLE001 - a page that cannot be driven on is one failure
        check(f"{what}: the page could be driven to the end", False, f"{type(e).__name__}: {e}")
        if screenshot:
            page.d.save_screenshot(str(Path(screenshot).with_suffix(".failure.png")))


def make_driver(download_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1280,1000", "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
        "intl.accept_languages": "zh-CN,zh",
    })
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


class Page:
    def __init__(self, driver, base, download_dir):
        self.d, self.base, self.dl = driver, base, Path(download_dir)

    def wait(self, cond, timeout=20, what="condition"):
        """`cond` until it holds. An element that goes stale while `cond` reads it is one more
        poll, not a failure: the page replaces its main part when it moves on (the list's
        h1 gives way to a form's), and a poll that falls between finding and reading an
        element would otherwise stop the run — a CI run once stopped so, opening a form."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.support.ui import WebDriverWait
        return WebDriverWait(self.d, timeout, poll_frequency=0.1,
                             ignored_exceptions=[StaleElementReferenceException]).until(cond, f"timed out waiting for {what}")

    def css(self, sel, root=None):
        from selenium.webdriver.common.by import By
        return (root or self.d).find_elements(By.CSS_SELECTOR, sel)

    def one(self, sel, root=None, timeout=20):
        return self.wait(lambda d: (self.css(sel, root) or [None])[0], timeout, sel)

    def button(self, text, root=None):
        from selenium.webdriver.common.by import By
        return self.wait(lambda d: next((b for b in (root or d).find_elements(By.TAG_NAME, "button")
                                         if b.text.strip() == text and b.is_displayed()), None), what=f"button {text}")

    def click(self, el):
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'});", el)
        el.click()

    def input_for_label(self, text, root=None):
        """The input a visible <label> with this text is bound to (label[for] -> id)."""
        for lab in self.css("label", root):
            t = lab.get_attribute("textContent").replace("*", "").strip()
            if t == text and lab.get_attribute("for"):
                return self.d.find_element("id", lab.get_attribute("for"))
        return None

    def set_text(self, el, text):
        el.clear()
        if text:
            el.send_keys(text)

    def drop_file(self, zone, path, media_type=""):
        """Drops the file at `path` on `zone` as dragging it from a file manager does:
        dragenter, dragover and drop, their DataTransfer holding it as a File of its bytes.
        Whether the zone took the drag (its dragover handler cancelled the event)."""
        return self.d.execute_script("""
            const [zone, encoded, name, type] = arguments;
            const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type }));
            const send = (kind) => zone.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer }));
            send("dragenter");
            const taken = !send("dragover");
            send("drop");
            return taken;""", zone, base64.b64encode(Path(path).read_bytes()).decode(), Path(path).name, media_type)

    def set_value_js(self, el, text):
        self.d.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            el, text)

    def files(self):
        return {p.name for p in self.dl.iterdir() if not p.name.endswith((".crdownload", ".tmp"))}

    def clear_downloads(self):
        """Empties the download folder (a file of the same name is not downloaded twice)."""
        for p in self.dl.iterdir():
            p.unlink()
        return set()

    def wait_download(self, before, timeout=30):
        """The one new, complete file in the download folder."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            new = self.files() - before
            partial = [p for p in self.dl.iterdir() if p.name.endswith(".crdownload")]
            if new and not partial:
                p = self.dl / sorted(new)[0]
                if p.stat().st_size > 0:
                    time.sleep(0.2)
                    return p
            time.sleep(0.1)
        return None

    def download(self, label):
        """Clicks the button and returns the file it downloads, None if none comes."""
        before = self.clear_downloads()
        self.click(self.button(label))
        return self.wait_download(before)

    def status(self):
        return (self.css("#status") or [None])[0].text if self.css("#status") else ""


def has_value(cells, v):
    if is_number(v):
        return any(is_number(c) and abs(c - v) < 1e-9 for c in cells)
    return v in cells


def download_xlsx(page, name):
    """Clicks 生成已填表（XLSX） and checks that a file comes; its cells (openpyxl), or None."""
    path = page.download("生成已填表（XLSX）")
    check(f"{name} downloads", path is not None, page.status())
    return xlsx_values(path) if path else None


def server_file_name(base, tid, data, fmt):
    r = http(f"{base}/api/render/{tid}?format={fmt}", json.dumps(data, ensure_ascii=False).encode(),
             {"Content-Type": "application/json"}, "POST")
    return disposition_names(r.header("Content-Disposition"))[0]


# ---------------------------------------------------------------- 1: assets

def check_assets(base):
    types = {"/": "text/html", "/app.js": "javascript", "/app.css": "text/css"}
    bodies = {}
    for path, want in types.items():
        r = http(base + path)
        ctype = r.header("Content-Type") or ""
        check(f"[1] GET {path}: 200 {want}", r.status == 200 and want in ctype, f"{r.status} {ctype}")
        bodies[path] = r.body.decode("utf-8", errors="replace")
    html = bodies["/"]
    check("[1] index.html loads /app.js and /app.css", 'src="/app.js"' in html and 'href="/app.css"' in html, html[:400])
    for path, body in bodies.items():
        ext = [w for w in ("http://", "https://", "//cdn", "@import", "fonts.googleapis") if w in body]
        # the SVG namespace in a data structure is not a fetch; nothing else may name a host
        ext = [w for w in ext if not (w == "http://" and body.count("http://") == body.count("http://www.w3.org/"))]
        check(f"[1] {path} names no other host", not ext, f"found {ext}")


def check_no_foreign_loads(page, name):
    urls = page.d.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    foreign = [u for u in urls if not (u.startswith(page.base) or u.startswith(("blob:", "data:")))]
    check(f"[1] {name}: nothing loaded from another origin", not foreign, f"{foreign}")


def check_console(page, name):
    try:
        logs = page.d.get_log("browser")
    except Exception as e:  # noqa: BLE001 - a driver without logs: nothing to check
        check(f"[1] {name}: browser log readable", False, repr(e))
        return
    bad = [l["message"] for l in logs if l.get("level") == "SEVERE"
           and not any(f"status of {c}" in l["message"] for c in (401, 422))]
    check(f"[1] {name}: no script errors in the console", not bad, f"{bad}")


# ---------------------------------------------------------------- 2-4: key-project

def open_template(page, tid, title):
    page.d.get(page.base + "/")
    link = page.one(f'a.card-link[href="#/form/{tid}"]')
    page.click(link)
    page.wait(lambda d: any(h.text.strip() == title for h in page.css("h1")), what=f"h1 {title}")
    page.one("#fill-form")


def check_key_project(page, templates, example, screenshot):
    tpl = templates["key-project-2020"]
    page.d.get(page.base + "/")
    links = page.wait(lambda d: page.css("a.card-link") or None, what="template cards")
    hrefs = sorted(a.get_attribute("href").split("#", 1)[1] for a in links)
    check("[2] the list links every template", hrefs == sorted(f"/form/{t}" for t in templates), f"{hrefs}")
    check_no_foreign_loads(page, "list page")
    open_template(page, "key-project-2020", tpl["title"])
    check("[2] page title names the template", tpl["title"] in page.d.title, page.d.title)

    inputs = {}
    for f in tpl["fields"]:
        el = page.input_for_label(f["label"], page.one("#fill-form"))
        inputs[f["key"]] = el
        check(f"[2] label {f['label']} bound to its input", el is not None and el.get_attribute("data-key") == f["key"],
              f"{el and el.get_attribute('data-key')}")
    unlabelled = page.d.execute_script(
        "return [...document.querySelectorAll('#fill-form input, #fill-form textarea')]"
        ".filter(e => !e.labels || e.labels.length === 0).map(e => e.id)")
    check("[2] every input has a label", not unlabelled, f"{unlabelled}")
    for f in tpl["fields"]:
        if not f.get("required"):
            continue
        el = inputs.get(f["key"])
        lab = page.css(f'label[for="{el.get_attribute("id")}"]')[0] if el else None
        check(f"[2] required mark on {f['label']}", el is not None and "*" in lab.text
              and el.get_attribute("aria-required") == "true", lab.text if lab else "no input")
    p = inputs["participants"]
    check("[2] 拟参加人数 is a number input, step 1, min 0",
          p.get_attribute("type") == "number" and p.get_attribute("step") == "1" and p.get_attribute("min") == "0",
          f"{p.get_attribute('type')} {p.get_attribute('step')} {p.get_attribute('min')}")
    check("[2] 电子邮箱 is an e-mail input", inputs["email"].get_attribute("type") == "email")
    check("[2] 邮政编码 has pattern \\d{6}", inputs["postcode"].get_attribute("pattern") == r"\d{6}",
          inputs["postcode"].get_attribute("pattern"))
    summary = inputs["summary"]
    check("[2] 项目简介 is a textarea", summary.tag_name == "textarea", summary.tag_name)
    for label in ("下载空白表（XLSX）", "下载空白表（DOCX）", "生成已填表（XLSX）", "生成已填表（DOCX）"):
        check(f"[2] button {label}", page.button(label) is not None)

    # 3: the live counter
    counter_id = next((i for i in (summary.get_attribute("aria-describedby") or "").split() if i.endswith("-count")), None)
    counter = page.d.find_element("id", counter_id) if counter_id else None
    check("[3] the summary has a counter it is described by", counter is not None, summary.get_attribute("aria-describedby"))
    if counter:
        check("[3] counter starts at 0 / 500", counter.text.strip() == "0 / 500", counter.text)
        summary.send_keys("科技𠀀a")
        page.wait(lambda d: counter.text.strip() != "0 / 500", what="counter update")
        check("[3] counter counts as a person does (𠀀 is one character)", counter.text.strip() == "4 / 500", counter.text)
        page.set_value_js(summary, "字" * 499)
        summary.send_keys("文")
        page.wait(lambda d: counter.text.startswith("500"), what="counter 500")
        red_ok = "over" not in counter.get_attribute("class")
        check("[3] 500 characters: 500 / 500, not red", counter.text.strip() == "500 / 500" and red_ok, counter.text)
        summary.send_keys("多")
        page.wait(lambda d: counter.text.startswith("501"), what="counter 501")
        color = counter.value_of_css_property("color")
        rgb = [int(x) for x in color[color.index("(") + 1:color.index(")")].split(",")[:3]]
        check("[3] 501 characters: 501 / 500 in red", counter.text.startswith("501 / 500")
              and rgb[0] > 150 and rgb[1] < 100 and rgb[2] < 100, f"{counter.text} {color}")
        page.set_value_js(summary, "")

    # 4: fill everything, postcode wrong
    for f in tpl["fields"]:
        v = example.get(f["key"])
        if v is None:
            continue
        page.set_text(inputs[f["key"]], "4500" if f["key"] == "postcode" else str(v))
    if counter:
        n = len(example["summary"])
        check("[3] counter after typing the example summary", counter.text.strip() == f"{n} / 500", counter.text)
    before = page.clear_downloads()
    page.click(page.button("生成已填表（XLSX）"))
    postcode = inputs["postcode"]
    page.wait(lambda d: postcode.get_attribute("aria-invalid") == "true", what="postcode aria-invalid")
    wrap = postcode.find_element("xpath", "ancestor::div[contains(@class,'field')][1]")
    errs = [e for e in page.css(".field-error", wrap) if e.is_displayed()]
    err_text = errs[0].text if errs else ""
    check("[4] bad postcode: error shown next to the postcode input", "6 位数字" in err_text, err_text)
    check("[4] bad postcode: input described by its error",
          errs and errs[0].get_attribute("id") in (postcode.get_attribute("aria-describedby") or "").split(),
          postcode.get_attribute("aria-describedby"))
    check("[4] bad postcode: focus moved to the postcode input",
          page.d.switch_to.active_element == postcode, page.d.switch_to.active_element.get_attribute("id"))
    others = [e.text for e in page.css(".field-error") if e.is_displayed() and e not in errs]
    check("[4] bad postcode: no error on any other field", not others, f"{others}")
    box = page.one("#error-summary")
    check("[4] bad postcode: summary box lists it", box.is_displayed() and "邮政编码" in box.text, box.text)
    time.sleep(0.5)
    check("[4] bad postcode: nothing downloaded", page.files() == before, f"{page.files() - before}")

    # fix, generate
    page.set_text(postcode, "450007")
    check("[4] typing clears the error", postcode.get_attribute("aria-invalid") is None,
          postcode.get_attribute("aria-invalid"))
    fixed = dict(example)
    want_name = server_file_name(page.base, "key-project-2020", fixed, "xlsx")
    path = page.download("生成已填表（XLSX）")
    check("[4] the filled XLSX downloads", path is not None, f"files {page.files()}")
    if path:
        check("[4] saved under the server's file name (filename*)", want_name and path.name == want_name,
              f"{path.name!r} vs {want_name!r}")
        check("[4] the page says it was generated", "已生成" in page.status(), page.status())
        check("[4] the error summary is gone", not page.one("#error-summary").is_displayed())
        try:
            cells = xlsx_values(path)
            missing = [k for k, v in fixed.items() if not has_value(cells, v)]
            check("[4] openpyxl finds every value in the XLSX", not missing, f"missing {missing}")
            check("[4] the XLSX has the fixed postcode, not the bad one", "450007" in cells and "4500" not in cells)
        except Exception as e:  # noqa: BLE001
            check("[4] openpyxl opens the XLSX", False, repr(e))
    if screenshot:
        take_screenshot(page, screenshot)

    # the DOCX, and the blank form
    path = page.download("生成已填表（DOCX）")
    check("[4] the filled DOCX downloads", path is not None and path.suffix == ".docx", f"{path}")
    if path:
        try:
            joined = "\n".join(docx_texts(path))
            missing = [k for k, v in fixed.items() if str(v) not in joined]
            check("[4] python-docx finds every value in the DOCX", not missing, f"missing {missing}")
        except Exception as e:  # noqa: BLE001
            check("[4] python-docx opens the DOCX", False, repr(e))
    path = page.download("下载空白表（XLSX）")
    check("[4] the blank XLSX downloads", path is not None and path.suffix == ".xlsx", f"{path}")
    if path:
        try:
            cells = xlsx_values(path)
            check("[4] the blank XLSX has the title and no filled value",
                  tpl["title"] in cells and fixed["projectName"] not in cells, f"{cells[:5]}")
        except Exception as e:  # noqa: BLE001
            check("[4] openpyxl opens the blank XLSX", False, repr(e))
    path = page.download("下载空白表（DOCX）")
    check("[4] the blank DOCX downloads and is a zip", path is not None and zipfile.is_zipfile(path), f"{path}")
    check_no_foreign_loads(page, "form page")


def take_screenshot(page, out):
    """The filled form, whole page, as PNG (kept small: one device pixel per CSS pixel)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    d = page.d
    d.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
    width = 1100
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    time.sleep(0.3)
    import base64
    shot = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    data = base64.b64decode(shot["data"])
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    try:  # Pillow, where it is installed, makes it a palette PNG a third the size
        from io import BytesIO
        from PIL import Image
        img = Image.open(BytesIO(data)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        buf = BytesIO()
        img.save(buf, "PNG", optimize=True)
        if len(buf.getvalue()) < len(data):
            data = buf.getvalue()
    except Exception:  # noqa: BLE001 - keep the browser's PNG
        pass
    out.write_bytes(data)
    check("[4] screenshot written", out.stat().st_size > 10_000, f"{out} {out.stat().st_size} bytes")
    print(f"screenshot {out} ({out.stat().st_size // 1024} KB)")


# ---------------------------------------------------------------- 5: open-institution

def check_open_institution(page, templates):
    tpl = templates["open-institution-2020"]
    open_template(page, "open-institution-2020", tpl["title"])
    form = page.one("#fill-form")
    reporter = page.input_for_label("填报单位", form)
    check("[5] header field 填报单位 has a bound input", reporter is not None)
    rows = lambda: page.css("tbody tr.data-row", form)  # noqa: E731
    check("[5] the list starts with one row", len(rows()) == 1, f"{len(rows())} rows")
    heads = [th.text.replace("*", "").strip() for th in page.css("thead th", form)]
    labels = [f["label"] for f in tpl["fields"] if f["key"].startswith("rows[].")]
    check("[5] column headings are the template's labels", all(l in heads for l in labels), f"{heads}")
    add = page.button("添加一行")
    page.click(add)
    page.click(add)
    check("[5] 添加一行 twice: three rows", len(rows()) == 3, f"{len(rows())} rows")
    check("[5] focus moves to the new row", page.d.switch_to.active_element.get_attribute("data-key") == "rows[].name")
    data = [
        {"name": "中原油田勘探开发研究院", "openTime": "5月22日", "content": "岩心标本陈列室参观",
         "address": "濮阳市华龙区中原东路 183 号", "contact": "刘振华", "phone": "0393-4812236"},
        {"name": "将被删除的单位", "phone": "123"},
        {"name": "濮阳市农业科学院", "openTime": "5月24日至26日", "content": "小麦育种试验田观摩",
         "address": "濮阳市华龙区绿城路 518 号", "contact": "王丽娟", "phone": "call me"},
    ]
    page.set_text(reporter, "濮阳市科学技术局")
    for tr, values in zip(rows(), data):
        for sub, v in values.items():
            page.set_text(page.css(f'[data-key="rows[].{sub}"]', tr)[0], v)
    second = rows()[1]
    remove = [b for b in page.css("button", second) if b.text.strip() == "删除"]
    check("[5] each row has a 删除 button", bool(remove))
    if remove:
        check("[5] 删除 names its row for screen readers", remove[0].get_attribute("aria-label") == "删除第 2 行",
              remove[0].get_attribute("aria-label"))
        page.click(remove[0])
    names = [page.css('[data-key="rows[].name"]', tr)[0].get_attribute("value") for tr in rows()]
    check("[5] 删除: the row is gone, the others kept", names == [data[0]["name"], data[2]["name"]], f"{names}")
    nums = [tr.find_element("css selector", "th").text for tr in rows()]
    check("[5] rows renumbered after 删除", nums == ["1", "2"], f"{nums}")
    lab = page.css("label", rows()[1])[0].get_attribute("textContent")
    check("[5] row labels renumbered (第 2 行 单位名称)", lab.strip() == "第 2 行 单位名称", lab)

    # a bad phone in the second row: its error shows in that row
    before = page.clear_downloads()
    page.click(page.button("生成已填表（XLSX）"))
    phone = page.css('[data-key="rows[].phone"]', rows()[1])[0]
    page.wait(lambda d: phone.get_attribute("aria-invalid") == "true", what="row phone error")
    cell = phone.find_element("xpath", "ancestor::td[1]")
    err = [e.text for e in page.css(".field-error", cell) if e.is_displayed()]
    check("[5] a bad phone in row 2: error in that row's cell", err and "电话" in err[0], f"{err}")
    first_phone = page.css('[data-key="rows[].phone"]', rows()[0])[0]
    check("[5] row 1's phone is not marked", first_phone.get_attribute("aria-invalid") is None)
    box = page.one("#error-summary")
    check("[5] the summary names the row", "第 2 行" in box.text, box.text)
    page.set_text(phone, "0393-8991526")
    page.click(page.button("生成已填表（XLSX）"))
    path = page.wait_download(before)
    check("[5] the filled list XLSX downloads", path is not None, f"{page.files()}")
    if path:
        cells = xlsx_values(path)
        kept = [data[0]["name"], data[2]["name"], "0393-8991526", data[0]["content"]]
        check("[5] openpyxl finds the kept rows", all(v in cells for v in kept), f"{[v for v in kept if v not in cells]}")
        check("[5] the removed row is not in the XLSX", data[1]["name"] not in cells)
        check("[5] the reporter is in the header line", any(isinstance(c, str) and "濮阳市科学技术局" in c for c in cells))


# ---------------------------------------------------------------- 6: statistics

def check_statistics(page, templates):
    tpl = templates["statistics-2022"]
    open_template(page, "statistics-2022", tpl["title"])
    form = page.one("#fill-form")
    # Grouped as on paper: each label that spans several rows of the table heads its fields.
    legends = [e.text.strip() for e in page.css("fieldset.field-group legend", form)]
    groups = [c["text"] for r in tpl["layout"]["rows"] for c in r["cells"][:1] if c.get("text") and c.get("rowSpan", 1) > 1]
    check("[6] the fields are grouped under the table's group labels", groups and legends == groups, f"{legends} vs {groups}")
    funds = page.css("fieldset.field-group", form)[1] if len(legends) > 1 else None
    check("[6] 中央财政经费投入情况 sits in the funds group",
          funds is not None and page.css('[data-key="funds.central"]', funds) != [], str(legends[:2]))
    for f in tpl["fields"]:
        if f["type"] not in ("count", "amount"):
            continue
        el = page.css(f'[data-key="{f["key"]}"]', form)
        step = "1" if f["type"] == "count" else "any"
        ok = el and el[0].get_attribute("type") == "number" and el[0].get_attribute("step") == step \
            and el[0].get_attribute("min") == "0"
        check(f"[6] {f['label']}: number input, step {step}", ok)
    page.set_text(page.input_for_label("部门/地方", form), "新乡市科学技术局")
    page.set_text(page.css('[data-key="funds.central"]', form)[0], "15.5")
    page.set_text(page.css('[data-key="staff.volunteers"]', form)[0], "1350")
    cells = download_xlsx(page, "[6] the statistics XLSX")
    if cells is not None:
        check("[6] 15.5 and 1350 are numbers in the XLSX", has_value(cells, 15.5) and has_value(cells, 1350),
              f"{[c for c in cells if isinstance(c, (int, float))]}")


# ---------------------------------------------------------------- 7: token

def check_token(gongwen, tmp):
    server = serve(gongwen, tmp, "token", {"GONGWEN_TOKEN": "s3cret-token"})
    dl = Path(tmp, "dl-token")
    dl.mkdir()
    driver = make_driver(dl)
    try:
        page = Page(driver, server.base, dl)
        st = http(server.base + "/api/templates").status
        check("[7] with GONGWEN_TOKEN the API answers 401 without it", st == 401, f"{st}")
        st = http(server.base + "/").status
        check("[7] the page itself needs no token", st == 200, f"{st}")
        driver.get(server.base + "/")
        box = page.one("dialog[open] #token-input")
        check("[7] the page asks for the token", box is not None)
        box.send_keys("wrong")
        page.click(page.button("确定"))
        help_text = page.wait(lambda d: (page.css("dialog[open] #token-help") or [None])[0], what="second prompt")
        check("[7] a wrong token is asked again", "不正确" in help_text.text, help_text.text)
        page.one("dialog[open] #token-input").send_keys("s3cret-token")
        page.click(page.button("确定"))
        cards = page.wait(lambda d: page.css("a.card-link") or None, what="cards after token")
        check("[7] with the token the templates are listed", len(cards) > 0)
        kept = driver.execute_script("return sessionStorage.getItem('gongwen.token')")
        check("[7] the token is kept in sessionStorage", kept == "s3cret-token", f"{kept}")
    finally:
        driver.quit()
        server.stop()


# ---------------------------------------------------------------- 8: new kinds

def check_new_kinds(gongwen, tmp):
    root = Path(tmp, "templates-new-kinds")
    shutil.copytree(ROOT / "templates", root)
    for f in (ROOT / "Tests/NewKinds/forms").glob("*.json"):
        shutil.copy(f, root / "forms" / f.name)
    server = serve(gongwen, tmp, "kinds", {"GONGWEN_TEMPLATES": str(root)})
    dl = Path(tmp, "dl-kinds")
    dl.mkdir()
    driver = make_driver(dl)
    try:
        page = Page(driver, server.base, dl)
        driver.get(server.base + "/")
        page.one('a.card-link[href="#/form/science-base-2026"]')
        headings = [e.text.strip() for e in page.css("section.template-group h2")]
        check("[8] the list heads the new kinds with their formName",
              "科普教育基地申报表" in headings and "主要活动一览表" in headings, f"{headings}")

        open_template(page, "science-base-2026", "2026 年科普教育基地申报表")
        form = page.one("#fill-form")
        legends = [e.text.strip() for e in page.css("fieldset.field-group legend", form)]
        check("[8] the grid's fields sit under its group label", legends == ["年度科普经费 (单位：万元)"], f"{legends}")
        own = page.css('[data-key="funds.own"]', form)
        unit = page.css(f'#{own[0].get_attribute("id")}-unit', form) if own else []
        check("[8] the unit 万元 stands beside the amount", unit and unit[0].text.strip() == "万元",
              unit[0].text if unit else "no unit")
        page.set_text(page.input_for_label("基地名称", form), "郑州市青少年科技馆")
        page.set_text(page.css('[data-key="visitors"]', form)[0], "86000")
        page.set_text(own[0], "12.35")
        cells = download_xlsx(page, "[8] the grid form")
        if cells is not None:
            check("[8] openpyxl finds what was typed, numbers as numbers",
                  "郑州市青少年科技馆" in cells and has_value(cells, 86000) and has_value(cells, 12.35), f"{cells[:12]}")

        open_template(page, "activity-list-2026", "2026 年科技活动周主要活动一览表")
        form = page.one("#fill-form")
        page.set_text(page.input_for_label("填报单位", form), "新乡市科学技术局")
        row = page.css("tbody tr.data-row", form)[0]
        page.set_text(page.css('[data-key="rows[].name"]', row)[0], "院士报告会")
        page.set_text(page.css('[data-key="rows[].participants"]', row)[0], "450")
        cells = download_xlsx(page, "[8] the list form")
        if cells is not None:
            check("[8] its row is in the XLSX", "院士报告会" in cells and has_value(cells, 450), f"{cells[:12]}")
        check_console(page, "new kinds")
    finally:
        driver.quit()
        server.stop()


# ---------------------------------------------------------------- 9: bring your own form

def lecture_form(path):
    """A grid form as an office would make it in Excel: a merged title, ruled cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side
    wb = Workbook()
    ws = wb.active
    ws.merge_cells("A1:D1")
    ws["A1"] = "2023 年科普讲座登记表"
    rows = [["讲座名称", None, None, None], ["主讲人", None, "联系电话", None], ["听众人数（人）", None, "邮政编码", None]]
    thin = Side(style="thin")
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells("B2:D2")
    for col in "ABCD":
        ws.column_dimensions[col].width = 18
    wb.save(path)


def check_import(page, tmp):
    form_file = Path(tmp, "讲座登记表.xlsx")
    lecture_form(form_file)
    # Dragged onto the page first: the same file dropped on the zone is read the same way.
    page.d.get(page.base + "/#/import")
    taken = page.drop_file(page.one(".drop-zone"), form_file,
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    check("[9] the import page's drop zone takes a dragged file", taken)
    page.wait(lambda d: page.css(".import-fields tbody tr"), 30, "the fields of the dropped file")
    dropped = {page.css('input[data-part="label"]', tr)[0].get_attribute("value") for tr in page.css(".import-fields tbody tr")}
    check("[9] the dropped file's fields are listed", {"讲座名称", "主讲人", "联系电话"} <= dropped, f"{sorted(dropped)}")
    page.d.get(page.base + "/#/")
    page.click(page.one('a[href="#/import"]'))
    page.one("#import-file").send_keys(str(form_file))
    page.wait(lambda d: page.css(".import-fields tbody tr"), 30, "the fields found")
    rows = page.css(".import-fields tbody tr")
    found = {}
    for tr in rows:
        label = page.css('input[data-part="label"]', tr)[0].get_attribute("value")
        kind = page.d.execute_script("return arguments[0].value", page.css('select[data-part="type"]', tr)[0])
        found[label] = (tr, kind)
    check("[9] the page lists the fields found", {"讲座名称", "主讲人", "联系电话", "听众人数（人）", "邮政编码"} <= set(found),
          f"{sorted(found)}")
    check("[9] with the types inferred", found.get("联系电话", (0, ""))[1] == "phone" and found.get("听众人数（人）", (0, ""))[1] == "count"
          and found.get("邮政编码", (0, ""))[1] == "postcode", f"{ {k: v[1] for k, v in found.items()} }")
    name_row = found["讲座名称"][0]
    key_input = page.css('input[data-part="key"]', name_row)[0]
    page.d.execute_script("arguments[0].value = 'lectureName'; arguments[0].dispatchEvent(new Event('change'));", key_input)
    page.click(page.css('input[data-part="required"]', name_row)[0])
    before = page.clear_downloads()
    page.click(page.button("保存模板 JSON"))
    saved = page.wait_download(before)
    template = json.loads(saved.read_text(encoding="utf-8")) if saved else {}
    cells = [c.get("field") for row in template.get("layout", {}).get("rows", []) for c in row.get("cells", [])]
    named = next((f for f in template.get("fields", []) if f.get("key") == "lectureName"), {})
    check("[9] 保存模板 JSON: the renamed key in the fields and the layout, the field required",
          named.get("label") == "讲座名称" and named.get("required") is True and "lectureName" in cells,
          f"{named} {cells}")

    page.click(page.button("填写此表"))
    form = page.one("#fill-form")
    name_input = page.input_for_label("讲座名称", form)
    check("[9] the form page is built from the imported template", name_input is not None)
    page.set_text(page.input_for_label("主讲人", form), "王院士")
    page.click(page.button("生成已填表（XLSX）"))
    page.wait(lambda d: name_input.get_attribute("aria-invalid") == "true", 20, "the server's error on 讲座名称")
    check("[9] the field made required is refused empty, next to its input", name_input.get_attribute("aria-invalid") == "true")
    values = {"讲座名称": "人工智能与未来生活", "联系电话": "0371-67180000", "听众人数（人）": "120", "邮政编码": "450007"}
    for label, value in values.items():
        page.set_text(page.input_for_label(label, form), value)
    cells = download_xlsx(page, "[9] the imported form as XLSX")
    if cells is not None:
        check("[9] openpyxl finds every value typed", all(has_value(cells, int(v) if v == "120" else v) for v in
                                                           ["人工智能与未来生活", "王院士", "0371-67180000", "120", "450007"]),
              f"{cells[:16]}")
    docx = page.download("生成已填表（DOCX）")
    texts = " ".join(docx_texts(docx)) if docx else ""
    check("[9] python-docx finds every value typed in the DOCX",
          all(v in texts for v in ["人工智能与未来生活", "王院士", "0371-67180000", "120", "450007"]), texts[:300])
    pdf = page.download("生成已填表（PDF）") if shutil.which("soffice") else None
    if shutil.which("soffice"):
        import subprocess
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.replace(" ", "") if pdf else ""
        check("[9] pdftotext finds every value typed in the PDF",
              all(v in text for v in ["人工智能与未来生活", "王院士", "0371-67180000", "450007"]), text[:300])
    check_console(page, "import")


# ---------------------------------------------------------------- main

def skipped_for_missing(check_name, missing):
    """Whether the check is skipped because `missing` names tools it needs: then it says so,
    how to install them, and an empty tally, and the caller exits 0."""
    if not missing:
        return False
    print(f"SKIP {check_name}: {', '.join(missing)} not installed "
          "(scripts/install-deps.sh --with-test-readers installs them)")
    print("0 passed, 0 failed")
    return True


def missing_tools():
    missing = []
    if not CHROMIUM:
        missing.append("chromium")
    if not os.path.exists(CHROMEDRIVER):
        missing.append("chromium-driver")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium")
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        missing.append("openpyxl")
    return missing


def main():
    ap = arguments(__doc__)
    ap.add_argument("--screenshot", help="write a PNG of the filled key-project form here")
    ap.add_argument("--url", help="test this running server instead of starting `gongwen serve` (skips check 7)")
    args = ap.parse_args()
    started = time.time()
    if skipped_for_missing("check_web", missing_tools()):
        return 0

    templates = {t["id"]: t for t in (load_template(p.stem) for p in sorted(Path("templates/forms").glob("*.json")))}
    example = load_example("key-project")
    with scratch_folder("gongwen-web-") as tmp:
        server = None
        driver = None
        try:
            if args.url:
                base = args.url.rstrip("/")
            else:
                server = serve(args.gongwen, tmp, "main")
                base = server.base
            r = http(base + "/api/templates")
            api_ids = sorted(t["id"] for t in r.json()) if r.status == 200 else []
            check("[1] GET /api/templates lists the templates", api_ids == sorted(templates), f"{r.status} {api_ids}")
            check_assets(base)
            dl = Path(tmp, "dl")
            dl.mkdir()
            driver = make_driver(dl)
            page = Page(driver, base, dl)
            steps = [("key-project", lambda: check_key_project(page, templates, example, args.screenshot)),
                     ("open-institution", lambda: check_open_institution(page, templates)),
                     ("statistics", lambda: check_statistics(page, templates)),
                     ("import", lambda: check_import(page, tmp))]
            for name, step in steps:
                try:
                    step()
                except Exception as e:  # noqa: BLE001 - a step that cannot go on is one failure, not the end
                    check(f"{name}: the page could be driven to the end", False, f"{type(e).__name__}: {e}")
            check_console(page, "all pages")
            driver.quit()
            driver = None
            if server:
                server.stop()
                server = None
                try:
                    check_token(args.gongwen, tmp)
                except Exception as e:  # noqa: BLE001
                    check("[7] token prompt could be driven to the end", False, f"{type(e).__name__}: {e}")
                try:
                    check_new_kinds(args.gongwen, tmp)
                except Exception as e:  # noqa: BLE001
                    check("[8] the new kinds could be driven to the end", False, f"{type(e).__name__}: {e}")
        finally:
            if driver:
                driver.quit()
            if server:
                server.stop()
    return summary(started)


if __name__ == "__main__":
    sys.exit(main())
