"""What production lacks: demo data, first-start bootstrap (later: time control, fault injection)."""
