"""Write backend/domain/data/territories.json: CLDR's country and region names (via babel).

The domain reads the JSON (it imports no third-party code); tests/unit/test_places.py checks
that the file still equals what the pinned babel says. Run after upgrading babel:
    .venv/bin/python scripts/cldr_territories.py
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "backend" / "domain" / "data" / "territories.json"


def territories() -> dict[str, dict[str, str]]:
    """{"zh": {"CN": "中国", ...}, "en": {"CN": "China", ...}} for ISO 3166 alpha-2 codes."""
    return {
        lang: {
            code: name
            for code, name in sorted(Locale.parse(lang).territories.items())
            if len(code) == 2 and code.isalpha() and code.isupper()
        }
        for lang in ("zh", "en")
    }


if __name__ == "__main__":
    OUT.write_text(
        json.dumps(territories(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8"
    )
    print(f"wrote {OUT}")
