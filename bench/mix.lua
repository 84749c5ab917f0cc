-- wrk script for Kleur's load harness (bench/load.sh, issue 11).
--
-- Reads the signed-in sessions prepared by bench/prepare.py from the file in $LOAD_DATA and sends
-- a mix of requests, each with the session cookie of a random user:
--   home 25 %, own portfolio 25 %, a colleague's portfolio 25 %, talent search 10 %,
--   feedback report 10 %, saving a new portfolio item 5 %.
-- $LOAD_ROUTE limits the run to one route (home, own, colleague, search, report, save, bare);
-- $LOAD_EXCLUDE leaves one route out of the mix (the others keep their weights).
-- At the end it prints one line "RESULT key=value ..." for the harness.

local routes = {
  { name = "home", weight = 25 },
  { name = "own", weight = 25 },
  { name = "colleague", weight = 25 },
  { name = "search", weight = 10 },
  { name = "report", weight = 10 },
  { name = "save", weight = 5 },
}
local sections = { "values", "passions", "working_style", "ambitions", "core_qualities", "results" }
-- What colleagues look for in the talent directory (/talenten): talents, synonyms, free text.
local searches = { "analyseren", "samenwerking", "coaching", "verbinden", "gemeente", "plannen", "creatief", "data" }

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local users, admins, reporters, colleagues = {}, {}, {}, {}
local only = os.getenv("LOAD_ROUTE")
local total_weight = 0
ok, saved, failed, saves_sent = 0, 0, 0, 0

local function split(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do
    table.insert(fields, field)
  end
  return fields
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
  for line in io.lines(os.getenv("LOAD_DATA")) do
    local f = split(line)
    if f[1] == "user" then
      table.insert(users, { cookie = f[2], csrf = f[3] })
    elseif f[1] == "admin" then
      table.insert(admins, { cookie = f[2] })
    elseif f[1] == "report" then
      table.insert(reporters, { cookie = f[2], path = f[3] })
    elseif f[1] == "colleague" then
      table.insert(colleagues, f[2])
    end
  end
  if only and only ~= "" then
    routes = { { name = only, weight = 1 } }
  end
  local exclude = os.getenv("LOAD_EXCLUDE")
  if exclude and exclude ~= "" and not (only and only ~= "") then
    local kept = {}
    for _, route in ipairs(routes) do
      if route.name ~= exclude then
        table.insert(kept, route)
      end
    end
    routes = kept
  end
  for _, route in ipairs(routes) do
    total_weight = total_weight + route.weight
  end
end

local function pick_route()
  local r = math.random(total_weight)
  for _, route in ipairs(routes) do
    r = r - route.weight
    if r <= 0 then
      return route.name
    end
  end
  return routes[1].name
end

local function get(path, cookie)
  return wrk.format("GET", path, { ["Cookie"] = "kleur_session=" .. cookie })
end

function request()
  local route = pick_route()
  if route == "bare" then
    return wrk.format("GET", "/")
  elseif route == "home" then
    return get("/", users[math.random(#users)].cookie)
  elseif route == "own" then
    return get("/portfolio", users[math.random(#users)].cookie)
  elseif route == "colleague" then
    local path = "/mensen/" .. colleagues[math.random(#colleagues)] .. "/portfolio"
    return get(path, users[math.random(#users)].cookie)
  elseif route == "search" then
    local q = string.gsub(searches[math.random(#searches)], " ", "+")
    return get("/talenten?q=" .. q, users[math.random(#users)].cookie)
  elseif route == "report" then
    local reporter = reporters[math.random(#reporters)]
    return get(reporter.path, reporter.cookie)
  else
    local user = users[math.random(#users)]
    saves_sent = saves_sent + 1
    local body = "csrf=" .. user.csrf .. "&section=" .. sections[math.random(#sections)] .. "&title=Belasting+" .. math.random(1000000)
      .. "&body=Gemeten+onder+belasting&visibility=team"
    return wrk.format("POST", "/portfolio/nieuw", {
      ["Cookie"] = "kleur_session=" .. user.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  end
end

-- A page must answer 200; a save 303 to the portfolio with the "saved" notice. Anything else
-- (a redirect to the sign-in page, an error page) counts as failed.
function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 303 and string.find(headers["Location"] or headers["location"] or "", "klaar=portfolio-saved", 1, true) then
    saved = saved + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local t_ok, t_saved, t_failed, t_sent = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t_ok = t_ok + thread:get("ok")
    t_saved = t_saved + thread:get("saved")
    t_failed = t_failed + thread:get("failed")
    t_sent = t_sent + thread:get("saves_sent")
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f ok=%d saved=%d failed=%d saves_sent=%d socket_errors=%d non_2xx_3xx=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, t_ok, t_saved, t_failed, t_sent, socket_errors, e.status))
end
