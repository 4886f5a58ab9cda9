"""Plain job functions for RQ tests (RQ imports jobs by dotted name)."""


def add(a: int, b: int) -> int:
    return a + b
