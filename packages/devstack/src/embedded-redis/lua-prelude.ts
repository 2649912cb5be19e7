/**
 * Lua that runs once in the embedded Redis' interpreter. Everything crossing between Lua and
 * JavaScript is hex: wasmoon hands strings over as NUL-terminated UTF-8, which would cut a value
 * at its first NUL byte and mangle any byte that is not UTF-8. Replies travel as
 * `_` (nil), `:<int>;`, `$<hex>;`, `+<hex>;` (status), `-<hex>;` (error), `*<count>;<items>`.
 * Conversions follow Redis: nil bulk → false, status → {ok=…}, error → {err=…}; back from Lua a
 * number is truncated to an integer, true → 1, false → nil, and an array stops at its first nil.
 */
export const LUA_PRELUDE = `
local js_call, js_sha1 = __js_call, __js_sha1
__js_call, __js_sha1 = nil, nil
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function unhex(h) return (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end)) end

local function decode(s, p)
  local c = s:sub(p, p)
  if c == "_" then return false, p + 1 end
  local e = s:find(";", p, true)
  local body = s:sub(p + 1, e - 1)
  if c == ":" then return math.tointeger(tonumber(body)), e + 1 end
  if c == "$" then return unhex(body), e + 1 end
  if c == "+" then return { ok = unhex(body) }, e + 1 end
  if c == "-" then return { err = unhex(body) }, e + 1 end
  local t, q = {}, e + 1
  for i = 1, tonumber(body) do t[i], q = decode(s, q) end
  return t, q
end

local function integer(n)
  if n ~= n or n == math.huge or n == -math.huge then return 0 end
  return math.tointeger(n >= 0 and math.floor(n) or math.ceil(n)) or 0
end

local function encode(v)
  local t = type(v)
  if t == "string" then return "$" .. hex(v) .. ";" end
  if t == "number" then return ":" .. string.format("%d", integer(v)) .. ";" end
  if t == "boolean" then return v and ":1;" or "_" end
  if t ~= "table" then return "_" end
  if type(v.err) == "string" then return "-" .. hex(v.err) .. ";" end
  if type(v.ok) == "string" then return "+" .. hex(v.ok) .. ";" end
  local parts, i = {}, 1
  while v[i] ~= nil do parts[i] = encode(v[i]); i = i + 1 end
  return "*" .. (i - 1) .. ";" .. table.concat(parts)
end

local function argument(v)
  if math.type(v) == "integer" then return hex(tostring(v)) end
  if type(v) == "number" then return hex(string.format("%.17g", v)) end
  if type(v) == "string" then return hex(v) end
  error({ err = "ERR Lua redis lib command arguments must be strings or integers" }, 0)
end

local function invoke(raise, ...)
  local n = select("#", ...)
  if n == 0 then error({ err = "ERR Please specify at least one argument for this redis lib call" }, 0) end
  local args = {}
  for i = 1, n do args[i] = argument((select(i, ...))) end
  local reply = decode(js_call(table.unpack(args, 1, n)), 1)
  if raise and type(reply) == "table" and reply.err then error(reply, 0) end
  return reply
end

redis = {
  call = function(...) return invoke(true, ...) end,
  pcall = function(...) return invoke(false, ...) end,
  error_reply = function(msg) return { err = msg } end,
  status_reply = function(msg) return { ok = msg } end,
  sha1hex = function(s) return js_sha1(hex(s)) end,
  log = function() end,
  setresp = function() end,
  LOG_DEBUG = 0, LOG_VERBOSE = 1, LOG_NOTICE = 2, LOG_WARNING = 3,
}
-- Redis runs Lua 5.1, where unpack is global (@upstash/ratelimit calls it).
unpack = table.unpack
loadstring = load

local scripts = {}
function __load(sha, body_hex)
  local fn, message = load(unhex(body_hex), "@user_script", "t")
  if not fn then return hex("ERR Error compiling script (new function): " .. message) end
  scripts[sha] = fn
  return ""
end
function __has(sha) return scripts[sha] ~= nil end
function __flush() scripts = {} end

function __run(sha, nkeys, ...)
  local keys, argv = {}, {}
  for i = 1, select("#", ...) do
    local v = unhex((select(i, ...)))
    if i <= nkeys then keys[i] = v else argv[i - nkeys] = v end
  end
  KEYS, ARGV = keys, argv
  local ok, result = pcall(scripts[sha])
  if ok then return encode(result) end
  if type(result) == "table" and type(result.err) == "string" then return encode(result) end
  return encode({ err = "ERR " .. tostring(result) })
end
`;
