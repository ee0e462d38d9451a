#!/usr/bin/env python3
"""The GB/T 9704-2012 audit: every checkable clause of the standard measured in the PDFs
that LibreOffice makes of our notices, with readers we did not write (pdfplumber over
pdfminer.six for glyphs, rules and images; fontTools for the embedded font programs;
poppler's pdffonts for the faces).

Cases: the seed notices and demos of examples/notices/, and the stress notices that
stress_notices.py generates from a fixed seed (their JSON and seal go into the scratch
folder, never into the repository). Each is rendered with `gongwen notice FILE --out DIR
--pdf`, two at a time; a render is cached under --cache, keyed by the binary, the notice,
its seals and the templates folder, so a second run only measures.

For every clause and case it prints `held` or `NOT held` with each measured number and the
number wanted, e.g.
    [red-line] 003: held: length 156.0 mm (156.0 ± 0.5), …, below 发文字号 4.0 mm (4.0 ± 0.5), FF0000
What each measurement is (pen box, em box, ink box, rules) is said in audit_clauses.py.

Usage (from the repository root):
    python3 Tests/independent/audit_gbt9704.py --gongwen .build/debug/gongwen \
        [--only NAME] [--report FILE] [--cache DIR] [--keep DIR]
--report writes a JSON summary: per clause the cases checked, how many held, which did not,
and the worst measured value.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from harness import ROOT, GongwenEnv, arguments, check, run_checks

CLAUSES = [  # (name, function name in audit_clauses), in the order of the standard
    ("page-size", "page_size"), ("text-block", "text_block"), ("form-text-block", "form_text_block"),
    ("grid", "grid"), ("copy-number", "copy_number"), ("marks", "marks"), ("issuer-mark", "issuer_mark"),
    ("joint-issuer", "joint_issuer"), ("document-number", "document_number"), ("signer", "signer"),
    ("red-line", "red_line"), ("title", "title"), ("title-breaks", "title_breaks"),
    ("heading-fonts", "heading_fonts"), ("attachment-list", "attachment_list"), ("signature", "signature"),
    ("seals", "seals"), ("note", "note"), ("signature-not-alone", "signature_not_alone"),
    ("attachment-pages", "attachment_pages"), ("colophon-place", "colophon_place"),
    ("colophon-rules", "colophon_lines"), ("colophon-text", "colophon_text"), ("page-numbers", "page_numbers"),
    ("glyphs", "glyphs"), ("cjk-faces", "cjk_faces"),
]


class Case:
    def __init__(self, name, path, notice, title_words=None, pending=(), end_line=None):
        self.name, self.path, self.notice = name, Path(path), notice
        self.title_words, self.pending, self.end_line = title_words, list(pending), end_line


def example_cases():
    return [Case(p.stem, p, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((ROOT / "examples" / "notices").glob("*.json"))]


def stress_cases(folder):
    import stress_notices
    out = []
    for c in stress_notices.cases():
        out.append(Case(c.name, c.write(Path(folder) / c.name), c.notice, c.title_words, c.pending, c.end_line))
    return out


# ---------------------------------------------------------------- rendering, cached

def _digest(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode())
    return h.hexdigest()[:24]


def templates_digest():
    files = sorted(p for p in (ROOT / "templates").rglob("*") if p.is_file())
    return _digest(*[f"{p.relative_to(ROOT)}".encode() + p.read_bytes() for p in files])


def case_key(binary_digest, tdigest, case):
    seals = [case.path.parent / o["seal"] for o in case.notice["signature"]["organs"] if o.get("seal")]
    return _digest(binary_digest, tdigest, case.path.read_bytes(),
                   *[s.read_bytes() if s.is_file() else b"missing" for s in seals])


def render(env, case, cache, key):
    """The PDF of a case (rendered now or taken from the cache), or the failed process's
    exit status and message."""
    slot = cache / key
    meta = slot / "render.json"
    if meta.is_file():
        r = json.loads(meta.read_text())
        r["cached"] = True
        return r
    out = env.fresh_dir(f"render-{case.name}")
    started = time.time()
    p = subprocess.run([env.gongwen, "notice", str(case.path), "--out", str(out), "--pdf"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    pdfs = sorted(out.glob("*.pdf"))
    slot.mkdir(parents=True, exist_ok=True)
    r = {"status": p.returncode, "stderr": p.stderr.strip(), "seconds": round(time.time() - started, 1), "pdf": None}
    if p.returncode == 0 and pdfs:
        shutil.copyfile(pdfs[0], slot / "notice.pdf")
        r["pdf"] = "notice.pdf"
    meta.write_text(json.dumps(r, ensure_ascii=False))
    r["cached"] = False
    return r


# ---------------------------------------------------------------- measuring (in a worker process)

def measure(name, pdf, notice, title_words):
    """Every clause on one rendered case; returns (findings as dicts, notes)."""
    warnings.filterwarnings("ignore")
    import logging
    logging.disable(logging.WARNING)
    import audit_clauses as C
    from audit_doc import Doc, LINE, TOP, printed_strings
    from audit_locate import locate
    from audit_measure import Measure
    doc = Doc(pdf, notice, name)
    e = locate(doc)
    findings = []
    for clause, fn in CLAUSES:
        m = Measure(clause, name)
        try:
            f = getattr(C, fn)
            if fn == "glyphs":
                f(doc, e, m, printed_strings(notice))
            elif fn == "cjk_faces":
                f(doc, e, m, pdf)
            elif fn == "title_breaks":
                f(doc, e, m, title_words)
            else:
                f(doc, e, m)
        except Exception as ex:  # a measurement that cannot be made is a finding, not a crash
            m.fail(f"could not measure: {type(ex).__name__}: {ex}")
        findings.append(m.finding().__dict__)
    end = None
    if e.body_last:
        line = e.body_last.lines[-1]
        end = (e.body_last.lines[-1][0].page, int((min(g.top for g in line) - TOP) // LINE) + 1)
    return findings, {"pages": len(doc.pages), "body_end": end}


# ---------------------------------------------------------------- the run

def body(env, args):
    started = time.time()
    cases = example_cases() + stress_cases(env.tmp / "stress")
    if args.only:
        cases = [c for c in cases if c.name == args.only]
        if not check(f"--only {args.only} names a case", cases, "no such case"):
            return
    cache = Path(args.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    bdigest = hashlib.sha256(Path(env.gongwen).read_bytes()).hexdigest()
    tdigest = templates_digest()
    with ThreadPoolExecutor(max_workers=2) as pool:
        renders = list(pool.map(lambda c: render(env, c, cache, case_key(bdigest, tdigest, c)), cases))
    fresh = [r["seconds"] for r in renders if not r["cached"]]
    print(f"rendered {len(fresh)} ({sum(fresh):.0f} s of LibreOffice), {len(renders) - len(fresh)} from the cache, "
          f"{time.time() - started:.0f} s")
    jobs = []
    for c, r in zip(cases, renders):
        pending = f" (uses {', '.join(c.pending)}, not on main yet)" if c.pending else ""
        if not check(f"[render] {c.name}: renders with --pdf{pending}", r["pdf"],
                     f"exit {r['status']}: {r['stderr'][:400]}"):
            continue
        slot = cache / case_key(bdigest, tdigest, c)
        jobs.append((c, slot / r["pdf"]))
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(measure, [c.name for c, _ in jobs], [str(p) for _, p in jobs],
                                [c.notice for c, _ in jobs], [c.title_words for c, _ in jobs]))
    print(f"measured {len(jobs)} PDFs, {time.time() - started:.0f} s")
    by_clause = {clause: [] for clause, _ in CLAUSES}
    for (c, _), (findings, info) in zip(jobs, results):
        for f in findings:
            by_clause[f["clause"]].append(f)
    for clause, fs in by_clause.items():
        print(f"\n{clause}")
        for f in fs:
            verdict = "n/a" if f["held"] is None else ("held" if f["held"] else "NOT held")
            text = f["text"] if f["held"] is not None else f["text"][4:]
            print(f"  [{clause}] {f['case']}: {verdict}: {text}")
            if f["held"] is not None:
                check(f"[{clause}] {f['case']}", f["held"], f["text"])
    made = sorted({c.end_line for c in cases if getattr(c, "end_line", None)})
    ends = {c.name: (c.end_line, info["body_end"]) for (c, _), (_, info) in zip(jobs, results)
            if info["body_end"] and getattr(c, "end_line", None)}
    print("\nstress notices' bodies, made to end on line → ended on (page, line): "
          + ", ".join(f"{n} {want}→{got[0]}/{got[1]}" for n, (want, got) in sorted(ends.items())))
    if not args.only:
        check("stress bodies made to end on every line 1-22 of a page", made == list(range(1, 23)), str(made))
    hit = sorted({got[1] for want, got in ends.values() if got[1] == want})
    print(f"ended where made to on lines {hit}; the rest carried lines over to the signature or missed by the 版头's estimate")
    if args.report:
        write_report(args.report, by_clause, cases, renders)


def write_report(path, by_clause, cases, renders):
    report = {"cases": len(cases), "rendered": sum(1 for r in renders if r["pdf"]),
              "not rendered": {c.name: r["stderr"][:200] for c, r in zip(cases, renders) if not r["pdf"]},
              "clauses": {}}
    for clause, fs in by_clause.items():
        checked = [f for f in fs if f["held"] is not None]
        worst = max(checked, key=lambda f: f["off"], default=None)
        report["clauses"][clause] = {
            "checked": len(checked), "held": sum(f["held"] for f in checked),
            "not held": [f["case"] for f in checked if not f["held"]],
            "worst": {"case": worst["case"], "value": worst["worst"]} if worst and worst["worst"] else None}
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"report written to {path}")


def main():
    ap = arguments(__doc__, keep="copy the scratch folder (stress notices, renders) here")
    ap.add_argument("--only", help="run one case (000, demo-sealed, stress-07 …)")
    ap.add_argument("--report", help="write a JSON summary here")
    ap.add_argument("--cache", default=str(ROOT / ".build-gbt9704-audit"),
                    help="renders kept between runs (default .build-gbt9704-audit in the repository)")
    return run_checks(ap, "gongwen-audit-", GongwenEnv, body)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
