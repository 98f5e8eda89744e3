"""Use cases. Each takes an open Session, flushes, and never commits: the entrypoint owns the transaction."""
