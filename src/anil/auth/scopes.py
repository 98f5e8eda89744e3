"""Scopes as Conta Azul knows them: one fixed admin scope set; nothing finer exists."""

DEFAULT_SCOPE = "openid profile aws.cognito.signin.user.admin"
SUPPORTED_SCOPES = frozenset({"openid", "profile", "email", "aws.cognito.signin.user.admin"})


def unknown_scopes(scope: str | None) -> list[str]:
    return [item for item in (scope or "").split() if item not in SUPPORTED_SCOPES]
