#!/usr/bin/python3
"""One warm LibreOffice for Gongwen's PDF pool (Sources/Gongwen/Rendering/PDFPool.swift).

Starts soffice.bin listening on a private pipe, keeps one UNO connection to it, and converts
documents as asked — to PDF, or a legacy .doc/.xls to .docx/.xlsx for an import, by the
destination's extension: one JSON object a line on stdin, one answer a line on stdout.

    -> {"ready": true, "pid": 1234}                         once soffice answers
    <- {"id": 7, "source": "/a/b.docx", "destination": "/a/b.pdf"}
    -> {"id": 7, "ok": true}
    -> {"id": 7, "ok": false, "error": "...", "dead": false}

"dead" says LibreOffice is gone (killed, crashed): the bridge exits after saying so, and the
pool starts another. Nothing outlives the pool's process: the bridge leads a process group of
its own (the pool kills the group), soffice.bin dies with the bridge (PR_SET_PDEATHSIG), and
the bridge ends when its parent does (stdin closed, or the parent pid changed).
Needs LibreOffice's Python UNO binding (Debian: python3-uno).
"""
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import uno
from com.sun.star.beans import PropertyValue

PR_SET_PDEATHSIG = 1


FILTERS = {  # the destination's extension -> (text document's filter, spreadsheet's)
    ".pdf": ("writer_pdf_Export", "calc_pdf_Export"),
    ".docx": ("MS Word 2007 XML", None),
    ".xlsx": (None, "Calc MS Excel 2007 XML"),
}


def export_filter(destination, spreadsheet):
    """The export filter for a destination; a text document asked for as .xlsx (or a sheet as
    .docx) is an error the pool reports, not a file of the wrong kind."""
    text, sheet = FILTERS.get(os.path.splitext(destination)[1].lower(), (None, None))
    chosen = sheet if spreadsheet else text
    if chosen is None:
        raise ValueError("cannot store this document as " + os.path.basename(destination))
    return chosen


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def die_with_parent():
    """In the child, before exec: SIGKILL when the bridge (its parent) dies, however it dies."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def answers(desktop):
    """Whether LibreOffice is still there: after a failed job, a refused document and a
    killed soffice.bin look alike until it is asked something."""
    try:
        desktop.getComponents()
        return True
    except Exception:
        return False


def say(obj):
    """One answer line; False when nobody reads any more (the pool's process is gone)."""
    try:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return True
    except (BrokenPipeError, OSError):
        return False


def main():
    soffice_bin, profile, pipe_name = sys.argv[1], sys.argv[2], sys.argv[3]
    startup = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
    try:
        os.setsid()
    except OSError:
        pass  # already a group leader
    parent = os.getppid()
    # Our own handles: LibreOffice must not write on the pipe the pool reads answers from.
    log = open(os.path.join(profile, "soffice.log"), "ab")
    command = [soffice_bin, "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(profile, "user")),
         "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name]

    def start():
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                preexec_fn=die_with_parent, close_fds=True)

    office = start()

    def end(code):
        try:
            office.kill()
            office.wait(5)  # reaped here, not left a zombie for whoever inherits it
        except Exception:
            pass
        shutil.rmtree(profile, ignore_errors=True)  # ours alone; the pool may be gone already
        os._exit(code)

    def watch_parent():
        while True:
            if os.getppid() != parent:
                end(0)
            time.sleep(0.2)

    threading.Thread(target=watch_parent, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: end(0))

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name
    deadline = time.monotonic() + startup
    context = None
    while context is None:
        if office.poll() == 81:
            # A new profile: soffice.bin writes it and asks to be started again (what the
            # soffice launcher does for it, which we bypass to own the process).
            office = start()
        elif office.poll() is not None:
            say({"ready": False, "error": "soffice.bin exited with %d at start" % office.returncode})
            end(2)
        try:
            context = resolver.resolve(url)
        except Exception:
            if time.monotonic() > deadline:
                say({"ready": False, "error": "soffice did not answer within %.0f s" % startup})
                end(2)
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    say({"ready": True, "pid": office.pid})

    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        document = None
        try:
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(job["source"]), "_blank", 0,
                (prop("Hidden", True), prop("ReadOnly", True)))
            if document is None:
                raise RuntimeError("LibreOffice could not open " + job["source"])
            spreadsheet = document.supportsService("com.sun.star.sheet.SpreadsheetDocument")
            document.storeToURL(uno.systemPathToFileUrl(job["destination"]),
                                (prop("FilterName", export_filter(job["destination"], spreadsheet)),))
            if not say({"id": job["id"], "ok": True}):
                end(0)
        except Exception as error:  # UNO raises its own types; the pool needs a line either way
            dead = office.poll() is not None or "DisposedException" in type(error).__name__ or not answers(desktop)
            heard = say({"id": job["id"], "ok": False, "error": "%s: %s" % (type(error).__name__, error), "dead": dead})
            if dead or not heard:
                end(3)
        finally:
            if document is not None:
                try:
                    document.close(True)
                except Exception:
                    pass
    end(0)  # stdin closed: the pool is done with us


if __name__ == "__main__":
    main()
