#!/usr/bin/env python3
"""Independent check of `gongwen serve` under hostile and heavy use, from outside the process.

The real binary on a free loopback port, driven with Python's standard library
(http.client, raw sockets): every request stays on this machine.

Checks:
 1. Memory follows the work in flight, not the deadlines: with 600 s deadlines,
    8,000 quick renders from 8 keep-alive clients leave the resident memory
    where 800 warm-up requests left it (within 4 MB); each finished request
    used to hold its timers until its deadline.
 2. What the HTTP parser refuses is a problem+json too: a bad chunk size 400
    (not 500), a bad request line 400, header fields over the limit 431.
 3. An upload over the limit reaches a client that sends its whole body before
    reading (urllib, 64 MiB): 413 within seconds, then the connection closes.
 4. HEAD answers wherever GET does, with GET's headers and no body; 405 lists
    HEAD in Allow.
 5. An HTTP/1.0 request without keep-alive gets its answer and a closed
    connection at once, not after the idle timeout.
 6. Every response carries a Content-Security-Policy (frame-ancestors 'none'),
    X-Content-Type-Options: nosniff and Referrer-Policy; the page's files have
    an ETag and answer If-None-Match with 304.
 7. Under overload (one slot, no queue, 200 requests at once) each refused
    request is a 503 with Retry-After, and the log says so in a few summary
    lines, not one error line per refusal.
 8. Deeply nested JSON costs no render slot for long: bodies of arrays nested
    500, 10,000 and 100,000 deep, and 250 KB notices, to render, notices and
    batch, are each answered within 3 s with a 400 naming the depth limit,
    while a normal render sent at the same time on two slots is served in time.

Usage (from the repo root):
    python3 Tests/independent/check_service_limits.py --gongwen .build/debug/gongwen
"""
import http.client
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request

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


def raw(port, data, timeout=5):
    """Sends bytes as they are and reads until the server closes or `timeout` passes; returns
    the reply, whether the server closed, and the seconds it took."""
    started = time.time()
    with socket.create_connection(("127.0.0.1", port)) as so:
        so.settimeout(timeout)
        so.sendall(data)
        reply, closed = b"", False
        try:
            while True:
                chunk = so.recv(65536)
                if not chunk:
                    closed = True
                    break
                reply += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    return reply, closed, time.time() - started


def parse(reply):
    """Status, lowercased headers and body of one raw HTTP/1.1 reply."""
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    return status, headers, body


def problem(reply):
    status, headers, body = parse(reply)
    try:
        data = json.loads(body.decode("utf-8"))
    except ValueError:
        data = {}
    ok = headers.get("content-type") == "application/problem+json" and data.get("status") == status
    return status, ok, data.get("type", "")


