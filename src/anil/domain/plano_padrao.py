"""What a new Conta Azul company's financial plan looks like (spec/defaults.md §1–§3), as plain data.

`PLANO_PADRAO`: the 145 categories of a new company (17 RECEITA, 128 DESPESA) in insertion order: each
group followed by its children, then the type's root "system" categories. Codes (`3.01`, `3.01.02`) are
kept internally (they answer `busca` and fill `categorias_financeiras[].codigo` in the DRE tree); the API's
`nome` carries no prefix. Children are numbered parent code + `.NN` in the order listed in defaults.md.

`OPERACOES`: the 13 `configuracao-padrao` operations in the API's order with their display names; each one
is served by the system category carrying that `tipo_operacao`.

`DRE_PADRAO`: the DRE Gerencial tree of defaults.md §3 (13 top-level items: 7 groups, 6 totalizers).
"""

from __future__ import annotations

from dataclasses import dataclass

RECEITA, DESPESA = "RECEITA", "DESPESA"

# `entrada_dre` values seen in real data (defaults.md §1.2). `DESPESSAS_FINANCEIRAS` is spelled as the API does.
RECEITA_VENDA_PRODUTOS_SERVICOS = "RECEITA_VENDA_PRODUTOS_SERVICOS"
RECEITA_FRETES_ENTREGAS = "RECEITA_FRETES_ENTREGAS"
IMPOSTOS_SOBRE_VENDAS = "IMPOSTOS_SOBRE_VENDAS"
COMISSOES_SOBRE_VENDAS = "COMISSOES_SOBRE_VENDAS"
DESCONTOS_INCONDICIONAIS = "DESCONTOS_INCONDICIONAIS"
DEVOLUCOES_VENDAS = "DEVOLUCOES_VENDAS"
CUSTO_SERVICOS_PRESTADOS = "CUSTO_SERVICOS_PRESTADOS"
CUSTO_VENDAS_PRODUTOS = "CUSTO_VENDAS_PRODUTOS"
DESPESAS_COMERCIAIS = "DESPESAS_COMERCIAIS"
DESPESAS_ADMINISTRATIVAS = "DESPESAS_ADMINISTRATIVAS"
DESPESAS_OPERACIONAIS_NIVEL_2 = "DESPESAS_OPERACIONAIS_NIVEL_2"
RECEITAS_RENDIMENTOS_FINANCEIROS = "RECEITAS_RENDIMENTOS_FINANCEIROS"
DESPESSAS_FINANCEIRAS = "DESPESSAS_FINANCEIRAS"  # sic: the API's spelling
OUTRAS_RECEITAS_NAO_OPERACIONAIS = "OUTRAS_RECEITAS_NAO_OPERACIONAIS"
OUTRAS_DESPESAS_NAO_OPERACIONAIS = "OUTRAS_DESPESAS_NAO_OPERACIONAIS"
INVESTIMENTOS_IMOBILIZADO = "INVESTIMENTOS_IMOBILIZADO"
EMPRESTIMOS_DIVIDAS = "EMPRESTIMOS_DIVIDAS"

ENTRADAS_DRE = (
    RECEITA_VENDA_PRODUTOS_SERVICOS,
    RECEITA_FRETES_ENTREGAS,
    IMPOSTOS_SOBRE_VENDAS,
    COMISSOES_SOBRE_VENDAS,
    DESCONTOS_INCONDICIONAIS,
    DEVOLUCOES_VENDAS,
    CUSTO_SERVICOS_PRESTADOS,
    CUSTO_VENDAS_PRODUTOS,
    DESPESAS_COMERCIAIS,
    DESPESAS_ADMINISTRATIVAS,
    DESPESAS_OPERACIONAIS_NIVEL_2,
    RECEITAS_RENDIMENTOS_FINANCEIROS,
    DESPESSAS_FINANCEIRAS,
    OUTRAS_RECEITAS_NAO_OPERACIONAIS,
    OUTRAS_DESPESAS_NAO_OPERACIONAIS,
    INVESTIMENTOS_IMOBILIZADO,
    EMPRESTIMOS_DIVIDAS,
)

# ------------------------------------------------------------------------ configuracao-padrao ----

