"""Built-in checker (in development)."""
