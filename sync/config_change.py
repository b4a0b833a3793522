"""A remote configuration change applied to kiosk.toml atomically, the old file kept as kiosk.toml.prev."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import tomlkit

from kiosk.config import ConfigError, parse_config


def _write_durably(path: Path, text: str) -> None:
    """Write beside the target, fsync, rename over it, fsync the folder: a power cut leaves old or new, never half."""
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def apply_config_change(path: Path, change: dict[str, dict[str, Any]]) -> str:
    """Merge `change` ({section: {key: value}}) into the config; refuse (ConfigError, file untouched) if the result
    does not validate. Comments and the rest of the file are kept. Returns a one-line summary of what changed."""
    old_text = path.read_text("utf-8")
    document = tomlkit.parse(old_text)
    for section, values in change.items():
        if section not in document:
            document[section] = tomlkit.table()
        table = document[section]
        for key, value in values.items():
            table[key] = value
    new_text = tomlkit.dumps(document)
    try:
        parse_config(tomllib.loads(new_text), source=f"{path} (remote change)", base_dir=path.parent)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} (remote change)", "(syntax)", str(exc), "valid TOML") from None
    _write_durably(path.with_name(path.name + ".prev"), old_text)
    _write_durably(path, new_text)
    return "changed " + ", ".join(f"[{s}].{k}" for s, values in sorted(change.items()) for k in sorted(values))
