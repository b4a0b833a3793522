"""A remote configuration change applied to kiosk.toml atomically, the old file kept as kiosk.toml.prev."""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomlkit

from kiosk.config import ConfigError, parse_config


def _nothing(_: str) -> None:
    """No checkpoint (the executor's kill test passes one that SIGKILLs at a named step)."""


def _write_durably(path: Path, text: str, like: os.stat_result, checkpoint: Callable[[str], None] = _nothing) -> None:
    """Write beside the target, fsync, rename over it, fsync the folder: a power cut leaves old or new, never half.
    The new file gets the old one's mode and owners: root's executor must not leave a kiosk.toml the app cannot read."""
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), stat.S_IMODE(like.st_mode))
        if os.geteuid() == 0:
            os.fchown(handle.fileno(), like.st_uid, like.st_gid)
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    checkpoint(f"written {temporary.name}")
    os.replace(temporary, path)
    checkpoint(f"replaced {path.name}")
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def apply_config_change(path: Path, change: dict[str, dict[str, Any]], *,
                        checkpoint: Callable[[str], None] = _nothing) -> str:  # fmt: skip
    """Merge `change` ({section: {key: value}}) into the config; refuse (ConfigError, file untouched) if the result
    does not validate. Comments and the rest of the file are kept. Returns a one-line summary of what changed.
    A change already in the file writes nothing (a request redone after a power cut keeps the .prev it made)."""
    like = path.stat()
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
    summary = ", ".join(f"[{s}].{k}" for s, values in sorted(change.items()) for k in sorted(values))
    if new_text == old_text:
        return "already so: " + summary
    _write_durably(path.with_name(path.name + ".prev"), old_text, like, checkpoint)
    _write_durably(path, new_text, like, checkpoint)
    return "changed " + summary
