-- wrk script of bench/http.py: rotates over signed-in learners' sessions; for POST,
-- sends a heartbeat with a fresh event id. Python fills in the named fields first.
local sessions = {%(sessions)s}
local csrf = "%(csrf)s"
local method = "%(method)s"
local counter = 0
local template = '{"event_id": "%%s", "lesson_id": %(lesson_id)d, '
  .. '"component_id": "%(component)s", "position": 12.5, "intervals": [[0, 15]]}'
math.randomseed(os.time())
local function uuid4()
  local t = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(t, "[xy]", function (c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%%x", v)
  end))
end
request = function()
  counter = counter + 1
  local session = sessions[(counter %% #sessions) + 1]
  local headers = {}
  headers["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf
  headers["Accept-Language"] = "ar"
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    headers["X-CSRFToken"] = csrf
    return wrk.format("POST", nil, headers, string.format(template, uuid4()))
  end
  return wrk.format("GET", nil, headers, nil)
end
local bad = 0
response = function(status, headers, body)
  if status >= 300 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("BAD %%d\n", summary.errors.status))
end