FRETES_RECEBIDOS = "FRETES_RECEBIDOS"
FRETES_PAGOS = "FRETES_PAGOS"
IMPOSTOS_RETIDOS_EM_VENDAS = "IMPOSTOS_RETIDOS_EM_VENDAS"
DESCONTOS_INCONDICIONAIS_OBTIDOS = "DESCONTOS_INCONDICIONAIS_OBTIDOS"
DESCONTOS_INCONDICIONAIS_CONCEDIDOS = "DESCONTOS_INCONDICIONAIS_CONCEDIDOS"
DESCONTOS_FINANCEIROS_OBTIDOS = "DESCONTOS_FINANCEIROS_OBTIDOS"
DESCONTOS_FINANCEIROS_CONCEDIDOS = "DESCONTOS_FINANCEIROS_CONCEDIDOS"
MULTAS_RECEBIDAS = "MULTAS_RECEBIDAS"
MULTAS_PAGAS = "MULTAS_PAGAS"
JUROS_RECEBIDOS = "JUROS_RECEBIDOS"
JUROS_PAGOS = "JUROS_PAGOS"
TARIFAS = "TARIFAS"
PERDAS = "PERDAS"

# (tipo_operacao, display name = `sugestao_padrao.nome` = the system category's name), in the API's order.
OPERACOES: tuple[tuple[str, str], ...] = (
    (FRETES_RECEBIDOS, "Fretes recebidos"),
    (FRETES_PAGOS, "Fretes pagos"),
    (IMPOSTOS_RETIDOS_EM_VENDAS, "Impostos retidos em vendas"),
    (DESCONTOS_INCONDICIONAIS_OBTIDOS, "Descontos incondicionais obtidos"),
    (DESCONTOS_INCONDICIONAIS_CONCEDIDOS, "Descontos incondicionais concedidos"),
    (DESCONTOS_FINANCEIROS_OBTIDOS, "Descontos financeiros obtidos"),
    (DESCONTOS_FINANCEIROS_CONCEDIDOS, "Descontos financeiros concedidos"),
    (MULTAS_RECEBIDAS, "Multas recebidas"),
    (MULTAS_PAGAS, "Multas pagas"),
    (JUROS_RECEBIDOS, "Juros recebidos"),
    (JUROS_PAGOS, "Juros pagos"),
    (TARIFAS, "Tarifas"),
    (PERDAS, "Perdas"),
)
TIPOS_OPERACAO = tuple(op for op, _ in OPERACOES)
NOME_OPERACAO = dict(OPERACOES)


@dataclass(frozen=True, slots=True)
class CategoriaPadrao:
    codigo: str | None
    nome: str
    tipo: str
    entrada_dre: str | None
    pai: str | None = None  # the parent's codigo
    tipo_operacao: str | None = None  # set on the 13 system categories


# A group: (codigo, nome, children). A child: (nome, entrada_dre) or (nome, entrada_dre, tipo_operacao).
_Filho = tuple[str, str | None] | tuple[str, str | None, str]
_Grupo = tuple[str, str, tuple[_Filho, ...]]


def _mesmo(entrada: str | None, *nomes: str) -> tuple[_Filho, ...]:
    return tuple((nome, entrada) for nome in nomes)


_RECEITA: tuple[_Grupo, ...] = (
    (
        "3.01",
        "Receitas de Vendas e de Serviços",
        (
            ("Fretes recebidos", RECEITA_FRETES_ENTREGAS, FRETES_RECEBIDOS),
            ("Receitas de Serviços", RECEITA_VENDA_PRODUTOS_SERVICOS),
            ("Receitas de Vendas", RECEITA_VENDA_PRODUTOS_SERVICOS),
        ),
    ),
    ("3.02", "Receitas Financeiras", (("Rendimentos de Aplicações", RECEITAS_RENDIMENTOS_FINANCEIROS),)),
    (
        "3.03",
        "Outras Receitas e Entradas",
        (
            *_mesmo(
                None,
                "Adiantamentos para futuros Aumentos de Capital - AFAC",
                "Empréstimos de Bancos",
                "Empréstimos de Instituições",
                "Empréstimos de Sócios",
                "Integralização de Capital Social",
            ),
            ("Receitas a Identificar", OUTRAS_RECEITAS_NAO_OPERACIONAIS),
        ),
    ),
)
_RECEITA_SISTEMA: tuple[tuple[str, str, str], ...] = (
    ("Descontos incondicionais obtidos", OUTRAS_RECEITAS_NAO_OPERACIONAIS, DESCONTOS_INCONDICIONAIS_OBTIDOS),
    ("Descontos financeiros obtidos", RECEITAS_RENDIMENTOS_FINANCEIROS, DESCONTOS_FINANCEIROS_OBTIDOS),
    ("Juros recebidos", RECEITAS_RENDIMENTOS_FINANCEIROS, JUROS_RECEBIDOS),
    ("Multas recebidas", RECEITAS_RENDIMENTOS_FINANCEIROS, MULTAS_RECEBIDAS),
)

