#!/usr/bin/env python3
"""Independent check of PDFs from `gongwen serve`: the warm pool behind the service, its
queue, its state in /health, and its faults, from outside the process.

The PDFs are read with poppler (pdfinfo, pdftotext); LibreOffice's processes are found in
/proc by the private profile every instance of a gongwen process runs with, so nothing of
the pool's own bookkeeping is trusted for what is left behind.

Checks:
 1. /health before any PDF: engine not-started, no pool; a filled form as PDF (200, a valid
    PDF holding the project's name); /health after: engine warm, instances up, a job done.
 2. The PDF queue (2 instances, --pdf-queue 2): 8 notice PDFs at once get 200 for those
    admitted and 503 `pdf-busy` problem+json with a whole-second Retry-After for the rest;
    every 200 a valid PDF; a form as XLSX asked during the burst is answered 200 (forms do
    not wait behind PDFs).
 3. A soffice.bin killed with SIGKILL while the service converts: every request still 200
    with a valid PDF; /health counts the retry and the restart.
 5. A batch of PDFs (POST /api/batch/{id}?format=pdf&print=true, a JSON Lines list of 5
    units): the zip holds 5 PDFs, each with its own unit's project and organiser in its text
    (pdftotext), no XLSX or DOCX, print.pdf with the forms' pages summed and every unit in
    the list's order, and manifest.csv naming each PDF with status ok.
 4. SIGTERM to `serve` with PDF requests in flight: each finishes (200, a valid PDF) or is
    answered 503; the process exits 0; no soffice.bin or bridge of it is left, nor a
    LibreOffice profile or work folder in its TMPDIR.

Usage (from the repo root):
    python3 Tests/independent/check_serve_pdf.py --gongwen .build/debug/gongwen
"""
import csv
import io
import json
import os
import shutil
import signal
import sys
import threading
import time
import zipfile
from pathlib import Path

from check_pdf_pool import pdf_text, pool_processes
from harness import GongwenEnv, Server, arguments, check, load_example, pdf_page_count, run_checks, skip

NOTICE = json.loads(Path("examples/notices/000.json").read_text(encoding="utf-8"))
FORM = load_example("key-project")


def health(s):
    r = s.request("GET", "/health", timeout=10)
    return r.json() if r.status == 200 else {}


def valid_pdf(env, body, text):
    """Whether `body` is a PDF that poppler reads, with `text` in it."""
    path = env.fresh_dir("pdf") / "answer.pdf"
    path.write_bytes(body)
    return body.startswith(b"%PDF") and pdf_page_count(path) >= 1 and text in pdf_text(path).replace("\n", "")


def at_once(s, n, path, data):
    """`n` POSTs released together; their answers (or the exception) in order."""
    answers = [None] * n
    gate = threading.Barrier(n)

    def one(i):
        gate.wait()
        try:
            answers[i] = s.post_json(path, data)
        except Exception as error:  # a connection refused or reset is an answer to check too
            answers[i] = error

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    return threads, answers


def title_text():
    title = NOTICE["title"]
    return ("".join(title) if isinstance(title, list) else title)[:4]


def check_health_and_form(env, s):
    before = health(s)
    check("[1] /health before any PDF: engine not-started, no pool",
          before.get("pdf", {}).get("engine") == "not-started" and "pool" not in before.get("pdf", {}), str(before))
    check("[1] /health gives the PDF queue: 2 at once, 2 waiting",
          before.get("pdf", {}).get("requests") == {"concurrency": 2, "queueLimit": 2, "load": 0}, str(before))
    r = s.post_json("/api/render/key-project-2020?format=pdf", FORM)
    check("[1] a filled form as PDF: 200 application/pdf", r.status == 200 and r.header("Content-Type") == "application/pdf",
          f"{r.status} {r.body[:300]!r}")
    check("[1] the PDF is valid and holds the project's name", r.status == 200 and valid_pdf(env, r.body, FORM["projectName"][:6]))
    after = health(s)
    pool = after.get("pdf", {}).get("pool", {})
    check("[1] /health after: engine warm, an instance up, a job done, none failed",
          after.get("pdf", {}).get("engine") == "warm" and pool.get("instancesUp", 0) >= 1 and pool.get("jobsDone", 0) >= 1
          and pool.get("jobsFailed") == 0 and pool.get("secondsPerJob", 0) > 0, str(after))


