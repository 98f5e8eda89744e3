-- GET /v1/produtos?pagina=N&tamanho_pagina=S
-- Usage: wrk ... -s produtos_list.lua URL -- PAGES PAGE_SIZE
--   N uniform in 1..PAGES (random jumps, deep offsets included), as list.lua's "random" mode.
local threads = 0
local pages, size = 1, 20

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  pages = tonumber(args[1]) or 1
  size = tonumber(args[2]) or 20
  math.randomseed(4242 + (thread_index or 0) * 7919)
end

function request()
  return wrk.format("GET", "/v1/produtos?pagina=" .. math.random(pages) .. "&tamanho_pagina=" .. size)
end
