-- GET /v1/pessoas?pagina=N&tamanho_pagina=S
-- Usage: wrk ... -s list.lua URL -- PAGES PAGE_SIZE MODE
--   MODE "random": N uniform in 1..PAGES (random jumps, deep offsets included);
--   MODE "walk":   each thread walks 1, 2, 3, ... (wrapping at PAGES), as an SDK iterator does.
local threads = 0
local pages, size, mode = 1, 20, "random"
local next_page = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  pages = tonumber(args[1]) or 1
  size = tonumber(args[2]) or 20
  mode = args[3] or "random"
  math.randomseed(1717 + (thread_index or 0) * 7919)
  next_page = ((thread_index or 0) * math.floor(pages / 2)) % pages
end

function request()
  local page
  if mode == "walk" then
    page = next_page + 1
    next_page = (next_page + 1) % pages
  else
    page = math.random(pages)
  end
  return wrk.format("GET", "/v1/pessoas?pagina=" .. page .. "&tamanho_pagina=" .. size)
end
