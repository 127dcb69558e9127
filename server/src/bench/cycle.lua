-- wrk script: each thread cycles through the request paths listed (one a line) in the file given
-- after "--", starting at a different offset. A second argument "identity" sends no
-- Accept-Encoding (curl, seeders, some GIS tools); otherwise it asks for gzip like a browser or
-- MapLibre does.
local paths = {}
local i = 0
local headers = { ["Accept-Encoding"] = "gzip" }

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if args[2] == "identity" then headers = {} end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
