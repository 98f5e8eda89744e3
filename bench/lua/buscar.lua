-- GET /v1/financeiro/eventos-financeiros/contas-a-receber/buscar over the seeded installments: a one-month
-- due-date window (a random month of the seeded year) and a random page among its first PAGES, 20 a page.
-- Usage: wrk ... -s buscar.lua URL -- YEAR PAGES
local threads = 0
local year, pages = 2026, 50

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  year = tonumber(args[1]) or 2026
  pages = tonumber(args[2]) or 50
  math.randomseed(4242 + (thread_index or 0) * 7919)
end

function request()
  local month = math.random(12)
  local page = math.random(pages)
  local path = string.format(
    "/v1/financeiro/eventos-financeiros/contas-a-receber/buscar?pagina=%d&tamanho_pagina=20" ..
    "&data_vencimento_de=%d-%02d-01&data_vencimento_ate=%d-%02d-28", page, year, month, year, month)
  return wrk.format("GET", path)
end
