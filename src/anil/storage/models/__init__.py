"""Every ORM model, imported here so that Alembic and the metadata see them all."""

from anil.storage.models.oauth import (
    AuthorizationCode,
    OAuthClient,
    OAuthConnection,
    OAuthToken,
    SigningKey,
)
from anil.storage.models.pessoas import Pessoa, PessoaEndereco
from anil.storage.models.servicos import Servico
from anil.storage.models.tenants import Empresa, Usuario, UsuarioEmpresa
from anil.storage.models.vendedores import Vendedor

__all__ = [
    "AuthorizationCode",
    "Empresa",
    "OAuthClient",
    "OAuthConnection",
    "OAuthToken",
    "Pessoa",
    "PessoaEndereco",
    "Servico",
    "SigningKey",
    "Usuario",
    "UsuarioEmpresa",
    "Vendedor",
]
