"""What every independent check shares: recording results and the closing report.

Each check script records a result per assertion with `check`, or `skip` for a part that
cannot run on this machine, and ends with `summary`, whose last line is the plain
`N passed, M failed` that CI reads.
"""

import contextlib
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

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

    def templates(self):
        """What `gongwen templates --json` lists, checked to be something."""
        p = self.run("templates", "--json")
        templates = json.loads(p.stdout) if p.returncode == 0 else []
        check("templates --json lists templates", templates, p.stderr)
        return templates