_DESPESA: tuple[_Grupo, ...] = (
    (
        "4.01",
        "Impostos sobre Vendas e sobre Serviços",
        _mesmo(
            IMPOSTOS_SOBRE_VENDAS, "ICMS ST sobre Vendas", "ISS sobre Faturamento", "Simples Nacional - DAS"
        ),
    ),
    (
        "4.02",
        "Despesas com Vendas e Serviços",
        (
            ("Comissões de Vendedores", COMISSOES_SOBRE_VENDAS),
            ("Materiais Aplicados na Prestação de Serviços", CUSTO_SERVICOS_PRESTADOS),
            ("Materiais para Revenda", None),
            ("Transporte de Mercadorias Vendidas", DESPESAS_OPERACIONAIS_NIVEL_2),
        ),
    ),
    (
        "4.03",
        "Despesas com Salários e Encargos",
        _mesmo(
            DESPESAS_ADMINISTRATIVAS,
            "13º Salário - 1ª Parcela",
            "13º Salário - 2ª Parcela",
            "Adiantamento Salarial",
            "Férias",
            "FGTS e Multa de FGTS",
            "INSS sobre Salários - GPS",
            "IRRF s/ Salários - DARF 0561",
            "PLR - Participação nos Lucros e Resultados",
            "Remuneração de Autônomos",
            "Remuneração de Estagiários",
            "Rescisões",
            "Salários",
        ),
    ),
    (
        "4.04",
        "Despesas com Colaboradores",
        _mesmo(
            DESPESAS_ADMINISTRATIVAS,
            "Confraternizações",
            "Contribuição Sindical",
            "Cursos e Treinamentos",
            "Exames Médicos",
            "Farmácia",
            "Gratificações",
            "Plano de Saúde Colaboradores",
            "Plano Odontológico Colaboradores",
            "Seguro de Vida",
            "Uniformes",
            "Vale-Alimentação",
            "Vale-Transporte",
        ),
    ),
    (
        "4.05",
        "Despesas Administrativas",
        _mesmo(
            DESPESAS_ADMINISTRATIVAS,
            "Bens de Pequeno Valor",
            "Cartório",
            "Copa e Cozinha",
            "Correios",
            "Honorários (outros)",
            "Honorários Advocatícios",
            "Honorários Consultoria",
            "Honorários Contábeis",
            "Lanches e Refeições",
            "Manutenção de Equipamentos",
            "Materiais de Escritório",
            "Materiais de Limpeza e de Higiene",
            "Retenção - Darf 1708 - IRRF",
            "Retenção - Darf 5952 - PIS/COFINS/CSLL",
            "Retenção - GPS 2631 - INSS",
            "Retenção - ISS Serviços Tomados",
            "Telefonia e Internet",
            "Telefonia Móvel",
            "Transporte Urbano (táxi, Uber)",
        ),
    ),
    (
        "4.06",
        "Despesas Comerciais",
        _mesmo(
            DESPESAS_COMERCIAIS,
            "Brindes para Clientes",
            "Marketing e Publicidade",
            "Viagens e Representações",
        ),
    ),
    (
        "4.07",
        "Despesas com Imóvel",
        _mesmo(
            DESPESAS_ADMINISTRATIVAS,
            "Água e Saneamento",
            "Aluguel",
            "Alvará de Funcionamento",
            "Condomínio",
            "Energia Elétrica",
            "IPTU",
            "Manutenção Predial",
            "Retenção - Darf 3208 - IRRF Aluguel",
            "Seguro de Imóveis",
            "Taxa de Lixo",
            "Vigilância e Segurança Patrimonial",
        ),
    ),
    (
        "4.08",
        "Despesas com Veículos",
        _mesmo(
            DESPESAS_ADMINISTRATIVAS,
            "Combustíveis",
            "Estacionamento",
            "IPVA / DPVAT / Licenciamento",
            "Manutenção de Veículos",
            "Multas de Trânsito",
            "Pedágios",
            "Seguros de Veículos",
        ),
    ),
    (
        "4.09",
        "Despesas com Diretoria",
        (
            ("Antecipação de Lucros", None),
            ("Despesas Pessoais dos Sócios", OUTRAS_DESPESAS_NAO_OPERACIONAIS),
            *_mesmo(
                DESPESAS_ADMINISTRATIVAS,
                "INSS sobre Pró-labore - GPS",
                "IRRF sobre Pró-labore - Darf",
                "Plano de Saúde Sócios",
                "Plano Odontológico Sócios",
                "Pró-labore",
            ),
        ),
    ),
    (
        "4.10",
        "Despesas Financeiras",
        _mesmo(
            DESPESSAS_FINANCEIRAS,
            "Impostos sobre Aplicações",
            "Tarifas Bancárias",
            "Tarifas de Boletos",
            "Tarifas de Cartões de Crédito",
            "Tarifas DOC / TED",
        ),
    ),
    ("4.11", "Outras Despesas", (("Despesas a identificar", OUTRAS_DESPESAS_NAO_OPERACIONAIS),)),
    (
        "5.01",
        "Bens Imobilizados da Empresa",
        _mesmo(
            INVESTIMENTOS_IMOBILIZADO,
            "Benfeitorias em Bens de Terceiros",
            "Computadores e Periféricos",
            "Construções em Andamento - Imóvel Próprio",
            "Edifícios e Construções",
            "Leasing - Imóveis",
            "Leasing - Máquinas, Equipamentos e Instalações Industriais",
            "Leasing - Móveis, Utensílios e Instalações Administrativos",
            "Leasing - Móveis, Utensílios e Instalações Comerciais",
            "Leasing - Outras Imobilizações",
            "Leasing - Veículos",
            "Máquinas, Equipamentos e Instalações Industriais",
            "Móveis, Utensílios e Instalações Administrativos",
            "Móveis, Utensílios e Instalações Comerciais",
            "Outras Imobilizações por Aquisição",
            "Software / Licença de Uso",
            "Terrenos",
            "Veículos",
        ),
    ),
    (
        "5.02",
        "Empréstimos e Financiamentos",
        _mesmo(
            EMPRESTIMOS_DIVIDAS,
            "Empréstimos de Bancos",
            "Empréstimos de Outras Instituições",
            "Empréstimos de Sócios",
            "Juros Conta Garantida",
        ),
    ),
    ("5.03", "Parcelamentos e Dívidas", (("Parcelamento do Simples Nacional", EMPRESTIMOS_DIVIDAS),)),
)
_DESPESA_SISTEMA: tuple[tuple[str, str, str], ...] = (
    ("Descontos incondicionais concedidos", DESCONTOS_INCONDICIONAIS, DESCONTOS_INCONDICIONAIS_CONCEDIDOS),
    ("Descontos financeiros concedidos", DESPESSAS_FINANCEIRAS, DESCONTOS_FINANCEIROS_CONCEDIDOS),
    ("Fretes pagos", DESPESAS_OPERACIONAIS_NIVEL_2, FRETES_PAGOS),
    ("Impostos retidos em vendas", IMPOSTOS_SOBRE_VENDAS, IMPOSTOS_RETIDOS_EM_VENDAS),
    ("Juros pagos", DESPESSAS_FINANCEIRAS, JUROS_PAGOS),
    ("Multas pagas", DESPESSAS_FINANCEIRAS, MULTAS_PAGAS),
    ("Perdas", OUTRAS_DESPESAS_NAO_OPERACIONAIS, PERDAS),
    ("Tarifas", DESPESSAS_FINANCEIRAS, TARIFAS),
)


