"""Every place where the catalog leaves a behaviour open and anil picks one. Listed in the README table
"Where anil chooses" (a test keeps the two in step). Code reads the constants from here."""

from __future__ import annotations

from dataclasses import dataclass


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
SERVICOS_PAGE_SIZE_MESSAGE = "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50 ou 100"
SERVICOS_BATCH_MAX = 10
SERVICOS_IDS_MESSAGE = (
    "O campo 'ids' deve conter apenas números inteiros (int64): informe os id_servico, não os UUIDs"
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
        "payables; `mensagem_pagamentos_abertos` = count and total of open receivables. São Paulo dates",
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
)
