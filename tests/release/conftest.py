"""Fixtures: one real server process per session with three releases built from this repository published."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.releases import Vendor
from tests.release.harness import READY_LINE, build_bundle, publish, publish_here, variant
from tests.sync.harness import ServerProcess

# The one-module change: a comment in one module of the sync package.
CHANGED_MODULE = "sync/backoff.py"


@dataclass
class Published:
    server: ServerProcess
    bundles: dict[str, Path]
    sha: dict[str, str]
    vendor_files: dict[str, Path]  # "vendor/<file name>" → the package file a release carries


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    folder = tmp_path_factory.mktemp("releases")
    server = ServerProcess(str(folder / "server.db"), folder / "server.log").start()
    good = build_bundle(folder / "bundle-1.0")
    bundles = {
        "1.0": good,
        "1.1": variant(
            good,
            folder / "bundle-1.1",
            CHANGED_MODULE,
            '"""',
            '"""Release 1.1. ',
        ),
        "2.0": variant(good, folder / "bundle-2.0", "sync/cli.py", READY_LINE, "pass  # never READY: broken"),
    }
    sha = {"1.0": publish(server, good, "1.0", "--notes", "test release 1.0")}  # the command, once
    sha |= {version: publish_here(server, path, version) for version, path in bundles.items() if version != "1.0"}
    # Same files as 1.1 (nothing to download) with what the gate must handle: a newer schema, a vendor package.
    sha["1.2"] = publish_here(server, bundles["1.1"], "1.2", min_schema=999)
    deb = folder / "rdservice_2.1_amd64.deb"
    deb.write_bytes(b"!<arch>\nfake RD service 2.1\n")
    old_deb = folder / "rdservice_2.0_amd64.deb"
    old_deb.write_bytes(b"!<arch>\nfake RD service 2.0\n")
    sha["0.9"] = publish_here(server, bundles["1.0"], "0.9", vendor=[Vendor("rdservice", "2.0", old_deb)])
    sha["1.3"] = publish(server, bundles["1.1"], "1.3", "--vendor", f"rdservice=2.1:{deb}")  # the option, once
    try:
        vendor_files = {f"vendor/{p.name}": p for p in (deb, old_deb)}
        yield Published(server, {**bundles, "0.9": bundles["1.0"], "1.2": bundles["1.1"], "1.3": bundles["1.1"]},
                        sha, vendor_files)  # fmt: skip
    finally:
        server.stop()
