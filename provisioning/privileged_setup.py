"""Provisioning's link from the installed units to kiosk.toml: the executor's spool and whether releases are taken."""

from __future__ import annotations

from pathlib import Path

from tomlkit.items import Table

from provisioning.configfile import merge_table, read_document, write_document
from provisioning.install import UNITS_DIR

TMPFILES = "kiosk-privileged.tmpfiles.conf"
SPOOL_KEY = "privileged_spool"


def spool_path(source: Path = UNITS_DIR) -> Path:
    """The spool as systemd-tmpfiles creates it: the first directory its conf names (one place says where)."""
    for line in (source / TMPFILES).read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[0] == "d":
            return Path(fields[1])
    raise ValueError(f"{source / TMPFILES} names no directory (a `d` line): the privileged executor has no spool")


def spool_in(root: Path, source: Path = UNITS_DIR) -> Path:
    """Where the kiosk finds the spool: the path itself on the live system, inside `root` when preparing one
    (as for the database: a prepared root is checked and run where it is)."""
    spool = spool_path(source)
    return spool if root.resolve() == Path("/") else root / spool.relative_to("/")


def takes_releases(config_path: Path) -> bool:
    """A kiosk takes signed releases when [agent].release_root is set (a development checkout updates nothing)."""
    agent = read_document(config_path).get("agent")
    return isinstance(agent, Table) and bool(agent.get("release_root"))


def keep_install_keys(config_path: Path, wanted: dict[str, object]) -> dict[str, object]:
    """The [agent] values step_config writes, plus the spool the install step set earlier (the answers do not
    name it, and pruning it would switch the executor off until the install step runs again)."""
    agent = read_document(config_path).get("agent")
    if SPOOL_KEY in wanted or not isinstance(agent, Table) or SPOOL_KEY not in agent:
        return wanted
    return {**wanted, SPOOL_KEY: agent[SPOOL_KEY]}


def set_privileged_spool(config_path: Path, root: Path, source: Path = UNITS_DIR) -> bool:
    """With kiosk-privileged.path installed, the agent must use it: set [agent].privileged_spool (unless the
    answers chose one), keeping every other key and comment. In a prepared root, make the spool folders that
    systemd-tmpfiles makes on a live one. True when the file changed."""
    spool = spool_in(root, source)
    if root.resolve() != Path("/"):
        for folder in ("staging", "requests", "results"):
            (spool / folder).mkdir(parents=True, exist_ok=True)
    document = read_document(config_path)
    agent = document.get("agent")
    if isinstance(agent, Table) and agent.get(SPOOL_KEY):
        return False
    merge_table(document, "agent", {SPOOL_KEY: str(spool)}, prune=False)
    return write_document(config_path, document)
