-- POST /v1/financeiro/eventos-financeiros/contas-a-receber: a valid receivable (one installment, one rateio
-- line) of the demo company, answered 202 with a protocol; the server's workers create the events meanwhile.
-- Usage: wrk ... -s post_receber.lua URL -- CONTA CONTATO CATEGORIA
-- CONTA, CONTATO and CATEGORIA are ids of the demo company's own rows, read from its database by bench/run.py.
local threads = 0
local conta, contato, categoria = "", "", ""
local counter = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  conta, contato, categoria = args[1], args[2], args[3]
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local day = 1 + (counter + (thread_index or 0) * 7) % 28
  local month = 1 + (counter % 12)
  local cents = 1000 + (counter * 37) % 90000
  local valor = string.format("%d.%02d", math.floor(cents / 100), cents % 100)
  local vencimento = string.format("2026-%02d-%02d", month, day)
  local body = string.format(
    '{"data_competencia":"%s","valor":%s,"observacao":"Carga do benchmark","descricao":"Venda bench %d-%d",' ..
    '"contato":"%s","conta_financeira":"%s","rateio":[{"id_categoria":"%s","valor":%s}],' ..
    '"condicao_pagamento":{"parcelas":[{"descricao":"Parcela 1/1","data_vencimento":"%s","nota":"bench",' ..
    '"conta_financeira":"%s","detalhe_valor":{"valor_bruto":%s}}]}}',
    vencimento, valor, thread_index or 0, counter, contato, conta, categoria, valor, vencimento, conta, valor)
  return wrk.format("POST", "/v1/financeiro/eventos-financeiros/contas-a-receber", nil, body)
end
