"""Wire shapes of the sales endpoints (catalog §3.4, Appendix A.5).

Requests: every field optional and loosely typed here, so that the domain reports the first missing or
invalid one in Conta Azul's words (`domain.vendas.validar_venda`). Responses are plain JSON-ready dicts
built from the stored rows: amounts as JSON numbers (whole amounts as integers), dates ISO; optional
values that are absent are left out rather than written as null (choice `venda-campos-ausentes`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from anil.domain import vendas as regras
from anil.domain.pessoas import TIPO_ROTULO


def _decimal(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


Numero = Annotated[Decimal, BeforeValidator(_decimal)]


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ItemKitIn(_In):
    id_produto: str | None = None
    id_kit: str | None = None
    quantidade: Numero | None = None
    valor: Numero | None = None


class ItemIn(_In):
    id: str | None = None
    quantidade: Numero | None = None
    valor: Numero | None = None
    descricao: str | None = None
    valor_custo: Numero | None = None
    itens_kit: list[ItemKitIn] | None = None


class DescontoIn(_In):
    tipo: str | None = None
    valor: Numero | None = None


class ComposicaoIn(_In):
    frete: Numero | None = None
    desconto: DescontoIn | None = None


class ParcelaIn(_In):
    data_vencimento: date | None = None
    valor: Numero | None = None
    descricao: str | None = None


class CondicaoIn(_In):
    opcao_condicao_pagamento: str | None = None
    parcelas: list[ParcelaIn] | None = None
    tipo_pagamento: str | None = None
    id_conta_financeira: str | None = None
    nsu: str | None = None


class VendaIn(_In):
    id_cliente: str | None = None
    numero: int | None = None
    situacao: str | None = None
    data_venda: date | None = None
    itens: list[ItemIn] | None = None
    condicao_pagamento: CondicaoIn | None = None
    composicao_de_valor: ComposicaoIn | None = None
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    id_natureza_operacao: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    versao: int | None = None

    def entrada(self) -> regras.VendaEntrada:
        cp = self.condicao_pagamento
        cv = self.composicao_de_valor
        return regras.VendaEntrada(
            id_cliente=self.id_cliente,
            numero=self.numero,
            situacao=self.situacao,
            data_venda=self.data_venda,
            itens=(
                tuple(
                    regras.ItemEntrada(
                        id=i.id,
                        quantidade=i.quantidade,
                        valor=i.valor,
                        descricao=i.descricao,
                        valor_custo=i.valor_custo,
                        itens_kit=(
                            tuple(
                                regras.ItemKitEntrada(k.id_produto, k.id_kit, k.quantidade, k.valor)
                                for k in i.itens_kit
                            )
                            if i.itens_kit is not None
                            else None
                        ),
                    )
                    for i in self.itens
                )
                if self.itens is not None
                else None
            ),
            condicao_pagamento=(
                regras.CondicaoEntrada(
                    opcao_condicao_pagamento=cp.opcao_condicao_pagamento,
                    parcelas=(
                        tuple(
                            regras.ParcelaEntrada(p.data_vencimento, p.valor, p.descricao)
                            for p in cp.parcelas
                        )
                        if cp.parcelas is not None
                        else None
                    ),
                    tipo_pagamento=cp.tipo_pagamento,
                    id_conta_financeira=cp.id_conta_financeira,
                    nsu=cp.nsu,
                )
                if cp is not None
                else None
            ),
            composicao_de_valor=(
                regras.ComposicaoEntrada(
                    frete=cv.frete,
                    desconto=(
                        regras.DescontoEntrada(cv.desconto.tipo, cv.desconto.valor)
                        if cv.desconto is not None
                        else None
                    ),
                )
                if cv is not None
                else None
            ),
            id_categoria=self.id_categoria,
            id_centro_custo=self.id_centro_custo,
            id_vendedor=self.id_vendedor,
            id_natureza_operacao=self.id_natureza_operacao,
            observacoes=self.observacoes,
            observacoes_pagamento=self.observacoes_pagamento,
            versao=self.versao,
        )


class ExclusaoLoteIn(_In):
    ids: list[str] | None = None


class ConfiguracaoIn(_In):
    verificar_estoque_ao_criar_venda: bool | None = None


# ---------------------------------------------------------------------------------------- output ----


def numero(valor: Decimal | None) -> float | int | None:
    """A JSON number: whole values as integers, others as the shortest float."""
    if valor is None:
        return None
    valor = Decimal(valor)
    inteiro = valor.to_integral_value()
    return int(inteiro) if valor == inteiro else float(valor.normalize())


def sem_nulos(valor: Any) -> Any:
    if isinstance(valor, dict):
        return {k: sem_nulos(v) for k, v in valor.items() if v is not None}
    if isinstance(valor, list):
        return [sem_nulos(v) for v in valor]
    return valor


def _situacao(nome: str) -> dict[str, Any]:
    return {"nome": nome, "descricao": regras.DESCRICAO_SITUACAO.get(nome, nome)}


def _parcelas(parcelas: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": p.parcela_financeira_id or p.id,
            "numero": p.numero,
            "data_vencimento": p.data_vencimento.isoformat(),
            "valor": numero(p.valor),
            "descricao": p.descricao,
        }
        for p in parcelas
    ]


def criada(venda: Any, parcelas: list[Any]) -> dict[str, Any]:
    """The create response (Appendix A.5 `createVenda`), with the production quirks of §3.4: English
    situation names and the `pendencia` key."""
    desconto = None
    if venda.desconto_tipo is not None:
        desconto = {"tipo": venda.desconto_tipo, "valor": numero(venda.desconto_taxa)}
    return sem_nulos(
        {
            "id": venda.id,
            "id_legado": venda.seq,
            "id_cliente": venda.cliente_id,
            "numero": venda.numero,
            "origem": venda.origem,
            "id_categoria": venda.categoria_id,
            "data_venda": f"{venda.data_venda.isoformat()}T00:00:00Z",
            "situacao": {
                "nome": regras.SITUACAO_INGLES[venda.situacao],
                "descricao": regras.DESCRICAO_SITUACAO[venda.situacao],
            },
            "pendencia": {"nome": venda.pendencia, "descricao": regras.PENDENCIAS.get(venda.pendencia, "")},
            "valor_composicao": {
                "valor_bruto": numero(venda.valor_bruto),
                "desconto": desconto,
                "frete": numero(venda.frete),
                "valor_liquido": numero(venda.valor_liquido),
            },
            "condicao_pagamento": {
                "id_legado": venda.seq,
                "tipo_pagamento": venda.tipo_pagamento,
                "id_conta_financeira": venda.conta_financeira_id,
                "opcao_condicao_pagamento": venda.opcao_condicao_pagamento,
                "parcelas": [
                    {
                        "data_vencimento": p.data_vencimento.isoformat(),
                        "valor": numero(p.valor),
                        "descricao": p.descricao,
                        "numero": p.numero,
                    }
                    for p in parcelas
                ],
                "observacoes_pagamento": venda.observacoes_pagamento,
                "nsu": venda.nsu,
                "troco_total": 0,
            },
            "observacoes": venda.observacoes,
            "id_vendedor": venda.vendedor_id,
            "versao": venda.versao,
        }
    )


def detalhe(d: Any) -> dict[str, Any]:
    """`GET /v1/venda/{id}`: the envelope {cliente, evento_financeiro, natureza_operacao, venda, vendedor,
    contrato}; `notificacao` left out (anil sends no e-mail)."""
    v = d.venda
    cliente = None
    if d.cliente is not None:
        cliente = {
            "uuid": d.cliente.id,
            "tipo_pessoa": TIPO_ROTULO.get(d.cliente.tipo_pessoa, d.cliente.tipo_pessoa),
            "documento": d.cliente.documento,
            "nome": d.cliente.nome,
        }
    natureza = None
    if d.natureza is not None:
        n = d.natureza
        natureza = {
            "uuid": n.id,
            "tipo_operacao": n.tipo_operacao,
            "template_operacao": n.template_operacao,
            "label": n.label,
            "mudanca_financeira": n.mudanca_financeira,
            "mudanca_estoque": n.mudanca_estoque,
        }
    vendedor = None
    if d.vendedor is not None:
        vendedor = {"id": d.vendedor.id, "nome": d.vendedor.nome, "id_legado": d.vendedor.id_legado}
    contagem = d.contagem
    venda = {
        "id": v.id,
        "status": "CANCELADO" if v.excluida else "EM_ANDAMENTO",
        "id_legado": v.seq,
        "tipo_negociacao": "VENDA",
        "numero": v.numero,
        "id_categoria": v.categoria_id,
        "data_compromisso": v.data_venda.isoformat(),
        "configuracao_de_desconto": (
            {"tipo_desconto": v.desconto_tipo, "taxa_desconto": numero(v.desconto_taxa)}
            if v.desconto_tipo is not None
            else None
        ),
        "composicao_valor": {
            "valor_bruto": numero(v.valor_bruto),
            "desconto": numero(v.desconto),
            "frete": numero(v.frete),
            "impostos": 0,
            "impostos_deduzidos": 0,
            "seguro": 0,
            "despesas_incidentais": 0,
            "valor_liquido": numero(v.valor_liquido),
        },
        "condicao_pagamento": {
            "tipo_pagamento": v.tipo_pagamento,
            "id_conta_financeira": v.conta_financeira_id,
            "pagamento_a_vista": len(d.parcelas) == 1 and d.parcelas[0].data_vencimento <= v.data_venda,
            "parcelas": _parcelas(d.parcelas),
            "observacoes_pagamento": v.observacoes_pagamento,
            "opcao_condicao_pagamento": v.opcao_condicao_pagamento,
            "nsu": v.nsu,
        },
        "total_itens": {
            "contagem_produtos": contagem.get("PRODUTO", 0) + contagem.get("KIT_PRODUTOS", 0),
            "contagem_servicos": contagem.get("SERVICO", 0),
            "contagem_nao_conciliados": 0,
        },
        "observacoes": v.observacoes,
        "id_cliente": v.cliente_id,
        "versao": v.versao,
        "tipo_pendencia": {"nome": v.pendencia, "descricao": regras.PENDENCIAS.get(v.pendencia, "")},
        "situacao": {**_situacao(v.situacao), "ativado": v.situacao != regras.CANCELADO},
        "id_natureza_operacao": v.natureza_operacao_id,
        "id_centro_custo": v.centro_custo_id,
        "introducao": v.introducao,
        "origem": v.origem,
    }
    return sem_nulos(
        {
            "cliente": cliente,
            "evento_financeiro": {"id": v.evento_id} if v.evento_id else None,
            "natureza_operacao": natureza,
            "venda": venda,
            "vendedor": vendedor,
            "contrato": d.contrato,
        }
    )


def itens(total: int, contagem: dict[str, int], pagina: list[Any]) -> dict[str, Any]:
    """`GET /v1/venda/{id_venda}/itens`: {itens, itens_totais, totais}."""
    return {
        "itens": [
            sem_nulos(
                {
                    "id": i.id,
                    "id_item": i.item_id,
                    "nome": i.nome,
                    "descricao": i.descricao,
                    "tipo": i.tipo,
                    "quantidade": numero(i.quantidade),
                    "valor": numero(i.valor),
                    "custo": numero(i.valor_custo) if i.valor_custo is not None else 0,
                    "id_centro_custo": i.centro_custo_id,
                }
            )
            for i in pagina
        ],
        "itens_totais": total,
        "totais": {
            "quantidade_produtos": contagem.get("PRODUTO", 0) + contagem.get("KIT_PRODUTOS", 0),
            "quantidade_servicos": contagem.get("SERVICO", 0),
            "quantidade_nao_conciliados": 0,
        },
    }
