"""Build UPS 1Z numbers with valid check digits for tests."""


def _value(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def check_digit(body15: str) -> str:
    """The 1Z check digit over the 15 characters after '1Z' (docs/ups.md §9)."""
    total = sum(_value(c) * (2 if i % 2 else 1) for i, c in enumerate(body15))
    return str((10 - total % 10) % 10)


def make_1z(shipper: str, serial: int) -> str:
    """A valid 1Z number from a 6-char shipper-like prefix and a serial."""
    body = (shipper.upper() + "XXXXXX")[:6] + "03" + f"{serial:07d}"
    return "1Z" + body + check_digit(body)
