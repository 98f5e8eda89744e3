"""OAuth2 authorization server (Authlib) and bearer-token verification."""
