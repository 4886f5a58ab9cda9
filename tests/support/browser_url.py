"""Ask Node's WHATWG `URL` (the parser browsers share) which host a link opens."""

from __future__ import annotations

import json
import shutil
import subprocess

_SCRIPT = r"""
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
const out = lines.map((line) => {
  try { return new URL(JSON.parse(line)).hostname; } catch (e) { return null; }
});
process.stdout.write(JSON.stringify(out));
"""


def node_hostnames(urls: list[str]) -> list[str | None]:
    """Node's `new URL(url).hostname` for each url (None where Node refuses the URL)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node 18+ is needed (make test installs the mini-program with it)")
    stdin = "\n".join(json.dumps(url) for url in urls) + "\n"
    result = subprocess.run(
        [node, "-e", _SCRIPT], input=stdin, capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


def comparable(host: str | None) -> str | None:
    """Node's hostname spelled as parse_link spells hosts: no IPv6 brackets, no trailing dot."""
    if host is None:
        return None
    host = host[1:-1] if host.startswith("[") else host
    return host[:-1] if host.endswith(".") else host
