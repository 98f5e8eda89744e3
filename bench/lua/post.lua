-- POST /v1/pessoas: a minimal valid person (nome, tipo_pessoa, perfis) with a fresh, valid CPF each time.
-- Usage: wrk ... -s post.lua URL -- BASE
-- CPF bases are BASE + thread * 2,000,000 + counter: the caller gives each run its own BASE, so that no
-- two requests of a bench, nor a seeded person (bases 100,000,000 and up, step 7), share a document.
local threads = 0
local base, counter = 0, 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  base = (tonumber(args[1]) or 500000000) + (thread_index or 0) * 2000000
  wrk.headers["Content-Type"] = "application/json"
end

local function cpf(n)
  local d = {}
  local s = string.format("%09d", n % 1000000000)
  for i = 1, 9 do d[i] = tonumber(s:sub(i, i)) end
  for len = 9, 10 do
    local sum = 0
    for i = 1, len do sum = sum + d[i] * (len + 2 - i) end
    local rest = sum % 11
    d[len + 1] = rest < 2 and 0 or 11 - rest
  end
  return table.concat(d)
end

function request()
  counter = counter + 1
  local n = base + counter
  local body = string.format(
    '{"nome":"Pessoa Bench %d","tipo_pessoa":"Física","cpf":"%s","perfis":[{"tipo_perfil":"Cliente"}]}',
    n, cpf(n))
  return wrk.format("POST", "/v1/pessoas", nil, body)
end