def check_http_edges(env):
    s = env.serve("edges")
    if not s:
        return
    try:
        port = s.port
        head = (b"POST /api/render/key-project-2020?format=xlsx HTTP/1.1\r\nHost: x\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        reply, _, _ = raw(port, head + b"ZZ\r\n{}\r\n0\r\n\r\n")
        status, ok, kind = problem(reply)
        check("[2] a bad chunk size is a 400 problem, not a 500", status == 400 and ok and kind.endswith("malformed-request"),
              reply[:300])
        reply, closed, _ = raw(port, b"GARBAGE\r\n\r\n")
        status, ok, kind = problem(reply)
        check("[2] a bad request line is a 400 problem and the connection closes", status == 400 and ok and closed, reply[:300])
        reply, closed, _ = raw(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
        status, ok, kind = problem(reply)
        check("[2] header fields over the limit: 431 problem", status == 431 and ok and kind.endswith("headers-too-large"),
              reply[:300])

        started = time.time()
        body = b"{" + b" " * (64 << 20) + b"}"
        request = urllib.request.Request(f"{s.base}/api/render/key-project-2020?format=xlsx", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=30)
            code = 200
        except urllib.error.HTTPError as e:
            code = e.code
        except OSError as e:
            code = repr(e)
        check("[3] urllib posting 64 MiB over the limit sees 413 within 10 s",
              code == 413 and time.time() - started < 10, f"{code} after {time.time() - started:.1f} s")

        for path in ["/healthz", "/", "/api/templates", "/api/templates/key-project-2020/blank?format=xlsx"]:
            get = parse(raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())[0])
            head_reply, closed, _ = raw(port, f"HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            h = parse(head_reply)
            same = h[0] == get[0] == 200 and h[1].get("content-type") == get[1].get("content-type") \
                and h[1].get("content-length") == get[1].get("content-length") == str(len(get[2]))
            check(f"[4] HEAD {path}: GET's status and headers, no body", same and h[2] == b"", f"{h[0]} {h[1]} {h[2][:40]}")
        status, headers, _ = parse(raw(port, b"DELETE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0])
        check("[4] 405 lists HEAD beside GET", status == 405 and headers.get("allow") == "GET, HEAD", str(headers))

        reply, closed, seconds = raw(port, b"GET /healthz HTTP/1.0\r\n\r\n", timeout=10)
        check("[5] HTTP/1.0: answered and closed at once", parse(reply)[0] == 200 and closed and seconds < 2,
              f"closed={closed} after {seconds:.1f} s")

        status, headers, body = parse(raw(port, b"GET /app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0])
        csp = headers.get("content-security-policy", "")
        check("[6] a Content-Security-Policy that forbids framing and foreign scripts",
              "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "default-src 'self'" in csp, csp)
        check("[6] nosniff and no Referer", headers.get("x-content-type-options") == "nosniff"
              and headers.get("referrer-policy") == "no-referrer", str(headers))
        etag = headers.get("etag", "")
        again = parse(raw(port, f"GET /app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: {etag}\r\nConnection: close\r\n\r\n"
                          .encode())[0])
        check("[6] the page's files have an ETag and answer If-None-Match with 304", etag and again[0] == 304 and again[2] == b"",
              f"{etag} {again[0]}")
        api = parse(raw(port, b"GET /api/templates HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0])[1]
        check("[6] the API's answers carry the same headers", api.get("x-content-type-options") == "nosniff"
              and "frame-ancestors 'none'" in api.get("content-security-policy", ""), str(api))
    finally:
        s.stop()


def check_overload_log(env):
    s = env.serve("overload", "--concurrency", "1", "--queue", "0")
    if not s:
        return
    try:
        statuses, retry = {}, []
        lock = threading.Lock()
        body = json.dumps({"projectName": "测试"}, ensure_ascii=False).encode()

        def client():
            for _ in range(10):
                c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=60)
                c.request("POST", "/api/render/key-project-2020?format=docx", body, {"Content-Type": "application/json"})
                r = c.getresponse()
                r.read()
                with lock:
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    if r.status == 503:
                        retry.append(r.getheader("Retry-After"))
                c.close()

        threads = [threading.Thread(target=client) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        refused = statuses.get(503, 0)
        check("[7] overload: some requests refused with 503, the rest served", refused > 0 and statuses.get(200, 0) > 0,
              str(statuses))
        check("[7] each 503 says when to retry", retry and all(r for r in retry), str(retry[:5]))
    finally:
        s.stop()
    log = s.log_text().splitlines()
    errors = [l for l in log if " error " in l and "503" in l]
    summaries = [l for l in log if "requests refused" in l]
    check("[7] no error line per refusal", not errors, "\n".join(errors[:3]))
    check("[7] refusals summed up in a few lines", refused == 0 or 1 <= len(summaries) < max(2, refused // 2),
          f"{len(summaries)} summary lines for {refused} refusals")


def check_nesting(env):
    s = env.serve("nesting", "--concurrency", "2")
    if not s:
        return
    try:
        deep = {n: ("[" * n + "]" * n).encode() for n in (500, 10_000, 100_000)}
        notice = json.dumps({"title": ["关于举办科技活动周的通知"], "body": [{"text": "[" * 60 + "]" * 60}] * 2000}).encode()
        hostile = [("/api/render/key-project-2020?format=xlsx", body, "application/json", f"{n} deep")
                   for n, body in deep.items()]
        hostile += [("/api/notices?format=docx", notice, "application/json", f"a {len(notice) >> 10} KB notice"),
                    ("/api/notices?format=docx", deep[10_000], "application/json", "a 10,000-deep notice"),
                    ("/api/batch/key-project-2020?format=xlsx", b"\n".join([deep[500]] * 40), "application/x-ndjson",
                     "a JSON Lines list of 500-deep lines")]
        results = {}

        def send(label, path, body, ctype):
            started = time.time()
            c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=60)
            c.request("POST", path, body, {"Content-Type": ctype})
            r = c.getresponse()
            data = r.read()
            results[label] = (r.status, data, time.time() - started)
            c.close()

        threads = [threading.Thread(target=send, args=(label, path, body, ctype)) for path, body, ctype, label in hostile]
        for t in threads:
            t.start()
        time.sleep(0.05)
        send("normal", "/api/render/key-project-2020?format=xlsx",
             json.dumps({"projectName": "科普大篷车"}, ensure_ascii=False).encode(), "application/json")
        for t in threads:
            t.join()
        for _, _, _, label in hostile:
            status, data, seconds = results.get(label, (0, b"", 0))
            named = "64" in data.decode("utf-8", errors="replace")
            check(f"[8] {label}: refused with 4xx naming the depth limit within 3 s",
                  400 <= status < 500 and seconds < 3 and (named or "notice" in label and "KB" in label),
                  f"{status} after {seconds:.1f} s: {data[:200]!r}")
        status, _, seconds = results["normal"]
        check("[8] a normal render sent meanwhile is served within 3 s", status == 200 and seconds < 3,
              f"{status} after {seconds:.1f} s")
    finally:
        s.stop()


def checks(env, args):
    check_memory_follows_work(env)
    check_http_edges(env)
    check_overload_log(env)
    check_nesting(env)


def main():
    ap = arguments(__doc__)
    return run_checks(ap, "gongwen-service-limits-", Env, checks)


if __name__ == "__main__":
    sys.exit(main())
