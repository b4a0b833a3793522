"""A temporary root for the privileged executor: the shipped spool (tmpfiles), kiosk.toml, a release, fake tools."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol.releases import ReleaseFile, ReleaseManifest, VendorPackage, sign_manifest
from tests.sync.harness import write_config

REPO = Path(__file__).resolve().parents[2]
UNITS = REPO / "systemd"
KIOSK_UID = 65534  # "kiosk" in this root's /etc/passwd: nobody's ids, so no user is added to the sandbox itself
PACKAGE = "vendor/rdservice_2.1_amd64.deb"
PACKAGE_BYTES = b"!<arch>\nnot really a deb, but dpkg here is a stand-in\n"
BROKEN_PACKAGE = b"!<arch>\nBROKEN: the stand-in dpkg fails on this one\n"


@dataclass
class World:
    base: Path

    @property
    def spool(self) -> Path:
        return self.base / "var/lib/kiosk-privileged"

    @property
    def config(self) -> Path:
        return self.base / "etc/kiosk/kiosk.toml"

    @property
    def release_root(self) -> Path:
        return self.base / "opt/kiosk"

    @property
    def calls(self) -> list[str]:
        """What the stand-ins for systemctl and dpkg were asked, in order."""
        log = self.base / "calls.log"
        return log.read_text().splitlines() if log.exists() else []

    def executor_argv(self) -> list[str]:
        """What kiosk-privileged.service runs, with this root's paths and the stand-in tools."""
        return [sys.executable, "-I", "-m", "sync.privileged", "--spool", str(self.spool), "--config",
                str(self.config), "--release-root", str(self.release_root), "--systemctl",
                str(self.base / "bin/systemctl"), "--dpkg", str(self.base / "bin/dpkg")]  # fmt: skip

    def run_executor(self) -> subprocess.CompletedProcess[str]:
        """One start of kiosk-privileged.service (its UMask= too)."""
        return subprocess.run(self.executor_argv(), capture_output=True, text=True, timeout=60, check=False,
                              umask=0o027, cwd="/")  # fmt: skip

    def result(self, request_id: str) -> dict[str, str]:
        return dict(json.loads((self.spool / "results" / f"{request_id}.json").read_text()))

    def drop(self, name: str, body: bytes | str) -> None:
        """A request file put straight into requests/ (as a misbehaving agent could)."""
        data = body.encode() if isinstance(body, str) else body
        (self.spool / "requests" / name).write_bytes(data)


def make_world() -> World:
    base = Path(tempfile.mkdtemp(prefix="privexec-"))  # not pytest's tmp_path: its folders are root's alone
    base.chmod(0o755)  # the kiosk user must reach the spool below it
    (base / "etc").mkdir()
    (base / "etc/passwd").write_text(f"kiosk:x:{KIOSK_UID}:{KIOSK_UID}::/nonexistent:/usr/sbin/nologin\n")
    (base / "etc/group").write_text(f"kiosk:x:{KIOSK_UID}:\n")
    subprocess.run(["systemd-tmpfiles", "--create", f"--root={base}", str(UNITS / "kiosk-privileged.tmpfiles.conf")],
                   check=True, capture_output=True)  # fmt: skip
    (base / "etc/kiosk").mkdir(mode=0o755)
    config = base / "etc/kiosk/kiosk.toml"
    os.replace(write_config(base / "etc/kiosk", "http://127.0.0.1:9"), config)
    config.chmod(0o640)  # as provisioning leaves it: root's, readable by the kiosk group
    os.chown(config, 0, KIOSK_UID)
    _stand_ins(base)
    release(base / "opt/kiosk", "1.3")
    release(base / "opt/kiosk", "1.4", BROKEN_PACKAGE)
    for folder, _, files in os.walk(base / "opt/kiosk"):  # the agent owns its release root (ReadWritePaths)
        for name in [folder, *(os.path.join(folder, f) for f in files)]:
            os.chown(name, KIOSK_UID, KIOSK_UID)
    return World(base)


def _stand_ins(base: Path) -> None:
    """systemctl and dpkg that only write down what they were asked (dpkg: the hash of the file it was given)."""
    (base / "bin").mkdir()
    log = base / "calls.log"
    (base / "bin/systemctl").write_text(f'#!/bin/sh\necho "systemctl $*" >> {log}\n')
    (base / "bin/dpkg").write_text(f"""#!/bin/sh
if grep -q BROKEN "$2"; then echo "dpkg: error processing $2" >&2; echo "dpkg failed" >> {log}; exit 1; fi
echo "dpkg $1 $(sha256sum < "$2" | cut -c1-64)" >> {log}
""")
    for tool in ("systemctl", "dpkg"):
        (base / "bin" / tool).chmod(0o755)


def release(root: Path, version: str, package: bytes = PACKAGE_BYTES) -> ReleaseManifest:
    app = root / "releases" / version / "app"
    (app / "vendor").mkdir(parents=True)
    (app / PACKAGE).write_bytes(package)
    manifest = ReleaseManifest(
        version=version, created_at="2026-12-01T00:00:00Z", min_schema=0,
        files=[ReleaseFile(path=PACKAGE, sha256=sha256(package), size=len(package))],
        vendor=[VendorPackage(name="rdservice", version="2.1", file=PACKAGE)],
    )  # fmt: skip
    document = sign_manifest(manifest, Ed25519PrivateKey.generate())
    (root / "releases" / version / "manifest.json").write_text(document.model_dump_json())
    return manifest


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def as_kiosk(code: str, world: World, *args: str) -> subprocess.Popen[str]:
    """Python `code` run as the unprivileged kiosk user (setpriv); sys.argv[1] is the world's base, then `args`."""
    argv = ["setpriv", f"--reuid={KIOSK_UID}", f"--regid={KIOSK_UID}", "--clear-groups", sys.executable, "-I", "-c",
            code, str(world.base), *args]  # fmt: skip
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/")


def serve_until_done(world: World, child: subprocess.Popen[str], limit_s: float = 60.0) -> tuple[str, str]:
    """Play kiosk-privileged.path: start the executor whenever requests/ is not empty, until the child ends."""
    deadline = time.monotonic() + limit_s
    while child.poll() is None and time.monotonic() < deadline:
        if any(world.spool.joinpath("requests").iterdir()):
            done = world.run_executor()
            assert done.returncode == 0, done.stderr
        else:
            time.sleep(0.02)
    out, err = child.communicate(timeout=10)
    assert child.returncode == 0, err
    return out, err


class PathUnit:
    """kiosk-privileged.path in a thread, for tests whose agent side runs in the test process."""

    def __init__(self, world: World) -> None:
        self.world, self.stop = world, threading.Event()
        self.failures: list[str] = []
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self.stop.is_set():
            if any(self.world.spool.joinpath("requests").iterdir()):
                done = self.world.run_executor()
                if done.returncode != 0:
                    self.failures.append(done.stderr)
            else:
                self.stop.wait(0.02)

    def __enter__(self) -> PathUnit:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join(timeout=60)
        assert self.failures == []