BATCH_UNITS = [("科普大篷车进社区", "郑州市科学技术馆"), ("科技馆开放日", "新乡市科技馆"), ("院士报告会", "濮阳市科协"),
               ("青少年机器人竞赛", "洛阳市青少年宫"), ("农业科技下乡", "南阳市农业科学院")]


def check_batch(env, s):
    lines = "".join(json.dumps({"projectName": p, "organizer": o, "participants": 100 * (i + 1)}, ensure_ascii=False) + "\n"
                    for i, (p, o) in enumerate(BATCH_UNITS))
    r = s.request("POST", "/api/batch/key-project-2020?format=pdf&print=true", body=lines.encode("utf-8"),
                  headers={"Content-Type": "application/x-ndjson"}, timeout=600)
    check("[5] a batch of 5 as PDF with print=true: 200 application/zip, X-Gongwen-Forms 5",
          r.status == 200 and r.header("Content-Type") == "application/zip" and r.header("X-Gongwen-Forms") == "5",
          f"{r.status} {r.body[:300]!r}")
    if r.status != 200:
        return
    folder = env.fresh_dir("batch-pdf")
    with zipfile.ZipFile(io.BytesIO(r.body)) as z:
        names = z.namelist()
        z.extractall(folder)
    pdfs = sorted(n for n in names if n.endswith(".pdf") and n != "print.pdf")
    check("[5] the zip holds 5 form PDFs, print.pdf and manifest.csv, no XLSX or DOCX",
          len(pdfs) == 5 and "print.pdf" in names and "manifest.csv" in names
          and not any(n.endswith((".xlsx", ".docx")) for n in names), str(names))
    texts = {n: squash_text(pdf_text(folder / n)) for n in pdfs}
    found = {p: [n for n, t in texts.items() if p in t and o in t] for p, o in BATCH_UNITS}
    check("[5] each unit's PDF holds its project and organiser (pdftotext), one PDF each",
          all(len(v) == 1 for v in found.values()) and len({v[0] for v in found.values()}) == 5, str(found))
    pages = sum(pdf_page_count(folder / n) for n in pdfs)
    printed = pdf_page_count(folder / "print.pdf")
    check("[5] print.pdf has the forms' pages summed", pages >= 5 and printed == pages, f"print {printed}, forms {pages}")
    whole = squash_text(pdf_text(folder / "print.pdf"))
    where = [whole.find(p) for p, _ in BATCH_UNITS]
    check("[5] print.pdf has every unit, in the list's order", all(w >= 0 for w in where) and where == sorted(where), str(where))
    rows = list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text(encoding="utf-8-sig"))))
    named = sorted(row["file"] for row in rows if row["file"].endswith(".pdf"))
    check("[5] manifest.csv names each PDF with status ok",
          named == pdfs and all(row["status"] == "ok" for row in rows if row["file"] in pdfs), str(rows))


def squash_text(text):
    """pdftotext's text without the line breaks and spaces a table cell wraps into."""
    return "".join(text.split())


def check_queue(env, s):
    threads, answers = at_once(s, 8, "/api/notices?format=pdf", NOTICE)
    # During the burst: a form as XLSX goes through the render queue, not behind the PDFs.
    time.sleep(0.3)
    form = s.post_json("/api/render/key-project-2020", FORM)
    for t in threads:
        t.join(timeout=300)
    ok = [a for a in answers if not isinstance(a, Exception) and a.status == 200]
    busy = [a for a in answers if not isinstance(a, Exception) and a.status == 503]
    others = [a if isinstance(a, Exception) else a.status for a in answers if a not in ok and a not in busy]
    check("[2] 8 PDFs at once: 4 admitted (2 instances + 2 waiting) and answered 200", len(ok) == 4,
          f"{len(ok)} × 200, {len(busy)} × 503, others {others}")
    check("[2] the other 4 answered 503", len(busy) == 4 and not others, f"{len(busy)} × 503, others {others}")
    shapes = [(a.header("Content-Type"), a.json().get("type"), a.header("Retry-After")) for a in busy]
    check("[2] each 503 is problem+json pdf-busy with a whole-second Retry-After",
          busy and all(c == "application/problem+json" and t == "urn:gongwen:problem:pdf-busy" and (r or "").isdigit() and int(r) >= 1
                       for c, t, r in shapes), str(shapes))
    check("[2] every 200 is a valid PDF of the notice", ok and all(valid_pdf(env, a.body, title_text()) for a in ok))
    check("[2] a form as XLSX during the burst: 200", form.status == 200 and form.body[:2] == b"PK", f"{form.status}")


