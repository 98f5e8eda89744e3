"""Every place where the catalog leaves a behaviour open and anil picks one. Listed in the README table
"Where anil chooses" (a test keeps the two in step). Code reads the constants from here."""

from __future__ import annotations

from dataclasses import dataclass

from anil.domain.contas import NAO_ENCONTRADA as CONTA_NAO_ENCONTRADA
from anil.domain.eventos import PARCELAS_MAXIMO, RATEIO_MAXIMO
from anil.domain.unidades import UNIDADE_ID_BASE


@dataclass(frozen=True)
class Choice:
    key: str
    topic: str
    choice: str


PAGE_SIZES = (10, 20, 50, 100, 200, 500, 1000)
PAGE_SIZE_MESSAGE = "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000"
PAGE_MESSAGE = "O valor do atributo 'pagina' deve ser maior ou igual a 1"
UUID_MESSAGE = "O valor informado deve estar no formato UUID válido"
UNAUTHORIZED_STATUS = 401
BATCH_MAX = 10

# Serviços (§3.3) and vendedores (§3.4)
SERVICOS_PAGE_SIZES = (10, 20, 50, 100)
SERVICOS_PAGE_SIZE_MESSAGE = (
    "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50 ou 100"
)
SERVICOS_BATCH_MAX = 10
SERVICOS_IDS_MESSAGE = (
    "O campo 'ids' deve conter apenas números inteiros (int64): informe os id_servico, não os UUIDs"
)

# Orçamentos (§3.5)
ORCAMENTOS_INTEIROS_MESSAGE = "O valor do atributo '{parametro}' deve conter apenas números inteiros"
ORCAMENTOS_COLCHETES_MESSAGE = (
    "O parâmetro '{parametro}' não é aceito: repita o parâmetro ou separe os valores por vírgula"
)
ORCAMENTOS_ORDEM_PADRAO = "DATA"  # descending: the newest proposals first
ORCAMENTOS_405_MESSAGE = "Method Not Allowed"

# Categorias (§3.8) and centros de custo (§3.7)
# `permite_apenas_filhos` absent (the official n8n node never sends it)
CATEGORIAS_PERMITE_APENAS_FILHOS_PADRAO = False

# Contas financeiras, saldos, transferências (§3.9)
CONTA_PARAMETRO_OBRIGATORIO = "O parâmetro '{parametro}' é obrigatório"
CONTA_PERIODO_MESSAGE = "A data de início não pode ser posterior à data de fim"

# Alterações (§3.10) and the company clocks (issue 4)
ALTERACOES_JANELA_DIAS = 365
ALTERACOES_JANELA_MESSAGE = (
    f"O período entre 'data_inicio' e 'data_fim' não pode ser maior que {ALTERACOES_JANELA_DIAS} dias"
)

# Contratos (§3.6)
CONTRATOS_PAGE_MAX = 1000
CONTRATOS_PAGE_SIZE_MESSAGE = (
    f"O valor do atributo 'tamanho_pagina' deve estar entre 1 e {CONTRATOS_PAGE_MAX}"
)
CONTRATOS_COLCHETES_MESSAGE = (
    "O parâmetro '{parametro}[]' não é aceito: repita a chave ou separe os valores por vírgula"
)

