"""Everything that talks to the outside: UPS, WeChat and Redis."""
