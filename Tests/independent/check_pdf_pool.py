#!/usr/bin/env python3
"""Independent fault check of the warm LibreOffice pool behind every PDF (`gongwen pdf`,
`gongwen notice --pdf`).

The PDFs are read with poppler (pdfinfo, pdftotext); the processes are found in /proc, by
the private profile every instance of a gongwen process runs with
(`gongwen-pdf-pool-<gongwen's pid>-…`), so nothing of the pool's own bookkeeping is trusted.

Checks:
 1. 20 DOCX (15 filled key-project forms, the 5 seed notices) through `gongwen pdf` with two
    instances while one soffice.bin is killed with SIGKILL mid-run: exit 0, 20 PDFs, each
    valid (pdfinfo) with its text (pdftotext); the counters say one job was retried and an
    instance restarted.
 2. A document that makes LibreOffice overrun its deadline (a 1,500-row table, 2 s allowed):
    exit 70 and a clear error naming that file and the timeout; the documents after it are
    converted by the same process (the pool recovered: restarted instances, jobs done).
 3. No soffice.bin or bridge of a gongwen process is left once it ends: after each run
    above, after `notice --pdf`, and after gongwen itself is killed mid-run with SIGTERM and
    with SIGKILL.
 4. Where no instance can start (the bridge's Python made unable to run), the PDFs are still
    made, cold, and standard error says so once; they match the warm ones of check 1
    (pdftotext -layout, pdffonts): the pool changes how fast, not what is printed.
 7. A soffice.bin killed with SIGKILL mid-batch (`batch --format pdf` of 30 records, 2
    instances): the batch completes (exit 0), its manifest names 30 PDFs, each valid and
    holding its own unit's name.
 6. Ctrl-C (SIGINT) in `batch --format pdf`, and SIGTERM in a large XLSX batch: exit 130 / 143,
    nothing half-written left in the output folder (no hidden staging folder or temporary
    file), every PDF left valid, no soffice left.
 5. Instances are replaced after K jobs (GONGWEN_PDF_JOBS_PER_INSTANCE) and above the memory
    ceiling (GONGWEN_PDF_MEMORY_CEILING_MB), as the counters say, and every PDF is made.

Usage (from the repo root):
    python3 Tests/independent/check_pdf_pool.py --gongwen .build/debug/gongwen [--keep DIR]
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import GongwenEnv, arguments, check, load_example, pdf_page_count, run_checks, skip


def pool_processes(gongwen_pid):
    """Live (not zombie) processes of the pool of the gongwen process `gongwen_pid`:
    (pid, name) for each soffice.bin and bridge whose command line names its profile."""
    marker = f"gongwen-pdf-pool-{gongwen_pid}-".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append((int(entry.name), name))
    return found


def none_left(name, pid, grace=3.0):
    """Checks that nothing of `pid`'s pool runs `grace` seconds after it ended."""
    deadline = time.time() + grace
    left = pool_processes(pid)
    while left and time.time() < deadline:
        time.sleep(0.1)
        left = pool_processes(pid)
    check(f"[3] no soffice left after {name}", not left, str(left))
    profiles = list(Path(tempfile.gettempdir()).glob(f"gongwen-pdf-pool-{pid}-*"))
    while profiles and time.time() < deadline:
        time.sleep(0.1)
        profiles = [p for p in profiles if p.exists()]
    check(f"[3] no LibreOffice profile left after {name}", not profiles, str(profiles))


def stats_of(stderr):
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {}


