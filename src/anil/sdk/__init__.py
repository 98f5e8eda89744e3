"""Python SDK for the Conta Azul API (issue 6). Imports no server dependency."""
