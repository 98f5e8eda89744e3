"""OAuth2 endpoints as Conta Azul's (catalog §1)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["OAuth2"])