def make_docx(env):
    """15 filled key-project forms and the 5 seed notices as DOCX; returns (paths, texts)."""
    folder = env.fresh_dir("docx")
    p, _, form = env.render("key-project-2020", load_example("key-project"), "docx", out=folder)
    check("key-project form renders as DOCX", p.returncode == 0 and form and form.exists(), p.stderr)
    files, texts = [], []
    for i in range(15):
        target = folder / f"form-{i:02d}.docx"
        shutil.copy(form, target)
        files.append(target)
        texts.append(load_example("key-project")["projectName"][:6])
    form.unlink()
    for n in range(5):
        source = sorted(Path("examples/notices").glob(f"00{n}*.json"))[0]
        p = env.run("notice", str(source), "--out", str(folder / f"notice-{n}"))
        docx = Path(p.stdout.strip().splitlines()[0]) if p.returncode == 0 else None
        check(f"notice {source.name} renders as DOCX", docx and docx.exists(), p.stderr)
        target = folder / f"notice-{n}.docx"
        shutil.copy(docx, target)
        files.append(target)
        title = json.loads(source.read_text(encoding="utf-8"))["title"]
        texts.append(("".join(title) if isinstance(title, list) else title)[:4])
    return files, texts


def pdf_text(pdf):
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout


def kill_an_office_mid_run(p, out, timeout):
    """SIGKILLs one soffice.bin of `p`'s pool once 3 PDFs are in `out` and more are to come;
    returns its pid, None when the run ended first."""
    deadline = time.time() + timeout
    while time.time() < deadline and p.poll() is None:
        offices = [pid for pid, name in pool_processes(p.pid) if name == "soffice.bin"]
        if offices and len(list(out.glob("*.pdf"))) >= 3:
            os.kill(offices[0], signal.SIGKILL)
            return offices[0]
        time.sleep(0.02)
    return None


