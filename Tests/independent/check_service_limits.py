#!/usr/bin/env python3
"""Independent check of `gongwen serve` under hostile and heavy use, from outside the process.

The real binary on a free loopback port, driven with Python's standard library
(http.client, raw sockets): every request stays on this machine.

Checks:
 1. Memory follows the work in flight, not the deadlines: with 600 s deadlines,
    8,000 quick renders from 8 keep-alive clients leave the resident memory
    where 800 warm-up requests left it (within 4 MB); each finished request
    used to hold its timers until its deadline.

Usage (from the repo root):
    python3 Tests/independent/check_service_limits.py --gongwen .build/debug/gongwen
"""
import http.client
import json
import sys
import threading
import time

from harness import Server, arguments, check, run_checks


class Env:
    def __init__(self, gongwen, tmp):
        self.gongwen, self.tmp = gongwen, tmp

    def serve(self, name, *args):
        """A server ready for requests, or None (with a failed check) when it does not start."""
        server = Server(self.gongwen, self.tmp, name, args=args)
        if check(f"{name}: gongwen serve starts", server.wait_ready(), server.log_text()[-2000:]):
            return server
        server.stop()
        return None


def resident_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def hammer(port, total, clients=8):
    """`total` renders of a small filled form, from `clients` keep-alive connections; returns
    the statuses seen."""
    body = json.dumps({"projectName": "科普大篷车进社区"}, ensure_ascii=False).encode()
    statuses = {}
    lock = threading.Lock()

    def client(n):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(n):
            c.request("POST", "/api/render/key-project-2020?format=xlsx", body, {"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            with lock:
                statuses[r.status] = statuses.get(r.status, 0) + 1
        c.close()

    threads = [threading.Thread(target=client, args=(total // clients,)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def check_memory_follows_work(env):
    s = env.serve("memory", "--timeout", "600", "--long-timeout", "600")
    if not s:
        return
    try:
        hammer(s.port, 800)
        time.sleep(1)
        before = resident_mb(s.process.pid)
        started = time.time()
        statuses = hammer(s.port, 8000)
        seconds = time.time() - started
        time.sleep(1)
        after = resident_mb(s.process.pid)
        check("[1] 8,000 renders answered 200", statuses == {200: 8000}, str(statuses))
        check("[1] resident memory follows the work in flight (within 4 MB)", after - before <= 4,
              f"{before:.1f} MB -> {after:.1f} MB over {seconds:.1f} s")
        print(f"memory: {before:.1f} MB after warm-up, {after:.1f} MB after 8,000 more requests ({seconds:.1f} s)")
    finally:
        s.stop()


def checks(env, args):
    check_memory_follows_work(env)


def main():
    ap = arguments(__doc__)
    return run_checks(ap, "gongwen-service-limits-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
