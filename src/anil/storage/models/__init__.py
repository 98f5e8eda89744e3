"""Every ORM model, imported here so that Alembic and the metadata see them all."""

from anil.storage.models.categorias import Categoria
from anil.storage.models.centros_de_custo import CentroDeCusto
from anil.storage.models.contas import ContaFinanceira, Transferencia
from anil.storage.models.contratos import Contrato, ContratoItem, ContratoVenda
from anil.storage.models.financeiro import (
    Alteracao,
    Baixa,
    EventoFinanceiro,
    FinanceiroVersao,
    Job,
    ModoProtocolo,
    Parcela,
    Protocolo,
    Rateio,
    RateioCentroCusto,
    RelogioEmpresa,
)
from anil.storage.models.naturezas import NaturezaOperacao
from anil.storage.models.oauth import (
    AuthorizationCode,
    OAuthClient,
    OAuthConnection,
    OAuthToken,
    SigningKey,
)
from anil.storage.models.orcamentos import Orcamento, OrcamentoItem
from anil.storage.models.pessoas import Pessoa, PessoaEndereco
from anil.storage.models.produtos import (
    Produto,
    ProdutoCategoria,
    ProdutoEcommerceCategoria,
    ProdutoEcommerceMarca,
    ProdutoKitItem,
    ProdutoVersao,
)
from anil.storage.models.servicos import Servico
from anil.storage.models.tenants import Empresa, Usuario, UsuarioEmpresa
from anil.storage.models.unidades import UnidadeMedida
from anil.storage.models.vendas import (
    ConfiguracaoVendas,
    MovimentoEstoque,
    Venda,
    VendaItem,
    VendaParcela,
)
from anil.storage.models.vendedores import Vendedor

__all__ = [
    "Alteracao",
    "AuthorizationCode",
    "Baixa",
    "Categoria",
    "CentroDeCusto",
    "ConfiguracaoVendas",
    "ContaFinanceira",
    "Contrato",
    "ContratoItem",
    "ContratoVenda",
    "Empresa",
    "EventoFinanceiro",
    "FinanceiroVersao",
    "Job",
    "ModoProtocolo",
    "MovimentoEstoque",
    "NaturezaOperacao",
    "OAuthClient",
    "OAuthConnection",
    "OAuthToken",
    "Orcamento",
    "OrcamentoItem",
    "Parcela",
    "Pessoa",
    "PessoaEndereco",
    "Produto",
    "ProdutoCategoria",
    "ProdutoEcommerceCategoria",
    "ProdutoEcommerceMarca",
    "ProdutoKitItem",
    "ProdutoVersao",
    "Protocolo",
    "Rateio",
    "RateioCentroCusto",
    "RelogioEmpresa",
    "Servico",
    "SigningKey",
    "Transferencia",
    "UnidadeMedida",
    "Usuario",
    "UsuarioEmpresa",
    "Venda",
    "VendaItem",
    "VendaParcela",
    "Vendedor",
]
