"""Use cases orchestrating domain rules through adapters."""
