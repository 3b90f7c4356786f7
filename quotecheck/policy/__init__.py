"""Newsroom policy: configuration files that turn rules off, change severities, set options,
extend the lexicons and do all of that per folder.

A configuration is ``quotecheck.toml``, ``.quotecheck.toml`` (keys at the top level) or the
``[tool.quotecheck]`` table of a ``pyproject.toml``. For each checked file quotecheck walks up
from the file's directory and uses the closest one (in one directory: quotecheck.toml, then
.quotecheck.toml, then a pyproject.toml that has the table; a pyproject.toml without it is not
a configuration and the walk goes on up). ``--config FILE`` replaces the search. The closest
configuration wins: parents are not merged in unless it says ``extends = "path.toml"``.

Every problem in a configuration is a :class:`ConfigError`, one line naming the file, the key
and what was expected; nothing is silently ignored. ``schemas/config.schema.json`` describes
the same format for editors (:func:`config_schema` builds it from the rule registry and the
lexicon manifest, and every file is also checked against it). See docs/configuration.md.

The modules: :mod:`.loading` (discovery, ``extends``, resolving a file's policy),
:mod:`.validation` (the hand checks), :mod:`.schema` (the JSON Schema), :mod:`.globs`
(``[[overrides]] paths``), :mod:`.model` (the policy and its parts), :mod:`.errors`.

Run ``python -m quotecheck.policy schema > schemas/config.schema.json`` after adding a rule, an
option or a configurable lexicon list.
"""

from __future__ import annotations

from .errors import ConfigError
from .globs import Glob, compile_glob
from .loading import CONFIG_NAMES, PolicyCache, discover_config, load_policy
from .model import Policy
from .schema import (
    CONFIG_SCHEMA_ID,
    CONFIG_SCHEMA_VERSION,
    config_schema,
    load_config_schema,
)
from .validation import LEVELS, LEXICON_KEYS, PHRASE_KEYS, WORD_KEYS

__all__ = [
    "CONFIG_NAMES",
    "CONFIG_SCHEMA_ID",
    "CONFIG_SCHEMA_VERSION",
    "LEVELS",
    "LEXICON_KEYS",
    "PHRASE_KEYS",
    "WORD_KEYS",
    "ConfigError",
    "Glob",
    "Policy",
    "PolicyCache",
    "compile_glob",
    "config_schema",
    "discover_config",
    "load_config_schema",
    "load_policy",
]
