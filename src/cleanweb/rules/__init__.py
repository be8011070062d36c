"""Rule tables (data) and the machinery that applies them."""