def check_instance_killed(env, s):
    threads, answers = at_once(s, 4, "/api/notices?format=pdf", NOTICE)
    killed = None
    deadline = time.time() + 60
    while killed is None and time.time() < deadline:
        busy = health(s).get("pdf", {}).get("pool", {}).get("busy", 0)
        offices = [pid for pid, name in pool_processes(s.process.pid) if name == "soffice.bin"]
        if busy and offices:
            os.kill(offices[0], signal.SIGKILL)
            killed = offices[0]
        time.sleep(0.02)
    for t in threads:
        t.join(timeout=300)
    check("[3] a soffice.bin was killed while converting", killed is not None)
    statuses = [a if isinstance(a, Exception) else a.status for a in answers]
    check("[3] every request still answered 200", statuses == [200] * 4, str(statuses))
    check("[3] every PDF valid", all(not isinstance(a, Exception) and a.status == 200 and valid_pdf(env, a.body, title_text())
                                     for a in answers))
    pool = health(s).get("pdf", {}).get("pool", {})
    check("[3] /health counts the retry and the restart, no job failed",
          pool.get("retries", 0) >= 1 and pool.get("restarts", 0) >= 1 and pool.get("jobsFailed") == 0, str(pool))


def check_sigterm(env, s):
    threads, answers = at_once(s, 4, "/api/notices?format=pdf", NOTICE)
    deadline = time.time() + 60
    while time.time() < deadline and health(s).get("pdf", {}).get("pool", {}).get("busy", 0) < 1:
        time.sleep(0.02)
    in_flight = health(s).get("pdf", {}).get("requests", {}).get("load", 0)
    pid = s.process.pid
    code = s.stop(timeout=120)
    for t in threads:
        t.join(timeout=120)
    check("[4] PDF requests were in flight at SIGTERM", in_flight >= 2, f"load {in_flight}")
    statuses = [a if isinstance(a, Exception) else a.status for a in answers]
    check("[4] each in-flight request finished 200 or was answered 503", all(st in (200, 503) for st in statuses), str(statuses))
    check("[4] every 200 a valid PDF", all(valid_pdf(env, a.body, title_text()) for a in answers
                                           if not isinstance(a, Exception) and a.status == 200))
    check("[4] serve exited 0 after SIGTERM", code == 0, f"exit {code}: {s.log_text()[-1500:]}")
    left = pool_processes(pid)
    check("[4] no soffice.bin or bridge of the service left", not left, str(left))
    leftovers = sorted(p.name for p in s.tmpdir.iterdir())
    check("[4] nothing left in its TMPDIR (profiles, work folders)", not leftovers, str(leftovers))


def checks(env, args):
    if not shutil.which("soffice"):
        skip("serve PDF", "LibreOffice is not installed")
        return
    s = Server(env.gongwen, env.tmp, "serve-pdf", env={"GONGWEN_PDF_INSTANCES": "2"},
               args=("--concurrency", "2", "--pdf-queue", "2"))
    try:
        if not s.wait_ready():
            check("serve starts", False, s.log_text()[-2000:])
            return
        check_health_and_form(env, s)
        check_batch(env, s)
        check_queue(env, s)
        check_instance_killed(env, s)
        check_sigterm(env, s)
    finally:
        if s.process.poll() is None:
            s.stop()


def main():
    return run_checks(arguments(__doc__), "gongwen-serve-pdf-check-", GongwenEnv, checks)


if __name__ == "__main__":
    sys.exit(main())