CHOICES: tuple[Choice, ...] = (
    Choice(
        "page-size-message",
        "400 text for a `tamanho_pagina` outside the discrete set",
        f'`{{"error": "{PAGE_SIZE_MESSAGE}"}}`, modelled on the serviços message CA does document',
    ),
    Choice(
        "unauthorized-body",
        "Body of a 401 on `/v1/*` (missing, invalid or expired token)",
        '`{"error": "invalid_token", "error_description": "…"}` with `WWW-Authenticate: Bearer`',
    ),
    Choice(
        "rate-limit-body",
        "Body and headers of a 429",
        '`{"error": "Too Many Requests"}`, `Retry-After` in whole seconds, plus `X-RateLimit-Limit`/'
        "`X-RateLimit-Remaining` (CA says limits are in headers but not which)",
    ),
    Choice(
        "contrato-criado",
        "Status and body of `POST /v1/contratos` (spec: 201 `{id, id_legado, id_venda}`; production omitted `id_venda`)",
        "201 `{id, id_legado}` (`id_legado` the contract's sequence); `id_venda`, the first scheduled sale, only with `ANIL_QUIRKS=off`. The older revision's 200 is not reproduced: one path, production's status",
    ),
    Choice(
        "contrato-validacao",
        "Order, messages and limits of the contract body",
        "One field at a time: `id_cliente`, `termos` (`O número do contrato é obrigatório`, `Data de início/fim da recorrência não pode ser nula`, fim ≥ início, `dia_emissao_venda` 1..31, `intervalo_frequencia` 1..60, `tipo_frequencia` MENSAL|ANUAL, `tipo_expiracao` DATA|NUNCA), `condicao_pagamento` (`tipo_pagamento` «TIPO_PAGAMENTO_VENDA» with the older spellings accepted and stored as the current ones, `dia_vencimento` 1..31, `primeira_data_vencimento`, account), `itens` (absent with items under `termos` or empty: `Lista de itens da recorrência não pode ser vazia`; `quantidade` > 0 because each scheduled sale repeats the line, `valor` ≥ 0, `descricao` ≤ 500), `composicao_de_valor` (percentage ≤ 100, discount ≤ gross), a total above zero; then the references, each the company's: client, number unused, account, products or services, a RECEITA category, cost center, seller. Nothing is written on a 400",
    ),
    Choice(
        "contrato-limites",
        "How many scheduled sales one contract may generate",
        "At most 120; a DATA period generating more, or none (the first emission day after `data_fim`), is refused with 400",
    ),
    Choice(
        "contrato-numero",
        "Uniqueness of `termos.numero` and `GET /v1/contratos/proximo-numero`",
        "Unique among the company's contracts not deleted (a deleted contract's number may be reused): a taken one → 400 `Já existe um contrato com o número N`. `proximo-numero` is max + 1 over the same contracts, 1 when none: it goes back down after a delete",
    ),
    Choice(
        "contrato-agenda",
        "Dates of the scheduled sales (emission, due) for MENSAL/ANUAL × `intervalo_frequencia`, DATA/NUNCA",
        "First emission: the first day on or after `data_inicio` whose day is `dia_emissao_venda` (the month's last day in shorter months), or the older revision's `data_emissao`; then every `intervalo_frequencia` months (MENSAL) or years (ANUAL) on that day. DATA: up to `data_fim` inclusive; NUNCA: up to 24 months after the first emission inclusive (25 monthly sales, `data_fim` ignored). The first sale is due on `primeira_data_vencimento`, each next one on `dia_vencimento` (clamped) of the month as many periods later. All generated at creation",
    ),
    Choice(
        "contrato-vendas-agendadas",
        "What each scheduled sale is",
        "A sale (`tipo` SCHEDULED_SALE, `id_contrato`, `situacao` EM_ANDAMENTO so no stock moves, `data_venda` its emission day, a number from the counter sales and proposals share) with the contract's lines, discount, freight, category, cost center, seller, account and notes, and one installment (`À vista`) of the contract's net value due on its due date; its receivable has origem VENDA_AGENDADA. Made by `services.vendas.criar_venda` with the sales' own rules",
    ),
    Choice(
        "contrato-estado",
        "Which scheduled sales count as confirmed, and the derived fields of list and detail",
        'Read on the company\'s clock: a sale whose emission day has come is confirmed (`vigencia_atual`, `id_ultima_venda_confirmada`), the others are ahead (`vigencia_restante`, `id_proxima_venda_agendada`, `data_proxima_emissao`); `vigencia_total` counts every generated sale; `proximo_vencimento`/`data_proximo_vencimento` and `total_proximo_vencimento` are the earliest due date on or after today among the sales not cancelled; `data_ultima_emissao` the last one scheduled. An absent sale id is the zero UUID ("zeroed", as production after encerrar/delete); absent dates and objects are left out (`local_prestacao_servico` always); `valor_impostos_servico` 0; `total` the net value of one sale',
    ),
    Choice(
        "contrato-observacoes",
        "Notes of a contract on GET",
        'With `ANIL_QUIRKS=on`, as production: the root `observacoes` comes back as `condicao_pagamento.observacoes_pagamento` and the root reads `""`; with quirks off each where it was sent (the root `observacoes_pagamento` under the payment condition). A `condicao_pagamento.observacoes_pagamento` sent on create is dropped',
    ),
    Choice(
        "contrato-encerrar",
        "What `POST /v1/contratos/{id}/encerrar` does to the scheduled sales",
        "ATIVO → INATIVO; the scheduled sales whose emission day is after the company's today are cancelled (situação CANCELADO, installments cancelled); confirmed ones stay. Again → 204, nothing changes. A deleted contract → 400 `Não é possível encerrar um contrato excluído`",
    ),
    Choice(
        "contrato-excluir",
        "What `DELETE /v1/contratos/{id}` does",
        "DELETADO (GET still answers, lists and `proximo-numero` leave it out) and every sale of the contract, scheduled or confirmed, cancelled for real (situação CANCELADO: open installments cancelled, the sale's own settlements undone, stock given back); works on closed contracts; again → 204",
    ),
    Choice(
        "contrato-500",
        "A well-formed id of no contract of the company on GET, DELETE and encerrar",
        '`ANIL_QUIRKS=on` (production): 500 `{"error": "Erro interno ao processar a requisição"}`; off: 404 `{"error": "Contrato não encontrado"}`. Another company\'s contract is unknown. Malformed → 400 with CA\'s UUID message',
    ),
    Choice(
        "contrato-lista",
        "Matching, order and paging of `GET /v1/contratos`",
        "`data_inicio`/`data_fim` required (`Data de início/fim da recorrência não pode ser nula`, end before start → 400): contracts whose period meets the window (NUNCA contracts have no end). `busca_textual`: the client's name contains it (case and accents ignored) or, when it is a number, the contract's number equals it. `cliente_id`, `tipo_pagamento` repeated or comma-separated (`name[]=` → 400). `status` TODOS (default) | ATIVO | INATIVO | PROXIMO_AO_VENCIMENTO (active DATA contracts ending within 30 days of the company's today); deleted ones never listed. Order `DATA_INICIO` ascending by default, ascending wins when both are sent, ties by creation. `tamanho_pagina` any integer 1..1000 (spec: 50; production took 1000); envelope `{itens, itens_totais}`",
    ),
    Choice(
        "pessoa-create-status",
        "Status of `POST /v1/pessoas`",
        "200 with the created summary (catalog: 2xx not pinned)",
    ),
    Choice(
        "pessoa-read-casing",
        "Casing of `tipo_pessoa` and `perfis` when read",
        "The accented form written (`Física`, `Cliente`) on list and detail, as the seed's detail example",
    ),
    Choice(
        "pessoas-default-sort",
        "Order of `GET /v1/pessoas` without `tipo_ordenacao`",
        "`NOME` ascending, ignoring case and accents; ties by creation order. `ordem_ordenacao` alone sorts by "
        "`NOME`; `EMAIL` (case-insensitive), `DOCUMENTO` and `ATIVO` put empty values last and break ties by name",
    ),
    Choice(
        "pessoa-404-body",
        "Body of a 404 for an unknown person",
        '`{"error": "Pessoa não encontrada"}`',
    ),
    Choice(
        "pessoas-batch-missing-ids",
        "Unknown ids in `ativar`/`inativar`/`excluir`",
        "`ativar`/`inativar` list them in `todos` only; `excluir` deletes the known ones and answers 204. "
        "Another company's ids count as unknown; repeated ids are listed once",
    ),
    Choice(
        "pessoas-excluir-limit",
        "Maximum ids in `POST /v1/pessoas/excluir`",
        "10, as `ativar`/`inativar` (the catalog gives the limit for those two only)",
    ),
    Choice(
        "ids",
        "The form of the ids anil gives new records",
        "UUID version 7 (RFC 9562): the creation time in milliseconds, then random bits. Opaque to clients "
        "as Conta Azul's are; ids that ascend with time keep inserts at the end of every index they lead",
    ),
    Choice(
        "perfil-ids",
        "`perfis[].id` on a person",
        "A stable UUID derived from the person and the profile (UUIDv5), since profiles are not separate records",
    ),
    Choice(
        "id-cidade",
        "`id_cidade` of an address",
        "The IBGE code looked up from `cidade` + `estado` (ignoring case, accents and punctuation) in the "
        "shipped IBGE list; null when not found or not in Brazil. `cidade` is kept as written",
    ),
    Choice(
        "validation-message",
        "Wording of body-validation errors",
        "`O campo '<campo>' é obrigatório` / `O campo '<campo>' é inválido`, one field at a time",
    ),
    Choice(
        "legacy-pessoa-status",
        "Status of the older `POST /v1/pessoa` and `PUT /v1/pessoa/{id}`",
        "200 with the written record, in that generation's field names",
    ),
    Choice(
        "pessoa-put-required",
        "Fields `PUT /v1/pessoas/{id}` demands of Jurídica and Estrangeira people (production was observed for "
        "Física only)",
        "Jurídica: the Física list with `cnpj` instead of `cpf` and without `rg`/`data_nascimento`; Estrangeira: "
        "no document and no `inscricoes`. Checked in the Física order, one field at a time",
    ),
    Choice(
        "pessoa-put-ativo",
        "`ativo` left out of a `PUT` (full replacement)",
        "The person keeps its current state; every other field not sent is cleared",
    ),
    Choice(
        "pessoa-documento-tipo",
        "`cpf` on a Jurídica person, `cnpj` on a Física one, either on an Estrangeira one",
        "400 `O campo 'cnpj' não deve ser informado para pessoa Física`. Documents are stored and shown "
        "without mask, alphanumeric CNPJs in upper case",
    ),
    Choice(
        "pessoa-documento-duplicado",
        "Two people of one company with the same CPF/CNPJ",
        "Accepted (no uniqueness rule is documented); the older generation's `duplicar` flag is accepted and "
        "ignored",
    ),
    Choice(
        "pessoa-email",
        'Validation of `email` ("comma-separated list")',
        "Each comma-separated part must look like an address (`x@y.z`), else `O campo 'email' é inválido`; "
        "the same for `outros_contatos[].email` and `contato_cobranca_faturamento.emails[]`",
    ),
    Choice(
        "pessoa-endereco",
        "Address rules",
        "`pais` defaults to `Brasil` except for Estrangeira. In Brazil `estado` must be a UF or a state's name "
        "(stored as the UF: `São Paulo` → `SP`) and "
        "`cep` 8 digits with an optional hyphen, stored without it; the CEP is not checked against the UF. "
        "Indicador de IE: `NAO CONTRIBUINTE`, `CONTRIBUINTE`, `ISENTO` (any case)",
    ),
    Choice(
        "pessoa-subobject-ids",
        "Ids of `enderecos`/`inscricoes`/`outros_contatos` on `PUT`/`PATCH`",
        "An item sent back with the id it was read with keeps it; any other item gets a new id",
    ),
    Choice(
        "pessoa-patch-names",
        "Field names and nulls of `PATCH /v1/pessoas/{id}`",
        "The SDK's names (`nome_empresa`, `optante_simples_nacional`) plus POST's (`nome_fantasia`, "
        "`optante_simples`, `outros_contatos`), the SDK's winning; an explicit null clears an optional field "
        "(`nome`/`tipo_pessoa`/`perfis` → 400), a null flag is ignored; the result is validated as a POST",
    ),
    Choice(
        "pessoa-patch-tipo",
        "`PATCH` changing `tipo_pessoa` without the new type's document",
        "The stored document, which belonged to the old type, is cleared",
    ),
    Choice(
        "pessoas-list-matching",
        "How the list filters match",
        "`busca`/`nomes`: contains, ignoring case and accents (`busca` on nome, nome_fantasia and the document, "
        "masked or not); `emails`: contains, case-insensitive; `telefones`: digits contained in either phone; "
        "`documentos` (mask ignored), `codigos_pessoa`, `ids`: exact; `cidades` (case/accents ignored), `ufs`, "
        "`paises` (case ignored): exact, all met by one same address. Values of one filter are OR, filters AND",
    ),
    Choice(
        "pessoas-list-dates",
        "`data_criacao_*` and `data_alteracao_*` details",
        "Each pair needs both ends (400 otherwise). Creation dates are São Paulo calendar days, both inclusive; "
        "alteration date-times are inclusive; end before start → 400",
    ),
    Choice(
        "pessoas-list-item",
        "`telefone` and `endereco` of a list item",
        "`telefone` is `telefone_celular`, else `telefone_comercial`; `endereco` is the first address with "
        "`com_endereco=true`, else null",
    ),
    Choice(
        "pessoa-resumo",
        "Meaning of the financial summary fields",
        "Over the person's open installments (unpaid amount, rounded to cents): `atrasos_*` due before today, "
        "`*_mes_atual` due this calendar month (overdue included), recebimentos = receivables, pagamentos = "
        "payables; `mensagem_pagamentos_abertos` = count and total of open receivables. São Paulo dates, on "
        "the company's today (its clock). Open: `situacao` normal, no `perda`, something unpaid",
    ),
    Choice(
        "pessoas-legado",
        "`pessoas_legado[]` of a person",
        "One entry per profile (`perfil` in upper case), each with the person's `id_legado` and `uuid_legado`",
    ),
    Choice(
        "timestamp-format",
        "Format of `criado_em`, `data_criacao`, `data_alteracao`",
        "São Paulo local time without zone, milliseconds without trailing zeros: `2025-05-16T17:51:04.63`",
    ),
    Choice(
        "pessoa-lembretes",
        "Writing `lembretes_vencimento`",
        "Not writable through the API (no request field documents it); shown as stored, `[]` for API-created "
        "people; the demo data sets some",
    ),
    Choice(
        "legacy-pessoa-list-envelope",
        "Envelope of the older `GET /v1/pessoa` (the seed shows one item object)",
        '`{"totalItems": n, "items": [...]}` with `items` null when empty, as its successor on the same '
        "backend: it pages (`pagina`, `tamanho_pagina`), so a client needs the total, which a bare array "
        "cannot carry",
    ),
    Choice(
        "legacy-pessoa-fields",
        "How the older generation's words map onto the current ones",
        "`uuid`=`id`, `registro_geral`=`rg`, `celular`=`telefone_celular`, `optante_simples`/"
        "`agencia_publica` as POST, `registros`=`inscricoes` with `inscricao_nacional`=`inscricao_municipal`, "
        "`outros_contatos[].escritorio`=`cargo`, sub-object `uuid`=`id`, `perfis[].uuid` = the current "
        "`perfis[].id`; `FISICA`/`CLIENTE` enums; same indicador de IE values as today",
    ),
    Choice(
        "legacy-pessoa-ignored",
        "Bookkeeping fields of the older create/update body",
        "`duplicar`, `id_contato_principal`, `criado_em`, `excluido_em`, `origem`, `id_origem` are accepted and "
        'ignored; answers carry `origem: "API"` and null `id_contato_principal`, `excluido_em`, `id_origem`',
    ),
    Choice(
        "legacy-pessoa-list",
        "Details of the older `GET /v1/pessoa`",
        "`status` defaults to `TODOS`; arrays as `documento[]=`, `documento=` or commas; same page sizes and "
        "matching as `/v1/pessoas`, ordered by name; items as the seed: `tipo_pessoa` `FISICA`, `perfis` "
        '`["Cliente"]`, `endereco` = first address, `inscricao_estadual` = first one, `telefone` as today',
    ),
    Choice(
        "legacy-pessoa-data-ativacao",
        "`data_ativacao_inicio/fim` (typed date, exemplified as `2021-01-31T00:00:00.000Z`)",
        "Dates or instants; an instant counts by its São Paulo day; both ends required and inclusive. Matches "
        "the last time the person became active (creation if created active, else the last activation)",
    ),
    Choice(
        "legacy-pessoa-resumo",
        "Shapes of the older `resumo` answers",
        "As the seed, which differs by path: `/{id}/resumo` has `enderecos[]` and `mensagem_pagamentos_abertos[]` "
        "(one element), `/legado/{uuid}/resumo` has `endereco` and one `mensagem_pagamentos_abertos` object; "
        "`tipo_pessoa`/`perfis` accented; `criado_em` in UTC with `Z`; `informacoes_fiscais` = the `registros`; "
        "`informacoes_adicionais` = `[]`",
    ),
    Choice(
        "legacy-pessoa-batches",
        "The older `ativacao`, `desativacao`, `exclusao-lote`",
        "The current rules (1 to 10 UUIDs, other companies' ids unknown); `ativacao`/`desativacao` answer "
        "`{todos, ativos, inativos}` like `ativar`/`inativar`; `exclusao-lote` deletes physically and lists the "
        "unknown ids in `nao_excluidos`",
    ),
    Choice(
        "oauth-invalid-client-status",
        "Status and body when client authentication fails at the token endpoints",
        '401 with `WWW-Authenticate: Basic` and `{"error": "invalid_client", "error_description": '
        '"Invalid client authentication"}`, however the client authenticated (RFC 6749 §5.2)',
    ),
    Choice(
        "oauth-refresh-replay",
        "A spent refresh token presented again (including the loser of a concurrent refresh)",
        "400 `invalid_grant` / `invalid_refresh_token`, and every live refresh token of that app–company pair dies "
        "(catalog §1.4: the connection dies); access tokens keep working; a new authorization starts a new chain",
    ),
    Choice(
        "oauth-refresh-other-client",
        "A refresh token presented by another app",
        "400 `invalid_grant` with `error_subtype: invalid_client`",
    ),
    Choice(
        "oauth-error-descriptions",
        "Wording of OAuth `error_description`s",
        "English, Cognito style (`Invalid refresh token`, `Refresh token has already been used`, "
        "`Access to this company has been revoked`)",
    ),
    Choice(
        "oauth-code-failed-attempt",
        "Whether a refused token request uses up the authorization code",
        "No: a wrong `redirect_uri`, client, PKCE verifier or client authentication leaves the code redeemable",
    ),
    Choice(
        "oauth-code-store",
        "Codes across the two OAuth generations",
        "One code store: a code from `/oauth/authorize` is accepted at `/oauth2/token` and vice versa; refresh "
        "tokens from either token endpoint work at both",
    ),
    Choice(
        "oauth-pkce",
        "PKCE details",
        "Optional; S256 only, and `code_challenge_method` is required when a challenge is sent (else a redirect "
        "with `invalid_request`)",
    ),
    Choice(
        "oauth-missing-redirect-uri",
        "Authorize without `redirect_uri`",
        "The app's first registered redirect URI is used",
    ),
    Choice(
        "oauth-authorize-errors",
        "Which authorize errors redirect",
        "Unknown client, unregistered `redirect_uri` or insecure transport → a 400 HTML page; `invalid_scope`, "
        "`unsupported_response_type` and PKCE errors → redirect with `error` and `state`",
    ),
    Choice(
        "oauth-consent-form",
        "The login and consent form",
        "Fields `email`, `password`, `id_empresa`, `decisao` (`autorizar` or `negar`); one POST can do all; a user of "
        "several companies who chose none sees a company `<select>`; between steps a signed 10-minute ticket "
        "stands in for the password",
    ),
    Choice(
        "oauth-login-failure",
        "A wrong login on the consent page",
        "The page again, status 200, `E-mail ou senha incorretos.`; unknown e-mails cost the same time",
    ),
    Choice(
        "oauth-insecure-transport",
        "Plain http",
        "Checked against `ANIL_PUBLIC_URL`: https always passes, http on localhost/127.0.0.1 always, any http host "
        "in sandbox mode; otherwise 400 `insecure_transport`",
    ),
    Choice(
        "oauth-legacy-params",
        "Token parameters in the query string",
        "Client credentials are accepted in the query string; with an empty body every token parameter is read "
        "from it",
    ),
    Choice(
        "oauth-discovery-shape",
        "Discovery documents",
        "Exactly production's keys in production's order with anil's URLs; scopes `openid profile email "
        "aws.cognito.signin.user.admin`; auth methods `client_secret_basic`, `client_secret_post`",
    ),
    Choice(
        "oauth-no-id-token",
        "`id_token` in the token response",
        "Not issued: `access_token, expires_in, refresh_token, token_type, scope`",
    ),
    Choice(
        "oauth-revoke-404-body",
        "Body of a 404 from `DELETE /oauth/connections/{id_empresa}`",
        '`{"error": "Conexão não encontrada"}`, also when `id_empresa` is not the token\'s company',
    ),
    Choice(
        "oauth-token-issuer",
        "The `iss` of access tokens",
        "`ANIL_PUBLIC_URL`; tokens are verified by this installation's signing key, not by comparing `iss`",
    ),
    # ---- Serviços (§3.3) and vendedores (§3.4) ----
    Choice(
        "servicos-page-size-message",
        "400 text for a `tamanho_pagina` of `GET /v1/servicos` outside 10, 20, 50, 100 (CA documents the end of "
        "the sentence only)",
        f'`{{"error": "{SERVICOS_PAGE_SIZE_MESSAGE}"}}`, also for a non-integer size',
    ),
    Choice(
        "servicos-list-order",
        "Order and paging details of `GET /v1/servicos` (it has no sorting)",
        "Creation order (`id_servico` ascending), stable across pages; default page size 10; `itens` is `[]` when "
        "nothing matches; a page past the last answers `[]` with `pagina_atual` as asked; `total_paginas` is 0 "
        "when there is nothing",
    ),
    Choice(
        "servicos-busca-textual",
        "How `busca_textual` matches",
        "Contained in `descricao` or in `codigo`, ignoring case, accents and punctuation; blank means no filter",
    ),
    Choice(
        "servico-create-rules",
        "Messages and limits of `POST /v1/servicos` beyond its three required fields",
        "Missing or blank `descricao`, `status`, `tipo_servico` (in that order): `O campo '<campo>' é obrigatório`; "
        "a wrong enum: `O campo 'status' deve ser um dos seguintes valores: ATIVO ou INATIVO`; `descricao` over "
        "100 or `codigo` over 20 characters: `O campo '<campo>' deve ter no máximo N caracteres`; `preco`/`custo` "
        "absent or null are 0, negative ones `O campo 'preco' não pode ser negativo`; a repeated `codigo` is "
        "accepted",
    ),
    Choice(
        "servico-fiscal-fields",
        "`codigo_cnae`, `lei_116`, `codigo_municipio_servico`, `id_externo`, `lista_cenario_tributario`, "
        "`natureza_operacional` (no request body writes them)",
        "null, `[]` and null on services created through the API; the demo company's services carry a CNAE, a "
        "Lei 116 item, São Paulo's IBGE code and one ISS scenario",
    ),
    Choice(
        "servico-patch",
        "Fields and nulls of `PATCH /v1/servicos/{id}`",
        "Only `codigo, descricao, preco, custo, tipo_servico` change (the SDK's body); `status` is ignored like any "
        "unknown field; null clears `codigo`, zeroes `preco`/`custo` and is refused for `descricao`/"
        "`tipo_servico`; a deleted service can still be patched, as it can still be read",
    ),
    Choice(
        "servico-404-body",
        "Body of a 404 for an unknown service (or another company's)",
        '`{"error": "Serviço não encontrado"}`',
    ),
    Choice(
        "servicos-delete-ids",
        "Body checks and unknown ids of `DELETE /v1/servicos`",
        f"1 to {SERVICOS_BATCH_MAX} JSON integers, repeats counted once; anything else (uuids, numeric strings, "
        f'decimals, not a list) → 400 `{{"error": "{SERVICOS_IDS_MESSAGE}"}}`; unknown, other companies\' and '
        "already deleted ids are skipped, 204 all the same",
    ),
    Choice(
        "vendedores-id-legado",
        "`id_legado` in `GET /v1/venda/vendedores` (the spec documents it, production leaves it out)",
        "Left out with `ANIL_QUIRKS=on` (the default), as production; present with `ANIL_QUIRKS=off`",
    ),
    Choice(
        "vendedores-list",
        "Order and content of `GET /v1/venda/vendedores`",
        "Every seller of the company by name (case and accents ignored), ties in creation order; `[]` when none",
    ),
    Choice(
        "vendedores-creation",
        "How sellers come to exist (CA's API cannot create them)",
        "`POST /_anil/companies/{id_empresa}/vendedores` and `anil sellers create`; a new company has none, the "
        "demo company three",
    ),
    # ---- Vendas (§3.4) ----
    Choice(
        "venda-create-status",
        "Status of `POST /v1/venda` (the provider file says 200, a real account answered 201)",
        "201 with `ANIL_QUIRKS=on` (the default), as production; 200 with `ANIL_QUIRKS=off`, as the provider file",
    ),
    Choice(
        "venda-create-situacao",
        "Situations a new sale may take, and how the create answer names them",
        "`EM_ANDAMENTO`, `APROVADO` and `FATURADO` (FAQ #23/#35: a sale may be sent invoiced; the provider enum lists two); the answer names them in English (`IN_PROCESS`, `APPROVED`, `INVOICED`, `CANCELED`) with `pendencia` `{NENHUMA, Nenhuma}`, while GET uses the Portuguese names and `tipo_pendencia`, as observed; `data_venda` answered as `YYYY-MM-DDT00:00:00Z`",
    ),
    Choice(
        "venda-campos-ausentes",
        "Optional values a sale does not have, in the create and GET answers",
        "Left out rather than written as null (the provider schemas type them as plain strings/objects); `notificacao` is left out (anil sends no e-mail), `contrato` appears only on a contract's sales; `composicao_valor.impostos`, `impostos_deduzidos`, `seguro`, `despesas_incidentais` are 0 and `troco_total` 0",
    ),
    Choice(
        "venda-validacao",
        "Order and words of the create/PUT body checks",
        "One field at a time in the body's order (`versao` first on PUT): `O campo '<campo>' é obrigatório` / `é inválido` / `deve ser um identificador (uuid) válido`, enum lists, `itens` 1..500 lines with `quantidade` > 0 and `valor` ≥ 0, a percentage discount ≤ 100 and no discount above the gross; then the condition (`opcao_condicao_pagamento` in one of the three formats, as many `parcelas` as it makes: `A quantidade de parcelas (n) difere da condição de pagamento '<opção>'`) and the sum, in FAQ #37's words: `O valor total das parcelas R$ 99,00 difere do valor total R$ 100,00.`; then the references in the company: `O cliente '<id>' não foi encontrado`, categoria (of receita), centro de custo, vendedor, each item (a product, kit or service not deleted), kit components, conta financeira, natureza de operação",
    ),
    Choice(
        "venda-numero",
        'A `numero` already used ("presumably 400", unverified)',
        "400 `Já existe uma venda com o número N` among the company's sales not deleted (a deleted sale's number is free again, as `proximo-numero` goes back down); proposals are not checked",
    ),
    Choice(
        "venda-proximo-numero",
        "What `GET /v1/venda/proximo-numero` counts",
        "max(numbers of the company's sales not deleted, numbers of its proposals) + 1; 1 for a company with neither",
    ),
    Choice(
        "venda-condicao-pagamento",
        "Due dates and cents of the installments a condition makes (`domain.condicao_pagamento`, used by contracts and offered by the SDK)",
        "`À vista` (any case, accent optional): one installment on the sale's date; `Nx` (1..420): N installments a month apart from the sale's date (same day, or the month's last); day offsets (`30,60,90`, strictly increasing, ≤ 36,500 days): one each that many days after the sale's date. Cents: each gets the total divided by N rounded down, the first ones one extra cent until the remainder is used (140.00/3 = 46.67, 46.67, 46.66). The client's own installments are taken as sent when they sum to the total",
    ),
    Choice(
        "venda-financeiro",
        "The receivable a sale creates",
        "For every sale whose natureza has `mudanca_financeira` and that is not cancelled: an event RECEITA, origem VENDA (VENDA_AGENDADA for a contract's sales), `referencia.id` = the sale, competência = `data_venda`, description `Venda N`, the sale's observações, one installment per installment sent (its description, or `Venda N - Parcela i/n`), in `id_conta_financeira` or else the company's default account (then its Caixinha); a rateio line for `id_categoria` (with `id_centro_custo`) only when a category is sent; `tipo_pagamento` as the installments' `metodo_pagamento` (`LINK_PAGAMENTO` → `CARTAO_CREDITO_VIA_LINK`, `COBRANCA_PIX` → `PIX_COBRANCA`). GET's `condicao_pagamento.parcelas[].id` is the financial installment's id",
    ),
    Choice(
        "venda-faturado",
        'What FATURADO does to the receivable (FAQ #35: "com o financeiro recebido")',
        "Every open installment gets a settlement (origem VENDA) of what it still owes, on the company's today, into its own account (not Receba Fácil or Cobranças Conta Azul accounts, which take no manual settlement: those installments stay open); moving the sale out of FATURADO removes those settlements (and only those)",
    ),
    Choice(
        "venda-estoque",
        "When and how a sale moves stock",
        "While the sale is APROVADO or FATURADO and not deleted, by its natureza's `mudanca_estoque` (SAIDA out, ENTRADA in, NAO_ALTERA none): products by their quantity, kits by their components (those sent in `itens_kit`, per kit unit, else the kit's own), services never; EM_ANDAMENTO reserves nothing. A ledger keeps what each sale moved, so every write moves only the difference: editing adjusts, cancelling and deleting give everything back, reapproving takes it again. Stock may go negative while the company's check is off",
    ),
    Choice(
        "venda-verificar-estoque",
        'The company setting "verificar estoque ao criar venda" (FAQ #54), which CA\'s API cannot change',
        'Off by default; `GET`/`PUT /_anil/companies/{id_empresa}/configuracoes/vendas` `{"verificar_estoque_ao_criar_venda": true or false}`. When on, any create or PUT that would take a product below zero is refused with FAQ #54\'s message (`Não foi possível efetuar a integração: A quantidade de <nome> solicitada é superior a disponível no estoque`) and writes nothing',
    ),
    Choice(
        "venda-edicao",
        "What PUT re-syncs, and edits of deleted or partly paid sales",
        "The sale is replaced (lines, plan, value composition) and `versao` goes up by one whatever positive value was sent; when what the receivable is made of changes (client, number, date, total, account, category, cost center, payment method, installments) its installments are cancelled and a new receivable is created — refused (400 `A venda possui parcelas com baixas registradas e o seu financeiro não pode ser alterado`) when someone else settled part of it; otherwise the receivable is kept. `situacao` CANCELADO cancels it as a delete does. A deleted sale cannot be edited (400 `A venda foi excluída e não pode ser editada`); an unknown one is 404 `Venda não encontrada`",
    ),
    Choice(
        "venda-exclusao",
        "What cancelling or deleting a sale does to what it created",
        "The sale's own settlements are undone, every installment nothing else has paid is cancelled (`situacao` CANCELADO; ones with other settlements stay as they are), the stock it moved comes back. `exclusao-lote`: unknown ids, other companies' and already deleted sales count in `ignorados`, a repeated id counts once then as ignored; GET shows a deleted sale with `venda.status` CANCELADO and its `situacao` kept (any other sale: `status` EM_ANDAMENTO)",
    ),
    Choice(
        "venda-ids",
        "Ids `GET /v1/venda/{id}`, PUT and `/itens` accept, and their errors",
        'GET: a uuid (any case) or a positive legacy integer, else 400 `O valor informado deve estar no formato UUID válido`; PUT and `/itens`: a uuid only, else 400 `o valor informado para o ID precisa ser do tipo UUID`; unknown or another company\'s: 404 `{"error": "Venda não encontrada"}`. `/itens` pages with the discrete page sizes, lines in the order sent, `custo` 0 when no cost was sent',
    ),
    Choice(
        "venda-busca-totais",
        "What the `totais` parameter of `GET /v1/venda/busca` does, and what the `totais`/`quantidades` blocks count",
        "A tab: `WAITING_APPROVED` keeps EM_ANDAMENTO sales, `APPROVED` APROVADO and FATURADO, `CANCELED` CANCELADO, `ALL` every one (any case; another value → 400 listing the four). It filters `itens` and `total_itens` only; the blocks split every other filter's sales by situation (`aprovado` = APROVADO + FATURADO, `esperando_aprovacao` = EM_ANDAMENTO, `cancelado`, `total`), summing each sale's net total (`valor_liquido`), so the tabs' figures stay put while one is chosen. Deleted sales count nowhere",
    ),
    Choice(
        "venda-busca-ordenacao",
        "Order of `GET /v1/venda/busca`",
        "Default `DATA` descending (newest first, as the ERP's sales screen). `NUMERO`: number, then creation; `DATA`: sale date, then number; `CLIENTE`: the client's name ignoring case and accents, then date and number; the direction applies to every key. Any case; ascending wins over descending; another field → 400 listing `NUMERO, CLIENTE, DATA`",
    ),
    Choice(
        "venda-busca-filtros",
        "How each filter of `GET /v1/venda/busca` matches",
        "Filters AND, values of one filter OR; arrays repeated or comma-separated. `termo_busca`: the client's name contains it (case and accents ignored), or the e-mail contains it, or it is the sale's number. `data_inicio`/`data_fim` on the sale date, `data_criacao_*` on the São Paulo creation day, `data_alteracao_*` São Paulo date-times (end inclusive at the precision written, at most 365 days), each pair both or neither. `situacoes` the Portuguese names or the FAQ's English codes (`IN_PROCESS`, `APPROVED`, `INVOICED`, `CANCELED`); `tipos` `SALE`/`SCHEDULED_SALE`, `origens` (`API`) any case; unknown values of these three match nothing. `ids_produtos` a line's product or service; `ids_legado_donos` sellers', `ids_legado_clientes` people's, `ids_legado_produtos` products', `ids_legado_categorias` categories' legacy ids. `pendente=true` keeps sales with a pendência (none made through the API has one). Malformed uuids → 400 `O valor informado deve estar no formato UUID válido`, integers → 400; page sizes the discrete set, default 10",
    ),
    Choice(
        "venda-busca-item",
        "Details of an item of `GET /v1/venda/busca`",
        "`total` the net total; `id_legado` the sale's; `data` the sale date; `criado_em`/`data_alteracao` São Paulo time (choice `timestamp-format`); `tipo` `SALE` or `SCHEDULED_SALE`; `itens` `PRODUTO`, `SERVICO` or `PRODUTO_E_SERVICO` from the lines (kits count as products); `condicao_pagamento` true when the sale has installments; `situacao` `{nome, descricao}` as GET names them (`APROVADO`, `Aprovado`); `cliente` the client's name, e-mail, mobile (else business) phone and first address (`Rua, número`, city, state, country, CEP `00000-000`). What a sale does not have is left out, not null (as `venda-campos-ausentes`): `id_contrato` unless a contract made it, `status_email` (anil sends no e-mail), the client's missing fields; a client deleted since shows its `id` only",
    ),
    Choice(
        "venda-busca-corpo",
        "The older `POST /v1/venda/busca` (seed 001)",
        "The same search with the filters in a JSON body: `periodo{data_inicio, data_fim}` is the sale-date pair, `ids_donos` the sellers (`ids_vendedores` also read), the current names accepted too, arrays also as one comma-separated string; paging and sorting in the query; an empty body lists everything, malformed JSON → 400 `O corpo da requisição é inválido`; each value checked as the query form does, with its messages",
    ),
    Choice(
        "venda-pdf",
        "What `GET /v1/venda/{id}/imprimir` prints",
        "An A4 PDF (fpdf2, core fonts: text outside Latin-1 spelled plainly): the company (trade name, razão social, CNPJ, e-mail), `Venda nº N` and its situation, date, seller and origin, the client (name, CPF/CNPJ, e-mail, phone, first address), the lines (name, description, quantity, unit price, line total), gross, discount, freight and `Total da venda`, the payment condition and method with every installment (`i/n`, due date, amount, description), the observations; amounts `R$ 1.234,56`, dates `dd/mm/aaaa`, pages numbered. By uuid or legacy id (else 400 `O valor informado deve estar no formato UUID válido`), unknown or another company's → 404 `Venda não encontrada`; a deleted sale still prints, as Cancelado with `Venda excluída`. The document's dates are the sale's last change: the same sale gives the same bytes. Served inline as `venda-<numero>.pdf`",
    ),
    # ---- Orçamentos (§3.5) ----
    Choice(
        "orcamento-total-itens",
        "`total_itens` of `GET /v1/orcamentos` (production leaves out the `ORCAMENTO_RECUSADO` proposals it lists)",
        "With `ANIL_QUIRKS=on` (the default) the count of matching proposals minus the refused ones, as "
        "production; with `ANIL_QUIRKS=off` every matching proposal. The page lists refused ones either way",
    ),
    Choice(
        "orcamento-observacoes-trocadas",
        "`observacoes` and `observacoes_pagamento` of `GET /v1/orcamentos/{id}` (production answers them swapped)",
        "Swapped with `ANIL_QUIRKS=on` (the default), as production; as written with `ANIL_QUIRKS=off`",
    ),
    Choice(
        "orcamento-situacao",
        "How a proposal's `situacao` moves (the public API has no way: PUT answers 405)",
        '`POST /_anil/companies/{id_empresa}/orcamentos/{id}/situacao` `{"situacao": …}`: `ORCAMENTO` → '
        "`ORCAMENTO_ACEITO` or `ORCAMENTO_RECUSADO`, a refused one back to `ORCAMENTO`; an accepted one stays. "
        "A change bumps `versao` and `data_alteracao`; the same situation again changes nothing; another move → "
        "400. No stock or financial effect in any situation (converting makes the sale: `orcamento-conversao`)",
    ),
    Choice(
        "orcamento-vendedor-padrao",
        'The "vendedor default" of a proposal created without `id_vendedor` or with an unknown one',
        "The company's first seller in `GET /v1/venda/vendedores` order (name, then creation); none → no "
        "`id_vendedor`. A malformed `id_vendedor` → 400",
    ),
    Choice(
        "orcamento-campos-ausentes",
        "Optional fields a proposal does not have, in the detail and the list",
        "Left out rather than `null` (the provider schema types them as plain strings; production's Go "
        "services omit empty fields, as the sellers list omits `id_legado`); `composicao_de_valor.desconto` "
        "is left out when no discount was sent",
    ),
    Choice(
        "orcamento-405",
        "`PUT`, `DELETE` and `PATCH /v1/orcamentos/{id}` (and `PUT`, `PATCH /v1/orcamentos`)",
        'With a valid token, 405 `{"error": "Method Not Allowed"}` and `Allow: GET` (the collection: `GET, POST, '
        "DELETE`); without one, 401 as every `/v1/` path",
    ),
    Choice(
        "orcamento-create-rules",
        "Order and wording of `POST /v1/orcamentos` refusals beyond the spec's",
        "One at a time: `id_cliente`, `data_orcamento`, `data_validade` (`O campo '<campo>' é obrigatório`; "
        "uuid: `… deve estar no formato UUID válido`; dates `YYYY-MM-DD`; validity before the date: `O campo "
        "'data_validade' não pode ser anterior à data do orçamento`), `itens` (absent: obrigatório; `[]`: `deve "
        "conter ao menos 1 item`), each line's `id`, `quantidade` and `valor` (absent, zero or negative: "
        "`O campo 'itens[0].quantidade' deve ser maior que zero`), `valor_custo` ≥ 0, `id_vendedor`, texts "
        "(at most 5,000 characters), `composicao_de_valor.frete` ≥ 0, `desconto` (`tipo` PORCENTAGEM or "
        "VALOR and `valor` ≥ 0 both required when `desconto` is sent; a percentage at most 100; more than "
        "the items' gross → `O desconto não pode ser maior que o valor total dos itens`); then the client "
        "(`Cliente não encontrado`) and the items (`Produto ou serviço não encontrado: <id>`; deleted services "
        "count as unknown), both 400. Quantities keep 4 places, money 2 (half-up)",
    ),
    Choice(
        "orcamento-itens",
        "`itens[]` of the detail: `id`, `nome`, `descricao`, `custo`, `tipo`",
        "`id` is the product's or service's uuid (what the body sent); `nome` the product's name or the "
        "service's description when written; `descricao` the line's own if sent, else the product's "
        "description (services: none); `custo` the `valor_custo` sent, else the product's average cost or the "
        "service's cost; the list's `itens` is `PRODUTO`, `SERVICO` or `PRODUTO_E_SERVICO` from the lines",
    ),
    Choice(
        "orcamento-numero",
        "A new proposal's `numero`",
        "The sales counter: the largest `numero` among the company's sales not deleted and its proposals, + 1 "
        "(1 for the first), under a lock on the company so that two proposals created at once never share one; "
        "a deleted proposal frees its number when it was the largest",
    ),
    Choice(
        "orcamento-conversao",
        'How a proposal becomes a sale (the ERP\'s "aprovar orçamento"; the public API has no way)',
        '`POST /_anil/companies/{id_empresa}/orcamentos/{id}/converter` `{"situacao"?, '
        '"opcao_condicao_pagamento"?}` → 201 with `id_venda`: a sale with the proposal\'s number, client, seller, '
        "lines, discount, freight and notes, dated the company's today, `EM_ANDAMENTO` and `À vista` by default, "
        "its installments from the sales' generator, created by `services.vendas.criar_venda` (so the sale's "
        "stock and receivable follow); the proposal becomes `ORCAMENTO_ACEITO`. A refused proposal → 400; a "
        "second conversion → the sales' `Já existe uma venda com o número N`",
    ),
    Choice(
        "orcamentos-lista",
        "Paging, order and filters of `GET /v1/orcamentos`",
        "Page sizes the discrete set, default 10. Default order `DATA` descending; each order breaks ties by "
        "`numero` then creation, in the same direction; `CLIENTE` by name ignoring case and accents. "
        "`termo_busca`: the client's name contains it (case and accents ignored) or it is the number. "
        "`data_inicio`/`data_fim` on `data_orcamento`, `data_criacao_*` on the São Paulo creation day, "
        "`data_alteracao_*` São Paulo date-times (end inclusive at the precision written), each pair both or "
        "neither. Arrays repeated or comma-separated; the bracket form (`numeros[]=`) → 400; integers outside "
        "int64 → 400. "
        "`ids_natureza_operacao` and `ids_categorias` match nothing on proposals made through the API (the "
        "body cannot set them); `ids_legado_donos` are sellers' `id_legado`",
    ),
    # ---- Categorias financeiras (+DRE) and centros de custo (catalog §3.7, §3.8) ----
    Choice(
        "financeiro-paging-defaults",
        "`pagina`/`tamanho_pagina` of `GET /v1/categorias` and `GET /v1/centro-de-custo` (required per spec)",
        "Optional, `1` and `10` when absent (as §2.2 says the request side is uniform); a size outside the set → 400",
    ),
    Choice(
        "financeiro-400-body",
        "Wording of the financial group's 400s",
        '`{"code": 400, "message": "…"}` (§2.8) with the other groups\' texts, e.g. `O valor do atributo '
        "'tipo' deve ser um dos seguintes valores: RECEITA, DESPESA`",
    ),
    Choice(
        "financeiro-sort-case",
        "Case of `campo_ordenado_ascendente`/`_descendente` values (the spec's own example is `nome`)",
        "Any case (`nome`, `NOME`). When the ascending one is sent the descending one is ignored, unchecked; an "
        "unknown field → 400 listing the accepted ones",
    ),
    Choice(
        "categorias-permite-apenas-filhos",
        "`permite_apenas_filhos` of `GET /v1/categorias`: required per spec, never sent by the official n8n node",
        "Optional, absent = `false` (every category); `true` keeps the categories without children (those an "
        "entry can be booked to, system ones included); `apenas_filhos=true` keeps those with a parent",
    ),
    Choice(
        "categorias-list",
        "Order, matching and `totais` of `GET /v1/categorias`",
        "Default `NOME` ascending (case and accents ignored), ties in plan order; `TIPO` puts DESPESA before "
        "RECEITA, then by name; the direction applies to the chosen field. `busca`: the name contains it (case "
        "and accents ignored) or the internal code starts with it (`3.01`: the group and its children); `nome`: "
        "the name contains it. Inactive "
        "categories are listed too; `totais` count the filtered set by state and `itens_totais` = `totais.todos`",
    ),
    Choice(
        "categorias-codigo",
        "Codes of categories (the UI shows `3.01` before group names; the API item has no code field)",
        "Kept internally with the plan's numbering (`3.01`, children `3.01.01`…): matched by `busca`, shown as "
        "`categorias_financeiras[].codigo` in the DRE tree; null for the 12 root system categories. `nome` has "
        "no prefix",
    ),
    Choice(
        "categorias-dre",
        "Ids and details of `GET /v1/financeiro/categorias-dre`",
        "The tree of defaults.md §3 for every company, ids stable per company (UUIDv5 of company and line). Each "
        "line lists the company's categories with its `entrada_dre`, active or not, by name; totalizers have "
        "`codigo: null`; the legacy keys `nome`, `tipo`, `nivel`, `ordem`, `parent_id` are null, as observed",
    ),
    Choice(
        "categorias-configuracao-padrao",
        "`id_categoria` and `sugestao_padrao.id` of `GET /v1/categorias/configuracao-padrao`",
        "Both the company's system category for the operation (13 items in the spec's order, named as "
        "defaults.md §2); the mapping cannot be changed in anil",
    ),
    Choice(
        "categorias-creation",
        "How categories come to exist (CA's API cannot create them)",
        "A new company gets the 145 of defaults.md §1; more through `POST /_anil/companies/{id_empresa}/categorias` "
        "and `anil categories add`: `nome`, `tipo` (default the parent's), `categoria_pai` (a first-level category "
        "of the same type), `entrada_dre` (one of the 17 known values, as the API spells them), "
        "`considera_custo_dre` (default true only for the two cost lines), `codigo` (default the parent's + `.NN`; "
        "unique, 409 otherwise), `ativo`. Names may repeat (the plan itself has two `Empréstimos de Bancos`)",
    ),
    Choice(
        "centro-de-custo-envelope",
        "List key of `GET /v1/centro-de-custo`: `items` (spec, seed) or `itens` (read by the official n8n node)",
        "Both, carrying the same page: `{itens_totais, items, itens, totais}`",
    ),
    Choice(
        "centro-de-custo-list",
        "Defaults, matching and totals of `GET /v1/centro-de-custo`",
        "`filtro_rapido` absent = `TODOS`; default order `NOME` (case and accents ignored), `CODIGO` text-wise "
        "with no code last, `ID` by the uuid's text, `ATIVO` inactive first; ties by name. `busca`: name (case and "
        "accents ignored) or code (case ignored) contains it. `totais` count `busca`'s matches by state whatever "
        "`filtro_rapido`; `itens_totais` counts what the quick filter keeps",
    ),
    Choice(
        "centro-de-custo-create",
        "Status, rules and duplicates of `POST /v1/centro-de-custo`",
        "200 `{id, codigo, nome, ativo: true}`. `nome` required (blank counts as missing), up to 255 characters; "
        "`codigo` optional (blank = none), up to 64. A name already used in the company (case, accents and "
        "punctuation ignored) or a code (case ignored) → 400 `Já existe um centro de custo com o nome informado` "
        "/ `… com o código informado`",
    ),
    Choice(
        "centro-de-custo-inactive",
        "How a cost center becomes inactive (the API has no update)",
        "Created so through `POST /_anil/companies/{id_empresa}/centros-de-custo` or `anil cost-centers add "
        "--inactive`; a new company has no cost center, the demo company three",
    ),
    # ---- Produtos: NCM, CEST and units of measure (§3.2) ----
    Choice(
        "catalogos-produtos-busca",
        "`busca_textual` (SDK) or `busca` (CLI) on `/v1/produtos/ncm`, `/cest`, `/unidades-medida`",
        "Both accepted, `busca_textual` winning when both are sent. Every word must match, ignoring case and "
        "accents: as the start of the code (dots ignored: `0901.2`) or inside the text (NCM: the code's official "
        "text with its ancestors' from the position down, so `café` finds the whole 0901 family; CEST: the "
        "description; units: description or abbreviation). NCM and CEST in code order, units in creation order",
    ),
    Choice(
        "catalogos-produtos-codigo",
        "`codigo` on `/v1/produtos/ncm`, `/cest`, `/unidades-medida`",
        "NCM and CEST: a prefix of the code, dots ignored (`0901` lists the family, 8 digits one code); a value "
        "that is not digits matches nothing (200, no items). Units: the abbreviation, whole, ignoring case and "
        "accents (`kg`, `M2`)",
    ),
    Choice(
        "catalogos-produtos-vazio",
        "`items` of a product catalog when nothing matches",
        "`[]` with `total_items: 0` (the `null` of pessoas and produtos is documented for those lists only)",
    ),
    Choice(
        "ncm-cest-dados",
        "Which NCM and CEST tables, and their `codigo`",
        "Packaged, never downloaded: the Siscomex NCM table in force on 03/02/2026 (its 10,515 eight-digit codes, "
        "`codigo` without dots) and the CEST items of Convênio ICMS 142/2018 (`codigo` 7 digits without dots: "
        "`17.096.00` → `1709600`); rebuilt by `scripts/build_fiscal_data.py`",
    ),
    Choice(
        "ncm-cest-ids",
        "`id` of NCM and CEST items",
        "Derived from the code, so stable across releases: 1 followed by its digits (NCM `09011110` → "
        "`109011110`, CEST `1709600` → `11709600`)",
    ),
    Choice(
        "ncm-descricao",
        "`descricao` of an NCM item (the official 8-digit texts are often just `Outros` or `Em grão`)",
        "The path from the position down to the code, joined by ` - `, the position's text cut at its first "
        "semicolon: `Café, mesmo torrado ou descafeinado - Café não torrado - Não descafeinado - Em grão`",
    ),
    Choice(
        "unidades-medida-padrao",
        "Units of measure of a new company, their ids and `em_uso`",
        "The 20 of defaults.md §6.3 (`Quantidade` UN, `Kilograma` Kg, `Grama` g …), created with the company; "
        f"ids {UNIDADE_ID_BASE:,} + a number unique across companies, consecutive within one; `em_uso` true "
        "while a product of the company has the unit as its `unidade_medida`",
    ),
    # ---- Contas financeiras, saldos, transferências (§3.9) ----
    Choice(
        "conta-financeira-filtros",
        "How `GET /v1/conta-financeira` filters match, and its order",
        "`nome` is contained, ignoring case and accents; `tipos` any of the values, repeated, comma-separated or "
        "indexed (`tipos[0]=`); `apenas_ativo=true` keeps active accounts only; `esconde_conta_digital=true` hides "
        "`COBRANCAS_CONTA_AZUL`, `RECEBA_FACIL_CARTAO` and `MEIOS_RECEBIMENTO`; `mostrar_caixinha=false` hides "
        "`CAIXINHA` accounts (absent means true). By name (case and accents ignored), then creation; default page "
        "size 10",
    ),
    Choice(
        "conta-financeira-totais",
        "`totais` of `GET /v1/conta-financeira` (documented with the cost centres' texts)",
        "`{ativo, inativo, todos}` count the accounts that match every filter except `apenas_ativo` (the status "
        "tabs); `itens_totais` counts what the pages are drawn from",
    ),
    Choice(
        "conta-financeira-bancos",
        "`codigo_banco` and a transfer's `instituicao_bancaria{codigo, nome}` for each «BANCO»",
        "The bank's public clearing (COMPE) code, e.g. `BANCO_BRASIL` 1, `ITAU` 341, `NUBANK` 260, and its usual "
        "name (`Banco do Brasil`); `OUTROS` is 0 `Outros`, `NAO_BANCO` -10 `Sem banco` (defaults.md §4). An "
        "account created through `/_anil/` may set its own `codigo_banco`",
    ),
    Choice(
        "saldo-atual",
        "What `GET /v1/conta-financeira/{id}/saldo-atual` counts",
        "Computed on each read, never stored: the initial balance plus the net value (`valor_liquido`) of every "
        "movement settled up to today (São Paulo), whatever the initial balance's date; a transfer takes "
        "`origem.composicao_valor.valor_liquido` out on `origem.data` and puts "
        "`destino.composicao_valor.valor_liquido` in on `destino.data`; future-dated movements count from their "
        "day on. Inactive accounts answer too",
    ),
    Choice(
        "saldo-atual-404",
        "`saldo-atual` of an unknown account (or another company's)",
        f'404 `{{"code": 404, "message": "{CONTA_NAO_ENCONTRADA}"}}`',
    ),
    Choice(
        "saldo-inicial-periodo",
        "Which accounts `GET /v1/financeiro/eventos-financeiros/saldo-inicial` returns",
        "One item per account whose initial-balance day (`data_competencia`) lies between the São Paulo calendar "
        "days of `data_inicio` and `data_fim`, both inclusive, zero balances included, ordered by that day then "
        "creation; `saldo_inicial` keeps its sign (negative means `DESPESA`). Both dates required: "
        f"`{CONTA_PARAMETRO_OBRIGATORIO.format(parametro='data_inicio')}`; start after end: "
        f"`{CONTA_PERIODO_MESSAGE}`; page sizes the discrete set, default 10",
    ),
    Choice(
        "transferencias-filtros",
        "Details of `GET /v1/financeiro/transferencias`",
        "`data_inicio` and `data_fim` are required "
        f"(`{CONTA_PARAMETRO_OBRIGATORIO.format(parametro='data_inicio')}`) and inclusive, on the transfer's "
        f"`data`; start after end: `{CONTA_PERIODO_MESSAGE}`; a malformed `ids_conta_financeira` "
        "is refused in saldo-atual's UUID wording; ids repeated, comma-separated or indexed; by date, then "
        "creation",
    ),
    Choice(
        "transferencia-composicao",
        "The value composition of each side of a transfer",
        "`valor_bruto` is the transfer's `valor` on both sides; `juros`, `multa`, `desconto`, `taxa` are 0 unless "
        "given through `/_anil/` (never negative, nor a negative `valor_liquido`); each side's `data` defaults to "
        "the transfer's; `descricao` defaults to `Transferência entre contas`",
    ),
    Choice(
        "contas-sandbox",
        "Creating accounts and transfers, which Conta Azul's API cannot do",
        "`POST /_anil/companies/{id_empresa}/contas-financeiras` and `.../transferencias`, or `anil accounts "
        "create` and `anil transfers create`. An account needs `nome`; `tipo` defaults to `CONTA_CORRENTE`, `banco` "
        "to `OUTROS` (`NAO_BANCO` for `CAIXINHA`), the initial balance to 0 on today; `conta_padrao: true` takes "
        "the flag from the previous default. A transfer needs two distinct active accounts of the same company "
        "and `valor` > 0; `data` defaults to today",
    ),
    # ---- Alterações (§3.10) and the company clocks (issue 4 §7) ----
    Choice(
        "financeiro-alteracoes",
        "What `GET /v1/financeiro/eventos-financeiros/alteracoes` lists, and in which order",
        "Each event (receivable or payable) once, if any create, update, settlement or deletion of it, its "
        "installments or their baixas happened in the window, no-op saves included; a deleted event's id stays "
        "in the feed. Ordered by the event's first touch within the window, then id, so an event touched again "
        "while a client pages keeps its place; `itens_totais` counts distinct events in SQL. Stamped by the "
        "company clock. Page sizes the discrete set, default 10",
    ),
    Choice(
        "financeiro-alteracoes-janela",
        "The window of `alteracoes` (`data_inicio`, `data_fim`)",
        "Both required (`"
        + CONTA_PARAMETRO_OBRIGATORIO.format(parametro="data_inicio")
        + "`), São Paulo date-times without offset (a `Z`, an offset or a plain date → 400); start after end: `"
        + CONTA_PERIODO_MESSAGE
        + f"`; at most {ALTERACOES_JANELA_DIAS} days (`{ALTERACOES_JANELA_MESSAGE}`). The start is inclusive, "
        "the end inclusive at the precision written (`T23:59` covers that minute, `T23:59:59` that second)",
    ),
    Choice(
        "relogio-controle",
        "How a company's clock is set (`/_anil/companies/{id_empresa}/relogio`, `anil clock`)",
        "Freeze at an `instante` (ISO date-time: with `Z`/offset that instant, without one São Paulo time) or a "
        "`data` (00:00 in São Paulo); it then stands still. Advance by `dias`, `horas`, `minutos`, `segundos` "
        "(whole numbers, added) and/or `duracao` (ISO-8601 weeks to seconds; years and months refused): a frozen "
        "clock moves its instant, a running one runs that far ahead. Only forward (> 0, at most 36,500 days a "
        "step, years 1900-9000); going back = freeze earlier or reset. Freezing drops an earlier shift; `DELETE` "
        "or `anil clock reset` returns to the system clock. Every answer shows `agora` (São Paulo), "
        "`agora_utc`, `hoje`, `congelado`, `deslocamento_segundos`, `relogio_do_sistema`",
    ),
    Choice(
        "relogio-escopo",
        "What a company's clock governs",
        "Its date rules: installments' status (ATRASADO), the searches' `vencido`/`vence_hoje`/`pendente`, the "
        "person's financial summary, `saldo-atual` and the `/_anil/` account balances, the default day of new "
        "accounts and transfers, the alterações stamps. Not token, code or refresh-token expiry, nor the "
        "people's and products' own timestamps: those read the system clock",
    ),
    # ---- Parcelas and baixas (§3.10, §3.11) ----
    Choice(
        "financeiro-baixa-valor",
        "How much a settlement may settle",
        "`composicao_valor.valor_bruto` counts against the installment's `nao_pago`: at most what is "
        "open (more → 400 `O valor bruto da baixa (R$ 70,01) é maior que o valor em aberto da parcela "
        "(R$ 70,00)`; a PATCH may use what the baixa itself already covered); an installment with "
        "nothing open → 400 `A parcela já está quitada`. Every part ≥ 0 (`valor_bruto` 0 accepted, as "
        "the provider documents) and the net value (`valor_bruto + juros + multa − desconto − taxa`) "
        "never negative. Any `data_pagamento`, future ones included: the account counts it from that "
        "day on",
    ),
    Choice(
        "financeiro-baixa-situacao",
        "Which installments take settlements",
        "Only those in the normal flow: a cancelled one → 400 `Não é possível baixar uma parcela "
        "cancelada`, a renegotiated one `… renegociada`, one with a `perda` `… com perda registrada` "
        "(clear the loss first, PATCH `perda: null`). The same for a PATCH of one of their baixas; a "
        "DELETE always undoes",
    ),
    Choice(
        "financeiro-baixa-conta",
        "The account of a settlement (seed 000 #35/#48)",
        "`conta_financeira` required, an account of the company (else 400 `O campo 'conta_financeira' "
        "não é uma conta financeira desta empresa`), active (checked when a PATCH changes it). Neither "
        "the baixa's account nor the installment's own may be `RECEBA_FACIL_CARTAO` or "
        "`COBRANCAS_CONTA_AZUL` (Conta Azul settles those by itself): 400 `Não é possível baixar "
        "manualmente uma parcela com a conta financeira do Receba Fácil ou da Conta PJ da Conta Azul: "
        "…`. The account moves by the net value, in for a RECEITA, out for a DESPESA",
    ),
    Choice(
        "financeiro-baixa-metodo",
        "`metodo_pagamento` of a baixa",
        "Written: the provider's 14 values (another → 400 listing them); `CREDITO_VIRTUA`, a typo of "
        "the provider's update body, is read as `CREDITO_VIRTUAL`. Read: any of the 22 "
        "«METODO_PAGAMENTO_FIN»; null when not given",
    ),
    Choice(
        "financeiro-versao",
        "Optimistic `versao` of installments and baixas",
        "Required on both PATCHes (`O campo 'versao' é obrigatório`); the body's own 400s come first, "
        'then a version other than the current one → 409 `{"code": 409, "message": "A versão informada '
        "(1) da parcela está desatualizada: a versão atual é 2. Leia o registro novamente e reenvie a "
        'alteração"}` (`da baixa` for a baixa). Both start at 1 and go up by one on every accepted '
        "write (`UPDATE … WHERE versao = ?` under the installment's row lock: of two writers with one "
        "version, one wins); every settlement written, changed or deleted is also a new version of its "
        "installment",
    ),
    Choice(
        "financeiro-parcela-patch",
        "Rules of `PATCH …/parcelas/{id}`",
        "`versao` and `composicao_valor.valor_bruto` (> 0) required; only the sent fields change; an "
        "explicit null clears `nota`, `nsu`, `metodo_pagamento` («METODO_PAGAMENTO_FIN»), "
        "`data_pagamento_esperado`, `perda`, while null `descricao`, `vencimento` or "
        "`id_conta_financeira` → 400 `obrigatório` and a null `pagamento_agendado` is ignored. A sent "
        "`valor_liquido` is not read (always derived). `valor_bruto` never below what is paid (400 `O "
        "valor bruto da parcela (…) não pode ser menor que o valor já pago (…)`), `nao_pago` becomes "
        "`valor_bruto − valor_pago`; the event's `valor` and rateio stay. `perda` needs `data` and "
        "`valor`, 0 < valor ≤ `nao_pago`. A new `id_conta_financeira` must be an active account of the "
        "company. Cancelled or renegotiated installments → 400. Answer: the installment as left, the "
        "new `versao`, its account with `versao` 0 (accounts carry none)",
    ),
    Choice(
        "financeiro-parcela-campos",
        "Parcela fields anil has no data for, and derived ones",
        "`anexos` and `solicitacoes_cobrancas` `[]` (files cannot be attached through the API; "
        "cobranças are not built yet); `fatura`, `renegociacao`, `id_ultima_solicitacao_pagamento`, "
        "`id_boleto_bancario_autorizado`, `id_ultimo_solicitacao_cobranca`, and baixas' "
        "`id_reconciliacao`, `id_solicitacao_cobranca`, `id_recibo_digital` null; optional values never "
        "given (`perda`, `nsu`, …) null, not left out. `valor_total_liquido` = Σ of the baixas' net "
        "values; `evento.condicao_pagamento.montante_fixo` false; `rateio[].valor_bruto` = `valor`; "
        "`conciliado` false; baixas' `origem` `LANCAMENTO_FINANCEIRO`",
    ),
    Choice(
        "financeiro-referencias",
        "`referencia` of an installment, `evento.referencia`, a baixa's `id_referencia`",
        "The sale or contract that made the event, else the event itself (its id); "
        '`evento.referencia.revisao` is the event\'s revision as a string (`"1"`), `origem` its '
        "«ORIGEM_EVENTO»",
    ),
    Choice(
        "financeiro-parcelas-ids",
        "Ids in the paths of installments and baixas, and their 404s",
        "`{id_evento}`: the event's uuid or its legacy integer id; anything else → 400 `O valor 'abc' "
        "fornecido no parâmetro 'id_evento' não é um identificador (uuid) nem um id legado válido.`. "
        "The other ids are uuids (400 in the provider's saldo-atual wording). Unknown or another "
        "company's: 404 `Evento financeiro não encontrado`, `Parcela não encontrada` (also listing or "
        "creating baixas of one), `Baixa não encontrada`. `GET …/{id_evento}/parcelas` orders by "
        "`indice`; baixas come in creation order",
    ),
    # ---- Produtos (§3.2, Appendix A.9) ----
    Choice(
        "produto-create-status",
        "Status of `POST /v1/produtos` (catalog: 2xx)",
        "200 with the full product, as `GET /v1/produtos/{id}` shows it (the older `POST /v1/produto` "
        "documents 200)",
    ),
    Choice(
        "produto-404-body",
        "Body of a 404 for an unknown product",
        '`{"error": "Produto não encontrado"}`',
    ),
    Choice(
        "produto-sku",
        "The `codigo_sku` the server derives from the name, and duplicates",
        "The name's letters and digits in upper case, accents dropped, words joined by `-`, cut at a word"
        " to 20 characters (`Caneta Azul 0.7mm` → `CANETA-AZUL-0-7MM`), then `-2`, `-3`… while taken. A "
        "SKU is unique within the company, variations included: a taken one → 400 `Já existe um produto "
        "com o código SKU '<sku>'`",
    ),
    Choice(
        "produto-status-formato",
        "`ativo` and `status` both sent; `formato` left out",
        "`status` wins; `ativo: false` alone means `INATIVO`. Without `formato`, a body with `variacao` "
        "is `VARIACAO`, any other `SIMPLES`; `variacao` with `SIMPLES` → 400",
    ),
    Choice(
        "produto-validacao",
        "Limits of the product fields",
        "`nome` ≤ 100, `descricao` ≤ 400, `codigo_sku` ≤ 20 characters; `codigo_ean` 8, 12, 13 or 14 "
        "digits (check digit not verified); amounts and quantities never negative, `estoque_maximo` ≥ "
        "`estoque_minimo` when both are positive; e-commerce texts ≤ 400 (descriptions) or 255 "
        "characters; enums exactly as §3.2 spells them, `NACIONAL_MERCDORIA_BEM_IMPORTACAO_SUPERIOR_70` "
        "included",
    ),
    Choice(
        "produto-referencias",
        "What a product may point at",
        'The company\'s own product group (`categoria.id`, default "Outras") and units of measure, the '
        "packaged NCM/CEST catalogs, the company's e-commerce categories and brands; anything else → 400 "
        "`O campo '<campo>' informa <um NCM> que não existe`. `id_centro_custo` and `id_fornecedor[]` are"
        " only checked to be UUIDs and are stored as sent (no foreign key: cost centers belong to another"
        " group)",
    ),
    Choice(
        "produto-unidade-medida",
        "`unidade_medida` at the top and in `fiscal`",
        "One unit per product, shown in both places; `fiscal.unidade_medida` wins when both are sent. No "
        "unit unless one is sent",
    ),
    Choice(
        "produto-estoque",
        "Stock figures of a product",
        "`quantidade_disponivel` is what was sent (`estoque_disponivel`, 0 by default), "
        "`quantidade_reservada` 0 (no sales reserve stock yet), `quantidade_total` their sum; `saldo` in "
        "lists is the available quantity; `movido` false; `imagens` always `[]` (the API cannot upload "
        "images)",
    ),
    Choice(
        "produto-nivel-estoque",
        "How `nivel_estoque` is computed",
        "`MINIMO` when a positive `estoque_minimo` is reached (available ≤ minimum), else `MAXIMO` when a"
        " positive `estoque_maximo` is reached (available ≥ maximum), else `PADRAO`",
    ),
    Choice(
        "produto-patch",
        "Nulls, `versao` and kits in `PATCH /v1/produtos/{id}`",
        "Only the sent fields change; `versao` goes up by one on every accepted PATCH, an empty one "
        "included, and a sent `versao` is ignored. An explicit null clears `codigo_ean`, the weights, "
        "`unidade_medida`, `ncm`, `cest`; null `nome`, `codigo_sku` or `valor_venda` → 400 `obrigatório`."
        " On a kit `valor_venda` is the kit's price",
    ),
    Choice(
        "produto-kit",
        "Rules of `detalhe_kit`",
        "At least one item; items are simple products or variations of the same company (not kits, not "
        "variation parents), each once; `quantidade` > 0; `valor_unitario` defaults to the item's sale "
        "price, `valor_total` is quantity × unit price rounded half-up to cents (a different one sent → "
        "400). The kit's price is `detalhe_kit.valor_venda`, else `estoque.valor_venda`, else the sum of "
        "the items; its stock is its own, as sent. `costCenterId` of an item is the item product's "
        "`id_centro_custo`",
    ),
    Choice(
        "produto-excluir-kit",
        "Deleting a product that a kit holds, a variation, a variation parent",
        "A product a kit holds (or whose variation a kit holds) → 400 `O produto não pode ser excluído "
        "porque faz parte de um kit` until the kit goes; deleting a parent deletes its variations; "
        "deleting a variation updates the parent's `contagem_agregacao` and stock",
    ),
    Choice(
        "produto-variacao",
        "Rules of `variacao` and what its products get",
        "At least one type, each with at least one option whose `id` (a UUID) the client chooses, unique "
        "in the product; at least one product, each with exactly one option of every type, no two with "
        "the same combination. Types get generated ids. Each variation is a product (`tipo` "
        "`VARIACAO_PRODUTO`, `formato` `SIMPLES`) with the parent's group, unit, fiscal data, average "
        "cost and status, `valor_venda` the parent's unless sent, stock its `saldo`, SKU derived from its"
        " name unless sent; the parent's available stock is the sum of its variations', "
        "`relacionado_manualmente` false",
    ),
    Choice(
        "produtos-list-scope",
        "Which products `GET /v1/produtos` lists",
        "Top-level ones only: variations come under their parent in `produtos_variacao`, in creation "
        "order, and filters and `totalItems` apply to the top-level products. `contagem_agregacao` is the"
        " number of variations (0 elsewhere); a variation's count is `aggregationCount` (sic, the SDK's "
        "name), always 0",
    ),
    Choice(
        "produtos-list-filters",
        "How the product list filters match",
        "`busca`: contains, ignoring case, accents and punctuation, on name, SKU and EAN; `sku`: exact; "
        "`valor_venda_inicial`/`valor_venda_final`: inclusive bounds, each usable alone; "
        "`integracao_ecommerce_ativo` and `produtos_kit_ativo`: `true` keeps only those, `false` leaves "
        "them out; `data_alteracao_de/ate`: both needed, inclusive, on `ultima_atualizacao`, no 365-day "
        "cap (none is documented for products)",
    ),
    Choice(
        "produtos-default-sort",
        "Order of `GET /v1/produtos`",
        "`NOME` ascending by default, ignoring case and accents; `CODIGO` by SKU character by character; "
        "`VALOR_VENDA` by price; ties by creation order, reversed with `DESC`",
    ),
    Choice(
        "produto-aliases",
        "Field names the official n8n node sends",
        "`codigo` is read as `codigo_ean` and `observacao` as `descricao` when those are absent",
    ),
    Choice(
        "produtos-categorias",
        "Product groups (`GET /v1/produtos/categorias`)",
        'Every company starts with "Outras" (products without `categoria` go there; companies created '
        "before products existed get it by migration); CA's API cannot create groups, the demo company "
        "has three more. Ordered by description (case and accents ignored); `busca_textual`, or `busca`, "
        "contains; `items` is `[]` when empty; ids are integers unique across companies",
    ),
    Choice(
        "ecommerce-marcas",
        "E-commerce brands (`GET /v1/produtos/ecommerce-marcas`)",
        "Per company and none by default (they come from an e-commerce integration; the demo company has "
        "three); ordered by name, `direcao` `ASC` or `DESC`; `busca_textual`, or `busca`, contains",
    ),
    Choice(
        "ecommerce-categorias",
        "`GET /v1/produtos/ecommerce-categorias` when CA would answer",
        "Without `busca_textual` (or `busca`), and for a company without e-commerce categories (no "
        'integration: what production answered), 400 `{"error": "Os filtros informados para busca de '
        'categoria de e-commerce são inválidos"}`. Otherwise 200 `{id, versao: 0, items}`: `id` stable '
        "per company; a category whose description contains the text (case and accents ignored) comes "
        "with its whole subtree, under its ancestors; `pagina` and `tamanho_pagina` page the top level",
    ),
    Choice(
        "legacy-produto-fields",
        "How the older `/v1/produto` words map onto the current ones",
        "`observacao` = `descricao`, `dimensao`/`dimensoes` = the measures of `pesos_dimensoes`, "
        "`ecommerce.integracao_habilitada` (answer: `integracao_ativa`) = `integracao_ativa`, "
        "`ecommerce.observacao_adicional` = `descricao_adicional`, `ecommerce.descricao` = "
        "`descricao_seo`, a variation's `codigo` = `codigo_sku` and `estoque` = `saldo`, "
        "`identificador_legado` = `id_legado` as text, `estoque_total` = `quantidade_total`; a "
        "variation's sent `versao` is ignored",
    ),
    Choice(
        "legacy-produto-create",
        "Required fields and answer of the older `POST /v1/produto`",
        "As its provider file: `nome`, `formato`, `estoque`, `dimensao`, and each variation's `codigo`, "
        "`estoque` and `opcoes`, one at a time, then the current rules in the older words; 200. Answers "
        "leave absent values out (the provider types them as plain strings and numbers) except "
        "`variacao`, null unless `VARIACAO`",
    ),
    Choice(
        "legacy-produto-tipo",
        "`tipo` of the older list (`PRODUTO`, `VARIACAO`, `KIT_PRODUTOS`)",
        "A kit is `KIT_PRODUTOS`; a variation parent and its variations are `VARIACAO`; any other product"
        " `PRODUTO`",
    ),
    Choice(
        "legacy-produto-list",
        "Details of the older `GET /v1/produto/busca`",
        "`status` defaults to `TODOS`; `inicio`/`fim` are inclusive bounds of `valor_venda`; `ESTOQUE` "
        "orders by available stock; `busca` as the current `busca`; page sizes the discrete set; `{itens,"
        " itens_totais}` with `itens` `[]` when empty; variations in `filhos` (`id_pai` set, `variacao` "
        "0), as the current list nests them",
    ),
    Choice(
        "legacy-produto-desativar",
        "Body and answer of the older `POST /v1/produto/desativar`",
        "A bare JSON array of 1 to 10 UUIDs; other companies' and unknown ids are listed in `todos` only;"
        " every existing one is in `produtos_desativados` (already inactive ones untouched, the others "
        "`INATIVO` with `versao` + 1)",
    ),
    Choice(
        "financeiro-evento-validacao",
        "Rules of the create body of `POST …/contas-a-receber` and `…/contas-a-pagar` beyond the spec's "
        "required flags",
        "Every field §3.10 marks required, checked one at a time in the body's order, paths written "
        "`condicao_pagamento.parcelas[0].detalhe_valor.valor_bruto`: absent or null → `O campo '…' é "
        "obrigatório`; `descricao` blank counts as missing (≤ 255 characters), `observacao` and `nota` must be "
        "present but may be empty (≤ 4000); ids are UUIDs (`O campo 'contato' deve ser um identificador "
        "(uuid) válido`); `valor`, rateio and cost-center values and `valor_bruto` > 0, `multa`, `juros`, "
        "`desconto`, `taxa` ≥ 0 (two places, half-up); `metodo_pagamento` one of «METODO_PAGAMENTO_FIN»; "
        f"1 to {PARCELAS_MAXIMO} installments, at most {RATEIO_MAXIMO} rateio lines and {RATEIO_MAXIMO} "
        "cost centers per line; a body that is no JSON object → `O corpo da requisição é inválido`. The "
        "contact may be any person of the company, whatever its profile or state",
    ),
    Choice(
        "financeiro-evento-somas",
        "Which sums must match in a new event, and the messages",
        "`rateio` is optional; when sent its values add up to `valor` (`A soma dos valores do rateio (R$ "
        "151,00) difere do valor do evento (R$ 150,00)`), and a line's `rateio_centro_custo`, when sent, adds "
        "up to that line's value; a category twice in the rateio, or a cost center twice in one line → 400. "
        "The installments' `valor_bruto` add up to `valor` (`A soma dos valores brutos das parcelas (R$ "
        "275,99) difere do valor do evento (R$ 100,00): as parcelas devem somar o valor do evento`): the "
        "seed's example as written is refused so",
    ),
    Choice(
        "financeiro-evento-valor-liquido",
        "A `detalhe_valor.valor_liquido` sent on a new installment",
        "Not checked and not stored: an installment's net value is always derived, `valor_bruto + juros + "
        "multa − desconto − taxa` (the seed's own example sends one that does not match)",
    ),
    Choice(
        "financeiro-evento-referencias",
        "Records a new event names that do not exist, or are of the wrong kind",
        "Checked in the request (400) and again by the worker (protocol ERROR with the same text): the "
        "contact (`O contato '<id>' não foi encontrado`), the event's and each installment's account (`A "
        "conta financeira '<id>' não foi encontrada`), each category (`A categoria '<id>' não foi encontrada`; "
        "a DESPESA one on a receivable → `… não é uma categoria de receita`, and the reverse), each cost center; "
        "another company's ids count as unknown. Inactive records and group categories are accepted",
    ),
    Choice(
        "financeiro-protocolo-202",
        "Keys and instant of the 202 of a creation (§3.10: provider file and mock differ)",
        'Both spellings, `{protocolo, protocolId, status: "PENDING", data_criacao, createdAt}`; the instant '
        "is the server's, in UTC with `Z` and whole seconds (`2024-10-22T14:30:00Z`), as both the provider "
        "file and the mock write it",
    ),
    Choice(
        "financeiro-protocolo-resposta",
        "`resposta` and `evento_financeiro_id` of `GET /v1/protocolo/{id}` before and after",
        "PENDING: `O evento financeiro está sendo processado.` and `evento_financeiro_id` null; SUCCESS: `O "
        "evento financeiro foi criado no contas a receber da Conta Azul.` (`… contas a pagar …` for payables) "
        "with the event's id; ERROR: the rule's Portuguese message, id null. Another company's or an unknown "
        "id → 404 `Protocolo não encontrado`; a malformed one → 400 in saldo-atual's UUID wording",
    ),
    Choice(
        "financeiro-protocolo-pendencia",
        "How long a protocol stays PENDING (CA: while its queue works)",
        "Until a worker runs its job, from when it may run: at once (`ANIL_PROTOCOL_DELAY=immediate`, the "
        "default), N whole seconds later (`ANIL_PROTOCOL_DELAY=N`, up to 86400) or when released (`manual`). "
        'A company may have its own mode (`PUT /_anil/companies/{id}/protocolos/modo`, `{"modo": null}` '
        "goes back to the server's); `POST …/protocolos/{id}/liberar` or `…/protocolos/liberar` release held "
        "and delayed jobs now. Delays count on the server's clock, not the company's",
    ),
    Choice(
        "financeiro-protocolo-fila",
        "Who creates the events, and what happens when a worker fails",
        "A protocol due at once (`immediate`), posted to a process that runs the worker (`ANIL_WORKER=inprocess`, "
        "the default), is not queued: the request creates the event in its own transaction and the protocol "
        "is already `SUCCESS` when the client first polls (the 202 still says `PENDING`, as production's). "
        "Otherwise a job table is the queue: every server process drains it (`ANIL_WORKER=inprocess`, polling every 100"
        " ms and woken by its own requests), `anil worker` processes too. A claim leases a job for 30 s "
        "(`ANIL_WORKER_LEASE_SECONDS`); a job's writes, its protocol and its completion commit together, only "
        "while the worker holds the lease, so a reclaimed job takes effect once. Unexpected failures are "
        "retried after the lease, 5 times, then the protocol ends ERROR `Não foi possível processar o evento "
        "financeiro. Envie-o novamente.`",
    ),
    # ---- Installment searches: …/contas-a-receber/buscar, …/contas-a-pagar/buscar (§3.10) ----
    Choice(
        "financeiro-status-ingles",
        "English `status` of the searches' items (only PENDING, OVERDUE and ACQUITTED are observed)",
        "`EM_ABERTO` → `PENDING`, `ATRASADO` → `OVERDUE`, `RECEBIDO` → `ACQUITTED` (observed); `RECEBIDO_PARCIAL` → "
        "`PARTIALLY_ACQUITTED`, `PERDIDO` → `LOST`, `RENEGOCIADO` → `RENEGOTIATED` (anil's). Payables use the same "
        "words (`RECEBIDO` for paid), as the spec lists one vocabulary for both",
    ),
    Choice(
        "financeiro-busca-cancelados",
        "Cancelled installments in the searches (the search vocabulary has no CANCELADO)",
        "Never listed, counted nor totalled, whatever the filters",
    ),
    Choice(
        "financeiro-parcial-vencido",
        "A partly paid installment past its due date: RECEBIDO_PARCIAL or ATRASADO?",
        "`RECEBIDO_PARCIAL` (`PARTIALLY_ACQUITTED`) while anything is open, due or not; `ATRASADO` is for "
        "installments with nothing paid. Its open part still counts in `totais.vencido` once due",
    ),
    Choice(
        "financeiro-busca-totais",
        "The `totais` of the searches (provider file: the copy-pasted `{ativo, inativo, todos}`; production: sums "
        "per situation, inner shape unknown)",
        "`{pago, vencido, vence_hoje, pendente, aberto, todos}`, each `{valor, quantidade}`, over every match of "
        "the filters (not just the page), on the company's today: `pago` Σ paid (installments with something "
        "paid); `vencido` / `vence_hoje` / `pendente` Σ `nao_pago` of open installments (not renegotiated, no "
        "loss, something left to pay) due before, on, after today; `aberto` their sum; `todos` Σ totals of every "
        "match (`quantidade` = `itens_totais`). Computed in one SQL statement",
    ),
    Choice(
        "financeiro-busca-ordenacao",
        'Sort fields of the searches (spec: "nome"; the payables file copies `ID, CODIGO, NOME, ATIVO`) and the '
        "default order",
        "`DATA_VENCIMENTO` (the default), `DATA_COMPETENCIA`, `DESCRICAO`, `NOME` (the installment's description, "
        "as `DESCRICAO`), `VALOR` (the total), any case; another → 400 listing them. Text sorts ignoring ASCII "
        "case, then by code point; ties in creation order (reversed when descending)",
    ),
    Choice(
        "financeiro-busca-filtros",
        "How each filter of the searches matches",
        "`pagina`, `tamanho_pagina` (the discrete set), `data_vencimento_de`/`_ate` required (`O parâmetro "
        "'pagina' é obrigatório`), checked one at a time in the spec's order. Dates inclusive, each end of "
        "competência, pagamento and valor usable alone. `data_pagamento`: the day of the installment's latest "
        "settlement. `data_alteracao_de`/`_ate`: both or neither, São Paulo date-times without offset (`Z`, "
        "offsets and plain dates → 400), at most 365 days, the end inclusive at the precision written, on the "
        "installment's last change. `valor_de`/`valor_ate`: strings (`100`, `1500.75`, `1500,75`, `1.500,75`), ≥ 0, on the "
        "total. `descricao`: the installment's description contains it, case, accents and punctuation ignored. "
        "`ids_contas_financeiras`: the installment's account; `ids_categorias`, `ids_centros_de_custo`: any "
        "rateio line of its event; `ids_clientes`: receivables only (payables ignore it, as production). Arrays "
        "repeated, comma-separated or indexed; values of one filter OR, filters AND",
    ),
    Choice(
        "financeiro-busca-itens",
        "Details of a search item",
        "`id` is the installment's; `descricao` the installment's; `total`/`pago`/`nao_pago` its gross, paid and "
        "open amounts; `data_criacao`/`data_alteracao` São Paulo time (choice `timestamp-format`); `categorias` "
        "and cost centers once each in rateio order, under both `centros_de_custo` and `centros_custo`; "
        "`cliente` (receivables) or `fornecedor` (payables) the event's contact; `renegociacao` null",
    ),
    Choice(
        "sdk-required-fields",
        "Which fields the SDK's typed models require",
        "Request models require a field where Conta Azul's own OpenAPI (the files in "
        "`tests/contract/provider/`) requires it in the operation's request body, nested objects included, "
        "and then want a value, not null (the server's In models require nothing: its domain reports a "
        "missing field in CA's words); groups whose OpenAPI is not published (`pessoas`, `produtos`, "
        "`servicos`) require nothing. Response models declare every field optional, typed as the server's "
        "wire models (ids and dates text, money `Decimal`), extras kept. Dicts and keyword fields are sent "
        "unchecked, as before",
    ),
    Choice(
        "transfer-janelas",
        "The date window `anil api export` reads the lists that require one (`/v1/contratos`, the "
        "installments' searches)",
        "2000-01-01 to 2099-12-31: every contract and installment a company can have; each installment "
        "exported as its detail (`GET …/parcelas/{id}`, with `evento` and `baixas`) plus its search item "
        "under `busca` (the contact is only there)",
    ),
    Choice(
        "transfer-numeros",
        "In which order `anil api import` creates sales, proposals and contracts (they share one number "
        "counter, and only sales take a `numero`)",
        "Together, in the order of their numbers (a contract at its first scheduled sale's): a proposal "
        "then takes the counter's next number and a contract numbers its sales from it, so each gets the "
        "number it had when nothing below it is missing",
    ),
    Choice(
        "transfer-derivados",
        "What `anil api import` does with what a sale or contract made by itself",
        "Never created twice: a contract's scheduled sales come from the contract and the installments "
        "of events whose origem is VENDA, VENDA_AGENDADA or CONTRATO from their sale, counted under "
        "`derived` and paired by position (a sale's installments as `GET /v1/venda/{id}` lists them; a "
        "contract's sales by date and number). A contract is read back from its detail and its first "
        "scheduled sale (lines, discount, freight, category, cost center, account, first due date, "
        "notes); a closed (INATIVO) one is created active and reported under `skipped` (closing it "
        "cancels the sales after today)",
    ),
    Choice(
        "transfer-evento",
        "How `anil api import` makes a manual receivable or payable again, and its installments' state",
        "One event per exported event with all its installments (`indice` order; description, due date, "
        "note, account, value composition, payment method as they are now), rateio, categories, cost "
        "centers and accounts by their matched ids, the contact from the search item; the event's own "
        "description, note and account are not readable: the first installment's description and account "
        "stand for them, the note is empty. Then, installments by due date: a PATCH where the target's "
        "installment differs (description, due date, note, composition, expected payment date, method, "
        "loss, NSU, scheduled payment, account), and the settlements in date order, except those the "
        "target made itself (same origem and gross value, e.g. a FATURADO sale's)",
    ),
    Choice(
        "transfer-orcamento-situacao",
        "A proposal's `situacao` on `anil api import` (the public API cannot set it) and its notes",
        "Created as ORCAMENTO; with `--admin-key` (`ANIL_ADMIN_KEY`; anil only, production has no "
        "`/_anil/`) moved to the exported one through `POST "
        "/_anil/companies/{id_empresa}/orcamentos/{id}/situacao`, else reported under `skipped`. "
        "`observacoes` and `observacoes_pagamento` are swapped back, as GET answers them swapped "
        "(`orcamento-observacoes-trocadas`, quirks on)",
    ),
)
