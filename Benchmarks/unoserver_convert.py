"""unoserver's throughput on the bench's DOCX files, for gongwen-bench's figure "our pool
against unoserver's own client" (issue 12).

    python3 unoserver_convert.py INSTANCES FONTCONFIG LIST OUTDIR PASSES

LIST holds one DOCX path a line. Starts INSTANCES unoserver servers, each with its own
LibreOffice profile, its own ports and the shipped fontconfig file as FONTCONFIG_FILE (as our
pool's instances have), waits until each answers and converts one document on each (all of
this untimed, as our pool is warm before its timing), then PASSES times: INSTANCES threads
in this one Python process, thread i with unoserver's `UnoClient` for server i, take the next
file of the list until none is left and write OUTDIR/pPASS/NAME.pdf. Only that part is timed,
from the first job to the last. Prints one JSON line: the unoserver version and each pass's
seconds. The servers and their LibreOffice are stopped at the end, whatever happened.

One client process with threads, not `unoconvert` per file: a Python start-up per document
would be counted against unoserver and not against LibreOffice.

Needs the Python that imports LibreOffice's `uno` (Debian's /usr/bin/python3 with
python3-uno) with unoserver installed for it (pip install unoserver).
"""
import importlib.metadata
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client

from unoserver.client import UnoClient


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One unoserver and its LibreOffice, in a process group of their own."""

    def __init__(self, fontconfig, work, index):
        self.port, self.uno_port = free_port(), free_port()
        profile = os.path.join(work, f"profile-{index}")
        env = dict(os.environ, FONTCONFIG_FILE=fontconfig, HOME=work)
        self.log = open(os.path.join(work, f"unoserver-{index}.log"), "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "unoserver.server", "--port", str(self.port),
             "--uno-port", str(self.uno_port), "--user-installation", profile],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_until_up(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"unoserver exited with status {self.process.returncode} (see {self.log.name})")
            try:
                with xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self.port}") as proxy:
                    proxy.info()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.2)
        raise RuntimeError(f"unoserver did not answer within {seconds} s")

    def stop(self):
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(wait)
                # LibreOffice may outlive the server by a moment: the group goes too.
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
            break
        self.log.close()


def convert_all(clients, files, folder):
    """Deals the files to one thread per server; returns the seconds from first job to last."""
    os.makedirs(folder, exist_ok=True)
    lock = threading.Lock()
    queue = list(reversed(files))
    errors = []

    def lane(client):
        while True:
            with lock:
                if not queue or errors:
                    return
                source = queue.pop()
            target = os.path.join(folder, os.path.splitext(os.path.basename(source))[0] + ".pdf")
            try:
                # The same work as our bridge: load, export with the PDF filter; no index update.
                client.convert(inpath=source, outpath=target, convert_to="pdf", update_index=False)
            except Exception as error:  # reported, and the run stops
                with lock:
                    errors.append(f"{source}: {error}")

    threads = [threading.Thread(target=lane, args=(client,)) for client in clients]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    if errors:
        raise RuntimeError(errors[0])
    return seconds


def main():
    instances, fontconfig, listing, out, passes = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    with open(listing, encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip()]
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-unoserver-") as work:
        servers = []
        try:
            servers = [Server(fontconfig, work, i) for i in range(instances)]
            for server in servers:
                server.wait_until_up()
            clients = [UnoClient(port=str(server.port)) for server in servers]
            # Untimed: each LibreOffice loads the filters and fonts once, as our warm pool has.
            os.makedirs(os.path.join(out, "warm"), exist_ok=True)
            for i, client in enumerate(clients):
                client.convert(inpath=files[0], outpath=os.path.join(out, "warm", f"{i}.pdf"), update_index=False)
            seconds = [convert_all(clients, files, os.path.join(out, f"p{p}")) for p in range(passes)]
        finally:
            for server in servers:
                server.stop()
    print(json.dumps({"version": importlib.metadata.version("unoserver"), "seconds": seconds}))


if __name__ == "__main__":
    main()
