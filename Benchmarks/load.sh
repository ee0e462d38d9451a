#!/usr/bin/env bash
# Load run of the HTTP service: a release `gongwen serve` on loopback, warmed up, then
# `wrk -t2 -c64 -d60s` POSTing examples/forms/key-project.json to /api/render/key-project-2020
# (Benchmarks/render.lua). Prints requests per second, the p99 latency, the non-2xx count
# and resident memory at the end against after warm-up, of the service process (VmRSS) and of
# its whole tree (with FORMAT=pdf the PDF pool's bridges and soffice.bin are most of it); exits
# 1 when any request failed or the service's own memory grew by more than 20%. The tree is
# shown, not checked: each LibreOffice grows job by job (to about 375 MB by its 200th job on
# the key-project form) until the pool replaces it, so the tree's size at a given moment is
# anywhere in that cycle; its bound is the pool's (GONGWEN_PDF_JOBS_PER_INSTANCE,
# GONGWEN_PDF_MEMORY_CEILING_MB).
#
# FORMAT=pdf changes three defaults, because a PDF takes LibreOffice tens of milliseconds
# and not a fraction of one: CONNECTIONS is twice the cores (each instance busy, one request
# waiting for it; 64 would only lengthen the queue), TIMEOUT (wrk's per-request limit) is
# 30s, and WARMUP is 15s (the first PDF request starts the pool's instances).
#
# Needs wrk, which this script does not install: apt-get install wrk
#
# Environment: GONGWEN=path to a release binary (default: build one with
# `swift build -c release`, in SCRATCH when set), DURATION (60s), WARMUP (30s),
# CONNECTIONS (64), THREADS (2), TIMEOUT (2s, wrk's default), FORMAT (xlsx; docx, pdf).
set -euo pipefail
cd "$(dirname "$0")/.."

format=${FORMAT:-xlsx}
duration=${DURATION:-60s}
if [ "$format" = pdf ]; then
  warmup=${WARMUP:-15s}
  connections=${CONNECTIONS:-$((2 * $(nproc)))}
  timeout=${TIMEOUT:-30s}
else
  warmup=${WARMUP:-30s}
  connections=${CONNECTIONS:-64}
  timeout=${TIMEOUT:-2s}
fi
threads=${THREADS:-2}
[ "$threads" -le "$connections" ] || threads=$connections

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

if [ -z "${GONGWEN:-}" ]; then
  scratch=()
  [ -n "${SCRATCH:-}" ] && scratch=(--scratch-path "$SCRATCH")
  swift build -c release --product gongwen "${scratch[@]}" >&2
  GONGWEN="$(swift build -c release "${scratch[@]}" --show-bin-path)/gongwen"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
log="$work/serve.log"
mkdir "$work/tmp"
TMPDIR="$work/tmp" "$GONGWEN" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$url/healthz" >/dev/null || { echo "gongwen serve did not start:" >&2; cat "$log" >&2; exit 1; }

target="$url/api/render/key-project-2020?format=$format"
# Resident memory of the service process, in kB.
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
# Resident memory of the service and every process under it, in kB.
rss_tree() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$pid" '
    { parent[$1] = $2; size[$1] = $3 }
    END {
      for (p in parent) {
        q = p
        while (q != root && q in parent && q > 1) q = parent[q]
        if (q == root) total += size[p]
      }
      print total
    }'
}

echo "warm-up: wrk -t$threads -c$connections -d$warmup --timeout $timeout" >&2
wrk -t"$threads" -c"$connections" -d"$warmup" --timeout "$timeout" -s Benchmarks/render.lua "$target" >"$work/warmup.txt"
rss_warm=$(rss)
tree_warm=$(rss_tree)

echo "run: wrk -t$threads -c$connections -d$duration --timeout $timeout --latency -s Benchmarks/render.lua $target" >&2
wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency -s Benchmarks/render.lua "$target" | tee "$work/run.txt"
rss_end=$(rss)
tree_end=$(rss_tree)

rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/run.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/run.txt")
requests=$(awk '/requests in/ { print $1 }' "$work/run.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$work/run.txt")
socket_errors=$(awk -F'[ ,]+' '/Socket errors:/ { print $4 + $6 + $8 + $10 }' "$work/run.txt")
statuses=$(grep '^status:' "$work/run.txt" || true)
server_500=$(grep -c 'http.status=500' "$log" || true)
ratio=$(awk -v a="$rss_end" -v b="$rss_warm" 'BEGIN { printf "%.3f", a / b }')
tree_ratio=$(awk -v a="$tree_end" -v b="$tree_warm" 'BEGIN { printf "%.3f", a / b }')
# SIGTERM: the requests still queued when wrk stopped finish, then the process exits 0.
kill -TERM "$pid"
exit_code=0
wait "$pid" || exit_code=$?
left=$(find "$work/tmp" -mindepth 1 | wc -l)

cat <<REPORT

== gongwen serve under load ($(nproc) cores, $("$GONGWEN" --version 2>/dev/null || echo release build)) ==
POST /api/render/key-project-2020?format=$format, wrk -t$threads -c$connections -d$duration --timeout $timeout
requests:           ${requests:-0}
requests/s:         $rps
latency p99:        $p99
non-2xx:            ${non2xx:-0}
socket errors:      ${socket_errors:-0}
$statuses
500s in the log:    $server_500
RSS after warm-up:  $rss_warm kB
RSS at the end:     $rss_end kB (ratio $ratio)
tree after warm-up: $tree_warm kB (the service and every process under it)
tree at the end:    $tree_end kB (ratio $tree_ratio)
exit on SIGTERM:    $exit_code
temporary files:    $left left after exit
REPORT

status=0
[ "${non2xx:-0}" = 0 ] || { echo "FAIL: non-2xx responses" >&2; status=1; }
[ "${socket_errors:-0}" = 0 ] || { echo "FAIL: socket errors" >&2; status=1; }
[ "$server_500" = 0 ] || { echo "FAIL: 500s logged" >&2; status=1; }
awk -v r="$ratio" 'BEGIN { exit !(r <= 1.2) }' || { echo "FAIL: resident memory grew more than 20%" >&2; status=1; }
[ "$left" = 0 ] || { echo "FAIL: temporary files left behind" >&2; status=1; }
[ "$exit_code" = 0 ] || { echo "FAIL: gongwen serve exited $exit_code on SIGTERM" >&2; status=1; }
exit $status
