"""Pure business rules: stdlib, decimal, dataclasses and validate-docbr only."""
