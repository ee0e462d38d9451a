"""What every independent check shares: recording results and the closing report, the
scratch folder, the templates and examples, the readers of what gongwen writes, and a
running `gongwen serve` to talk HTTP to.

Each check script records a result per assertion with `check`, or `skip` for a part that
cannot run on this machine, and ends with `summary`, whose last line is the plain
`N passed, M failed` that CI reads.
"""

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository, where `gongwen serve` is started

RESULTS = []  # (ok, name, message)
SKIPPED = []  # (name, reason)


def check(name, ok, msg=""):
    """Records one assertion; returns whether it held, so a caller can stop early."""
    RESULTS.append((bool(ok), name, msg))
    return bool(ok)


def skip(name, reason):
    SKIPPED.append((name, reason))


def summary(started):
    """Prints skipped parts, every failure with its message, the runtime and the closing
    line; returns the exit status (1 when anything failed)."""
    failed = [r for r in RESULTS if not r[0]]
    for name, reason in SKIPPED:
        print(f"SKIP {name}\n     {reason}")
    for _, name, msg in failed:
        print(f"FAIL {name}\n     {msg}")
    print(f"runtime {time.time() - started:.1f}s")
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def arguments(doc, keep=None):
    """The command line every check takes: --gongwen, and --keep (saying what it keeps) where a
    run leaves files worth reading; a script adds its own options before parse_args."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--gongwen", required=True, help="path to the gongwen binary")
    if keep:
        ap.add_argument("--keep", help=keep)
    return ap


def run_checks(ap, prefix, make_env, body):
    """The run every check script makes: parse its command line, give `body` an Env (made by
    `make_env` from the binary and a scratch folder) and the arguments, then report; returns
    the exit status."""
    args = ap.parse_args()
    started = time.time()
    with scratch_folder(prefix, getattr(args, "keep", None)) as tmp:
        body(make_env(args.gongwen, tmp), args)
    return summary(started)


@contextlib.contextmanager
def scratch_folder(prefix, keep=None):
    """A temporary folder for one run's inputs and outputs, removed at the end; when the run
    gets through, first copied to `keep` (the scripts' --keep) for reading afterwards."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        yield tmp
        if keep:
            shutil.copytree(tmp, keep, symlinks=True, dirs_exist_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class GongwenEnv:
    """The binary under test and a scratch folder, with a numbered subfolder per case so a
    kept run (--keep) reads in order."""

    def __init__(self, gongwen, tmp):
        self.gongwen, self.tmp, self.n = str(Path(gongwen).resolve()), Path(tmp), 0

    def fresh_dir(self, stem):
        self.n += 1
        d = self.tmp / f"{self.n:03d}-{stem}"
        d.mkdir(parents=True)
        return d

    def run(self, *args, timeout=300):
        return subprocess.run([self.gongwen, *args], capture_output=True, text=True, timeout=timeout)

    def render(self, tid, data, fmt, out=None, raw=None):
        """Renders data (a dict, written to a JSON file first), None for the blank form, or raw
        text as the data file; returns the process, the output folder and the path it printed."""
        out = out or self.fresh_dir(f"{tid}-{fmt}")
        args = ["render", tid]
        if data is not None or raw is not None:
            src = self.fresh_dir("data") / "data.json"
            src.write_text(raw if raw is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
            args.append(str(src))
        p = self.run(*args, "--format", fmt, "--out", str(out))
        lines = p.stdout.strip().splitlines()
        return p, out, Path(lines[-1]) if lines else None

    def convert(self, fmt, outdir, files):
        """Converts files with LibreOffice in one soffice call (its start is most of the time),
        under a profile of its own that no other LibreOffice running shares; returns the
        process and the seconds it took."""
        profile = self.fresh_dir("lo-profile")
        started = time.time()
        p = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                            "--convert-to", fmt, "--outdir", str(outdir), *files],
                           capture_output=True, text=True, timeout=900)
        return p, time.time() - started

    def templates(self):
        """What `gongwen templates --json` lists, checked to be something."""
        p = self.run("templates", "--json")
        templates = json.loads(p.stdout) if p.returncode == 0 else []
        check("templates --json lists templates", templates, p.stderr)
        return templates


# ---------------------------------------------------------------- templates and examples
# Read from the current folder, the repository root, where gongwen finds them too.

def load_template(tid):
    return json.loads(Path("templates/forms", tid + ".json").read_text(encoding="utf-8"))


def load_example(form, decimal=False):
    """examples/forms/<form>.json; with decimal, every number a Decimal, to compare sums exactly."""
    text = Path("examples/forms", form + ".json").read_text(encoding="utf-8")
    return json.loads(text, parse_float=Decimal, parse_int=Decimal) if decimal else json.loads(text)


def lookup(data, dotted):
    """The value at a dotted key (activities.held), None where any part is missing."""
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def squash(s):
    """Text without whitespace (None as empty): readers break and pad lines differently."""
    return re.sub(r"\s+", "", str(s or ""))


# ---------------------------------------------------------------- readers
# openpyxl and python-docx are imported when first used: check_web reports them missing
# with a SKIP line instead of failing on import.

def _workbook(source):
    import openpyxl
    return openpyxl.load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source)


