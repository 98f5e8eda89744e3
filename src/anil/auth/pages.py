"""The few HTML pages of the OAuth flow: login, consent, error, and the sandbox callback. Plain HTML,
Portuguese, no scripts; every value is escaped."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from starlette.responses import HTMLResponse

HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
}

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1b2b3a}"
    "h1{color:#0b5fd3;font-size:1.4rem}label{display:block;margin:.8rem 0}"
    "input,select{display:block;width:100%;padding:.4rem;margin-top:.2rem;box-sizing:border-box}"
    "button{margin:1rem .5rem 0 0;padding:.5rem 1rem}.erro{color:#b00020}"
    "code{word-break:break-all;background:#eef3fb;padding:.1rem .3rem}"
)


@dataclass(frozen=True)
class Screen:
    """What every page of one authorization request shows: the form target and the app asking."""

    action: str
    app_name: str


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        f'<!doctype html><html lang="pt-BR"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)} · Conta Azul</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _error(message: str | None) -> str:
    return f'<p class="erro" role="alert">{escape(message)}</p>' if message else ""


def login(screen: Screen, *, error: str | None = None, email: str = "") -> HTMLResponse:
    return _page(
        "Entrar",
        f"<h1>Entrar na Conta Azul</h1>"
        f"<p><strong>{escape(screen.app_name)}</strong> quer se conectar à sua conta.</p>"
        f"{_error(error)}"
        f'<form method="post" action="{escape(screen.action)}">'
        f'<label>E-mail<input type="email" name="email" value="{escape(email)}" required autofocus></label>'
        f'<label>Senha<input type="password" name="password" required></label>'
        f'<button type="submit">Entrar</button>'
        f'<button type="submit" name="decisao" value="negar" formnovalidate>Cancelar</button>'
        f"</form>",
    )


def consent(
    screen: Screen,
    *,
    email: str,
    ticket: str,
    empresas: list[tuple[str, str]],
    selected: str | None,
    error: str | None = None,
) -> HTMLResponse:
    options = "".join(
        f'<option value="{escape(empresa_id)}"{" selected" if empresa_id == selected else ""}>'
        f"{escape(nome)}</option>"
        for empresa_id, nome in empresas
    )
    return _page(
        "Autorizar",
        f"<h1>Autorizar {escape(screen.app_name)}</h1>"
        f"<p>Conectado como {escape(email)}.</p>"
        f"<p><strong>{escape(screen.app_name)}</strong> poderá consultar e alterar os dados da empresa "
        f"escolhida: cadastros, vendas, serviços e financeiro.</p>"
        f"{_error(error)}"
        f'<form method="post" action="{escape(screen.action)}">'
        f'<input type="hidden" name="ticket" value="{escape(ticket)}">'
        f'<label>Empresa<select name="id_empresa" required>{options}</select></label>'
        f'<button type="submit" name="decisao" value="autorizar">Autorizar</button>'
        f'<button type="submit" name="decisao" value="negar">Negar</button>'
        f"</form>",
    )


def error(code: str, description: str, status: int = 400) -> HTMLResponse:
    return _page(
        "Erro",
        f"<h1>Não foi possível continuar</h1><p>{escape(description)}</p>"
        f"<p>Código do erro: <code>{escape(code)}</code></p>",
        status,
    )


def callback(params: dict[str, str], *, token_url: str, redirect_uri: str) -> HTMLResponse:
    rows = "".join(
        f"<p>{escape(name)}: <code>{escape(params[name])}</code></p>"
        for name in ("code", "state", "error", "error_description")
        if name in params
    )
    hint = ""
    if "code" in params:
        hint = (
            "<p>Troque o código em até 3 minutos:</p><p><code>"
            + escape(
                f"curl -u CLIENT_ID:CLIENT_SECRET -d grant_type=authorization_code "
                f"-d code={params['code']} -d redirect_uri={redirect_uri} {token_url}"
            )
            + "</code></p>"
        )
    return _page("Retorno da autorização", f"<h1>Retorno da autorização</h1>{rows}{hint}")
