"""A project's claimrec settings: ``claimrec.toml``, or ``[tool.claimrec]`` in ``pyproject.toml``.

Looked for in the current folder and then each parent (the first folder
holding either file wins; ``claimrec.toml`` before ``pyproject.toml``), or
read from ``--config FILE`` / ``$CLAIMREC_CONFIG``. The command line wins over
the file, the file over claimrec's defaults::

    # claimrec.toml (in pyproject.toml the same keys go under [tool.claimrec])
    min-confidence = 0.4          # default --min-confidence
    fail-on = "high"              # default --fail-on
    offline = false               # default --offline

    [party-aliases]               # more names for an organisation, newsroom style
    "Meta Platforms" = ["Facebook's parent", "the social media giant"]

    [boilerplate]                 # more page furniture: whole-line patterns (Python regex,
    furniture = ["Follow our live coverage.*", "Watch: .*"]   # case-insensitive)

Keys may be written with ``-`` or ``_``. A file that cannot be read, is not
TOML or holds an unknown key or a wrong value is a usage error naming it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimrec.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_ENV = "CLAIMREC_CONFIG"
OWN_FILE = "claimrec.toml"
PYPROJECT = "pyproject.toml"


class Boilerplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    furniture: tuple[str, ...] = ()

    @field_validator("furniture")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
        return patterns


class UserConfig(BaseModel):
    """The settings a project file may give; every one optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    fail_on: Optional[Literal["high", "medium", "low", "never"]] = None
    offline: Optional[bool] = None
    party_aliases: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    boilerplate: Boilerplate = Field(default_factory=Boilerplate)
    path: Optional[str] = None  # where it was read from, for messages


def _normalise_keys(table: dict) -> dict:
    """Dashes to underscores in setting names; party names (the keys of party-aliases) as written."""
    out = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if isinstance(value, dict) and name != "party_aliases":
            value = _normalise_keys(value)
        out[name] = value
    return out


def find_config(start: Optional[Path] = None) -> Optional[Path]:
    """``$CLAIMREC_CONFIG``, else the nearest claimrec.toml or pyproject.toml with [tool.claimrec]."""
    env = os.environ.get(CONFIG_ENV, "").strip()
    if env:
        return Path(env)
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        own = here / OWN_FILE
        if own.is_file():
            return own
        project = here / PYPROJECT
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject is not claimrec's to complain about
    return isinstance(data.get("tool"), dict) and "claimrec" in data["tool"]


def load_config(path: Optional[Path]) -> UserConfig:
    """The settings in ``path`` (none: the defaults)."""
    if path is None:
        return UserConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read config {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"config {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config {path} is not valid TOML: {exc}") from None
    if Path(path).name == PYPROJECT:
        data = data.get("tool", {}).get("claimrec", {})
        if not isinstance(data, dict):
            raise UsageError(f"config {path}: [tool.claimrec] must be a table")
    try:
        return UserConfig.model_validate({**_normalise_keys(data), "path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]).replace("_", "-")
        raise UsageError(f"config {path}: {where}: {first['msg']}") from None


__all__ = ["UserConfig", "find_config", "load_config"]