def xlsx_rows(source):
    """The active sheet and its rows of values, None for an empty cell, for checks that ask
    where a value stands; source is a path or the bytes of a download."""
    ws = _workbook(source).active
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


def xlsx_values(source, every_sheet=False):
    """The values of the filled cells, row by row, of the active sheet (or of every sheet),
    for checks that only ask whether a value is there."""
    wb = _workbook(source)
    sheets = wb.worksheets if every_sheet else [wb.active]
    return [c.value for ws in sheets for row in ws.iter_rows() for c in row if c.value is not None]


def docx_texts(source):
    """The text of every paragraph, then of every table cell; source is a path or bytes."""
    import docx
    d = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]


def pdf_page_count(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


# ---------------------------------------------------------------- gongwen serve

def free_port():
    """A loopback port nobody listens on now, so that runs side by side do not collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name)

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def http(url, body=None, headers=None, method=None, timeout=120):
    """One request; an error status is an answer to check like any other, not an exception."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.headers, e.read())


def disposition_names(header):
    """The file names of a Content-Disposition: (filename*, filename)."""
    star = re.search(r"filename\*=UTF-8''([^;]+)", header or "")
    plain = re.search(r'filename="([^"]*)"', header or "")
    return (urllib.parse.unquote(star.group(1)) if star else None, plain.group(1) if plain else None)


class Server:
    """One `gongwen serve` process on a free loopback port, run from the repository root (where
    it finds its templates), its log in a file and its TMPDIR private, so that a check can
    read what it logged and see what it left behind. A GONGWEN_TOKEN of the caller's
    environment is not passed on: a check that wants a token sets it in env."""

    def __init__(self, gongwen, tmp, name, env=None, args=()):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.tmpdir = Path(tmp) / f"{name}-tmp"
        self.tmpdir.mkdir()
        self.log_path = Path(tmp) / f"{name}.log"
        self.log = open(self.log_path, "w")
        environment = {k: v for k, v in os.environ.items() if k != "GONGWEN_TOKEN"}
        environment["TMPDIR"] = str(self.tmpdir)
        environment.update(env or {})
        self.process = subprocess.Popen(
            [str(Path(gongwen).resolve()), "serve", "--port", str(self.port), *args],
            cwd=ROOT, env=environment, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=60):
        """Whether /healthz answered 200 before the process ended or the time ran out."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if self.request("GET", "/healthz", timeout=2).status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    def request(self, method, path, body=None, headers=None, timeout=120):
        return http(self.base + path, body, headers, method, timeout)

    def post_json(self, path, data, headers=None):
        body = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")
        return self.request("POST", path, body, {"Content-Type": "application/json", **(headers or {})})

    def log_text(self):
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout=60):
        """SIGTERM, as a service manager stops it; killed if it does not exit in time.
        Returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode
