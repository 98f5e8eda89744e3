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
PESSOA_CREATE_STATUS = 200
PESSOAS_DEFAULT_SORT = ("NOME", "ASC")
BATCH_MAX = 10

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
        "`NOME` ascending; ties by creation order. `ordem_ordenacao` alone sorts by `NOME`",
    ),
    Choice(
        "pessoa-404-body",
        "Body of a 404 for an unknown person",
        '`{"error": "Pessoa não encontrada"}`',
    ),
    Choice(
        "pessoas-batch-missing-ids",
        "Unknown ids in `ativar`/`inativar`/`excluir`",
        "`ativar`/`inativar` list them in `todos` only; `excluir` deletes the known ones and answers 204",
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
        "The IBGE code looked up from `cidade` + `estado` in the shipped IBGE list; null when not found",
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
)
