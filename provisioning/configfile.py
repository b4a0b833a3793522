"""Editing kiosk.toml in place (tomlkit): provisioning sets its tables and keeps everything else, comments included."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Table

HEADER = "e-Mitra Plus kiosk configuration, written by `kioskctl provision`; hand edits and comments are kept."


class ConfigFileError(OSError):
    """The config file cannot be read or written; the message says what to do."""


def read_document(path: Path) -> tomlkit.TOMLDocument:
    if not path.exists():
        document = tomlkit.document()
        document.add(tomlkit.comment(HEADER))
        return document
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except PermissionError:
        raise ConfigFileError(f"cannot read {path}: run kioskctl provision as root (sudo)") from None
    except (TOMLKitError, UnicodeDecodeError) as exc:
        raise ConfigFileError(f"{path} is not valid TOML ({exc}): move it aside and run provision again") from None


def merge_table(document: tomlkit.TOMLDocument, name: str, values: Mapping[str, Any], *, prune: bool) -> None:
    """Set `values` in [name], key by key, so an unchanged value keeps its place and comment; `prune` drops the rest."""
    if name not in document or not isinstance(document[name], Table):
        document[name] = tomlkit.table()
    table = document[name]
    assert isinstance(table, Table)
    for key, value in values.items():
        if isinstance(value, Mapping):
            if key not in table or not isinstance(table[key], Table):
                table[key] = tomlkit.table()
            sub = table[key]
            assert isinstance(sub, Table)
            for inner, inner_value in value.items():
                if sub.get(inner) != inner_value:
                    sub[inner] = inner_value
            for stale in [k for k in sub if k not in value]:
                del sub[stale]
        elif table.get(key) != value:
            table[key] = value
    if prune:
        for stale in [k for k in table if k not in values]:
            del table[stale]


def set_devices(document: tomlkit.TOMLDocument, devices: Mapping[str, Mapping[str, Any]]) -> None:
    """[devices] becomes exactly `devices` (one sub-table per kind); unchanged sections keep their comments."""
    if not devices:
        if "devices" in document:
            del document["devices"]
        return
    if "devices" not in document or not isinstance(document["devices"], Table):
        document["devices"] = tomlkit.table(is_super_table=True)
    merge_table(document, "devices", devices, prune=True)


def write_document(path: Path, document: tomlkit.TOMLDocument) -> bool:
    """Atomically replace the file (write a sibling, fsync, rename); False when the text is already the same."""
    text = tomlkit.dumps(document)
    try:
        if path.exists() and path.read_text(encoding="utf-8") == text:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".new")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o640)
        temporary.replace(path)
    except PermissionError:
        raise ConfigFileError(f"cannot write {path}: run kioskctl provision as root (sudo)") from None
    except OSError as exc:
        raise ConfigFileError(f"cannot write {path} ({exc.strerror}): check that folder") from None
    return True


def devices_of(document: tomlkit.TOMLDocument) -> dict[str, dict[str, Any]]:
    table = document.get("devices")
    if not isinstance(table, Table):
        return {}
    return {kind: dict(body.unwrap()) for kind, body in table.items() if isinstance(body, Table)}