def _plano(tipo: str, grupos: tuple[_Grupo, ...], sistema: tuple[tuple[str, str, str], ...]):  # type: ignore[no-untyped-def]
    for codigo, nome, filhos in grupos:
        yield CategoriaPadrao(codigo, nome, tipo, None)
        for numero, filho in enumerate(filhos, start=1):
            operacao = filho[2] if len(filho) == 3 else None  # type: ignore[misc]
            yield CategoriaPadrao(f"{codigo}.{numero:02d}", filho[0], tipo, filho[1], codigo, operacao)
    for nome, entrada, operacao in sistema:
        yield CategoriaPadrao(None, nome, tipo, entrada, None, operacao)


PLANO_PADRAO: tuple[CategoriaPadrao, ...] = (
    *_plano(RECEITA, _RECEITA, _RECEITA_SISTEMA),
    *_plano(DESPESA, _DESPESA, _DESPESA_SISTEMA),
)

# ----------------------------------------------------------------------------------------- DRE ----


@dataclass(frozen=True, slots=True)
class LinhaDre:
    """One line of the DRE tree. Totalizers have no `codigo`, children or categories; groups have children;
    leaves are fed by the categories whose `entrada_dre` is in `entradas`."""

    descricao: str
    codigo: str | None = None
    subitens: tuple[LinhaDre, ...] = ()
    entradas: tuple[str, ...] = ()
    representa_soma_custo_medio: bool = False

    @property
    def totalizador(self) -> bool:
        return self.codigo is None


