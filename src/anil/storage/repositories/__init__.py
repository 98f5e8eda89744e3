"""Tenant-scoped queries per aggregate; no commits, no HTTP. Every query goes through `base`."""
