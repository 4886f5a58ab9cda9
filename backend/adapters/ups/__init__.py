"""UPS OAuth and Track API: transport, mapping of UPS JSON, typed errors."""