def _folha(codigo: str, descricao: str, *entradas: str, custo_medio: bool = False) -> LinhaDre:
    return LinhaDre(descricao, codigo, (), tuple(entradas), custo_medio)


def _grupo(codigo: str, descricao: str, *subitens: LinhaDre) -> LinhaDre:
    return LinhaDre(descricao, codigo, subitens)


DRE_PADRAO: tuple[LinhaDre, ...] = (
    _grupo(
        "01",
        "Receitas Operacionais",
        _folha("01.1", "Receita de Vendas de Produtos e Serviços", RECEITA_VENDA_PRODUTOS_SERVICOS),
        _folha("01.2", "Receita de Fretes e Entregas", RECEITA_FRETES_ENTREGAS),
    ),
    LinhaDre("Receita Bruta de Vendas"),
    _grupo(
        "02",
        "Deduções da Receita Bruta",
        _folha("02.1", "Impostos Sobre Vendas", IMPOSTOS_SOBRE_VENDAS),
        _folha("02.2", "Comissões Sobre Vendas", COMISSOES_SOBRE_VENDAS),
        _folha("02.3", "Descontos Incondicionais", DESCONTOS_INCONDICIONAIS),
        _folha("02.4", "Devoluções de Vendas", DEVOLUCOES_VENDAS),
    ),
    LinhaDre("Receita Líquida de Vendas"),
    _grupo(
        "03",
        "Custos Operacionais",
        _folha("03.1", "Custo dos Serviços Prestados", CUSTO_SERVICOS_PRESTADOS),
        _folha("03.2", "Custo das Vendas de Produtos", CUSTO_VENDAS_PRODUTOS),
        _folha("03.3", "Custo dos Produtos Vendidos", custo_medio=True),
    ),
    LinhaDre("Lucro Bruto"),
    _grupo(
        "04",
        "Despesas Operacionais",
        _folha("04.1", "Despesas Comerciais", DESPESAS_COMERCIAIS),
        _folha("04.2", "Despesas Administrativas", DESPESAS_ADMINISTRATIVAS),
        _folha("04.3", "Despesas Operacionais", DESPESAS_OPERACIONAIS_NIVEL_2),
    ),
    LinhaDre("Lucro / Prejuízo Operacional"),
    _grupo(
        "05",
        "Receitas e Despesas Financeiras",
        _folha("05.1", "Receitas e Rendimentos Financeiros", RECEITAS_RENDIMENTOS_FINANCEIROS),
        _folha("05.2", "Despesas Financeiras", DESPESSAS_FINANCEIRAS),
    ),
    _grupo(
        "06",
        "Outras Receitas e Despesas Não Operacionais",
        _folha("06.1", "Outras Receitas Não Operacionais", OUTRAS_RECEITAS_NAO_OPERACIONAIS),
        _folha("06.2", "Outras Despesas Não Operacionais", OUTRAS_DESPESAS_NAO_OPERACIONAIS),
    ),
    LinhaDre("Lucro / Prejuízo Líquido"),
    _grupo(
        "07",
        "Despesas com Investimentos e Empréstimos",
        _folha("07.1", "Investimentos em Imobilizado", INVESTIMENTOS_IMOBILIZADO),
        _folha("07.2", "Empréstimos e Dívidas", EMPRESTIMOS_DIVIDAS),
    ),
    LinhaDre("Lucro / Prejuízo Final"),
)
