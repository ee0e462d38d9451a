-- wrk script for Benchmarks/load.sh: every request POSTs examples/forms/key-project.json
-- (run from the repository root) as application/json, and the run ends with one line of
-- counts by status class, so that non-2xx answers are never hidden in the averages.
local file = assert(io.open("examples/forms/key-project.json", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, client_errors, server_errors, busy = 0, 0, 0, 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 503 then
    busy = busy + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  else
    client_errors = client_errors + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, client_errors = 0, server_errors = 0, busy = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + (thread:get(key) or 0)
    end
  end
  io.write(string.format("status: 2xx=%d 4xx=%d 5xx=%d 503=%d\n",
    totals.ok, totals.client_errors, totals.server_errors, totals.busy))
end
