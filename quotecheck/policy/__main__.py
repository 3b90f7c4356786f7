"""``python -m quotecheck.policy schema > schemas/config.schema.json``: write the config schema."""

from __future__ import annotations

import json
import sys

from .schema import config_schema

if sys.argv[1:] == ["schema"]:
    print(json.dumps(config_schema(), indent=2, ensure_ascii=False))
else:
    sys.exit("usage: python -m quotecheck.policy schema > schemas/config.schema.json")