def check_sigkill_mid_run(env, files, texts):
    out = env.fresh_dir("killed")
    p = subprocess.Popen([env.gongwen, "pdf", *map(str, files), "--out", str(out), "--instances", "2", "--stats"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = kill_an_office_mid_run(p, out, 120)
    stdout, stderr = p.communicate(timeout=300)
    check("[1] an instance was killed mid-run", killed is not None, "the run ended before a soffice.bin was found")
    check("[1] the run completes (exit 0) despite SIGKILL", p.returncode == 0, stderr[-2000:])
    pdfs = [out / (f.stem + ".pdf") for f in files]
    check("[1] 20 PDFs written", all(pdf.exists() for pdf in pdfs), str([pdf.name for pdf in pdfs if not pdf.exists()]))
    bad = [pdf.name for pdf, text in zip(pdfs, texts)
           if not pdf.exists() or pdf_page_count(pdf) < 1 or text not in pdf_text(pdf).replace("\n", "")]
    check("[1] every PDF valid (pdfinfo) with its text (pdftotext)", not bad, str(bad))
    stats = stats_of(stderr)
    check("[1] the killed job was retried and its instance restarted",
          stats.get("retries", 0) >= 1 and stats.get("restarts", 0) >= 1 and stats.get("jobsDone") == 20, str(stats))
    none_left("the killed run", p.pid)
    return out


def heavy_docx(folder):
    import docx
    d = docx.Document()
    table = d.add_table(rows=1500, cols=6)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "超时" * 10
    path = folder / "heavy.docx"
    d.save(str(path))
    return path


def check_deadline(env, files, texts):
    out = env.fresh_dir("deadline")
    heavy = heavy_docx(env.fresh_dir("heavy"))
    p = subprocess.Popen([env.gongwen, "pdf", str(heavy), *map(str, files[:3]), "--out", str(out),
                          "--instances", "1", "--deadline", "2", "--stats"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.time()
    stdout, stderr = p.communicate(timeout=300)
    took = time.time() - started
    check("[2] a document past its deadline fails the run with exit 70", p.returncode == 70, f"exit {p.returncode}: {stderr}")
    check("[2] the error names the document and the timeout", "heavy.docx" in stderr and "超时" in stderr, stderr)
    check("[2] the overrun is cut at the deadline (two tries of 2 s, not LibreOffice's minutes)", took < 60, f"{took:.1f}s")
    pdfs = [out / (f.stem + ".pdf") for f in files[:3]]
    check("[2] the pool recovers: the documents after it are converted",
          all(pdf.exists() and pdf_page_count(pdf) >= 1 for pdf in pdfs) and not (out / "heavy.pdf").exists(), stdout)
    stats = stats_of(stderr)
    check("[2] counters: instance restarted, 3 jobs done, 1 failed",
          stats.get("restarts", 0) >= 1 and stats.get("jobsDone") == 3 and stats.get("jobsFailed") == 1, str(stats))
    none_left("the overrun run", p.pid)


def check_notice_pdf(env):
    out = env.fresh_dir("notice")
    source = sorted(Path("examples/notices").glob("000*.json"))[0]
    p = subprocess.Popen([env.gongwen, "notice", str(source), "--out", str(out), "--pdf"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = p.communicate(timeout=300)
    pdf = Path(stdout.strip().splitlines()[-1]) if p.returncode == 0 else None
    check("[3] notice --pdf through the pool", pdf and pdf.exists() and pdf_page_count(pdf) >= 1, stderr)
    none_left("notice --pdf", p.pid)


def check_killed_gongwen(env, files, sig):
    out = env.fresh_dir(f"gongwen-{sig.name}")
    p = subprocess.Popen([env.gongwen, "pdf", *map(str, files), "--out", str(out), "--instances", "2"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and p.poll() is None and len(list(out.glob("*.pdf"))) < 2:
        time.sleep(0.05)
    running = bool(pool_processes(p.pid))
    p.send_signal(sig)
    p.wait(timeout=60)
    check(f"[3] gongwen {sig.name} mid-run: its instances were running", running)
    none_left(f"gongwen got {sig.name}", p.pid)


def layout_and_fonts(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    return text, sorted(line.split()[0].split("+")[-1] for line in fonts)


def check_cold_fallback(env, files, texts, warm):
    """No instance can start (the bridge's Python cannot run): the PDFs are made cold, and
    standard error says so once, not once a document."""
    out = env.fresh_dir("cold")
    environment = dict(os.environ, PYTHONHOME="/nonexistent")
    p = subprocess.run([env.gongwen, "pdf", *map(str, files[:2]), "--out", str(out), "--instances", "1"],
                       capture_output=True, text=True, env=environment, timeout=300)
    pdfs = [out / (f.stem + ".pdf") for f in files[:2]]
    check("[4] no instance can start: the PDFs are still made, cold",
          p.returncode == 0 and all(pdf.exists() and t in pdf_text(pdf).replace("\n", "") for pdf, t in zip(pdfs, texts)), p.stderr)
    check("[4] ... and standard error says so once", p.stderr.count("冷启动") == 1, p.stderr)
    different = [pdf.name for pdf in pdfs if pdf.exists() and layout_and_fonts(pdf) != layout_and_fonts(warm / pdf.name)]
    check("[4] a warm PDF and a cold one of the same DOCX: the same text where it stands, the same fonts",
          not different, str(different))


def check_recycling(env, files):
    """Instances replaced on schedule, on real LibreOffice: after K jobs, and above the
    memory ceiling (soffice.bin's RSS read from /proc is far above 1 MB)."""
    for name, variable, value, expected in [("after 2 jobs", "GONGWEN_PDF_JOBS_PER_INSTANCE", "2", 2),
                                            ("above a 1 MB memory ceiling", "GONGWEN_PDF_MEMORY_CEILING_MB", "1", 5)]:
        out = env.fresh_dir("recycled")
        environment = dict(os.environ, **{variable: value})
        p = subprocess.Popen([env.gongwen, "pdf", *map(str, files[:5]), "--out", str(out), "--instances", "1", "--stats"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        _, stderr = p.communicate(timeout=300)
        stats = stats_of(stderr)
        check(f"[5] instances replaced {name}: {expected} replaced, 5 PDFs",
              p.returncode == 0 and stats.get("recycled") == expected and stats.get("jobsDone") == 5
              and len(list(out.glob("*.pdf"))) == 5, str(stats) + stderr[-500:])
        none_left(f"the run recycling {name}", p.pid)


def records_file(env, count):
    folder = env.fresh_dir("records")
    base = load_example("key-project")
    path = folder / "list.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps({**base, "projectName": f"{base['projectName'][:20]}{i:05d}", "organizer": f"单位{i:05d}"},
                               ensure_ascii=False) + "\n")
    return path


def check_interrupted_batch(env, fmt, count, sig, code, enough):
    out = env.fresh_dir(f"batch-{fmt}-{sig.name}")
    p = subprocess.Popen([env.gongwen, "batch", "key-project-2020", str(records_file(env, count)), "--format", fmt,
                          "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 180
    while time.time() < deadline and p.poll() is None and len(list(out.rglob(f"*.{fmt}"))) < enough:
        time.sleep(0.02)
    interrupted = p.poll() is None
    p.send_signal(sig)
    _, stderr = p.communicate(timeout=60)
    check(f"[6] {fmt} batch got {sig.name} mid-run", interrupted, "the batch ended first")
    check(f"[6] {fmt} batch exits {code} on {sig.name}", p.returncode == code, f"exit {p.returncode}: {stderr[-500:]}")
    hidden = [str(x.relative_to(out)) for x in out.rglob(".*")]
    check(f"[6] {fmt} batch on {sig.name}: nothing half-written left (no staging folder, no temporary file)",
          not hidden, str(hidden[:5]))
    if fmt == "pdf":
        pdfs = list(out.rglob("*.pdf"))
        bad = [x.name for x in pdfs if pdf_page_count(x) < 1]
        check("[6] every PDF the interrupted batch left is valid", pdfs and not bad, f"{len(pdfs)} PDFs, bad {bad}")
    none_left(f"{fmt} batch got {sig.name}", p.pid)


def check_killed_mid_batch(env):
    out = env.fresh_dir("batch-sigkill")
    records = records_file(env, 30)
    p = subprocess.Popen([env.gongwen, "batch", "key-project-2020", str(records), "--format", "pdf", "--out", str(out)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "GONGWEN_PDF_INSTANCES": "2"})
    killed = kill_an_office_mid_run(p, out, 180)
    _, stderr = p.communicate(timeout=300)
    check("[7] a soffice.bin was killed mid-batch", killed is not None, "the batch ended first")
    check("[7] the batch completes (exit 0) despite SIGKILL", p.returncode == 0, stderr[-1500:])
    manifest = out / "manifest.csv"
    rows = manifest.read_text(encoding="utf-8-sig").splitlines()[1:] if manifest.exists() else []
    named = [cell for row in rows for cell in row.split(",") if cell.endswith(".pdf")]
    check("[7] the manifest names 30 PDFs", len(named) == 30, f"{len(named)} named")
    names = [json.loads(line)["organizer"] for line in records.read_text(encoding="utf-8").splitlines()]
    bad = [name for name, pdf in zip(names, named)
           if not (out / pdf).exists() or pdf_page_count(out / pdf) < 1 or name not in pdf_text(out / pdf).replace("\n", "").replace(" ", "")]
    check("[7] every PDF valid, holding its own unit's name", named and not bad, str(bad[:3]))
    none_left("the batch with a killed instance", p.pid)


def checks(env, args):
    if not shutil.which("soffice"):
        skip("PDF pool", "LibreOffice is not installed")
        return
    files, texts = make_docx(env)
    warm = check_sigkill_mid_run(env, files, texts)
    check_deadline(env, files, texts)
    check_notice_pdf(env)
    check_killed_gongwen(env, files, signal.SIGTERM)
    check_killed_gongwen(env, files, signal.SIGKILL)
    check_killed_mid_batch(env)
    check_interrupted_batch(env, "pdf", 40, signal.SIGINT, 130, 3)
    check_interrupted_batch(env, "xlsx", 20000, signal.SIGTERM, 143, 500)
    check_cold_fallback(env, files, texts, warm)
    check_recycling(env, files)


def main():
    ap = arguments(__doc__, keep="copy the DOCX and PDFs to this directory")
    return run_checks(ap, "gongwen-pdf-pool-check-", GongwenEnv, checks)


if __name__ == "__main__":
    sys.exit(main())
