"""Vendor packages a release carries (e.g. the RD service's .deb): install, check, and put the old one back."""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sync.privileged_client import Privileged, PrivilegedError, vendor_request
from sync.protocol.releases import ReleaseManifest, VendorPackage

TIMEOUT_S = 600.0


@dataclass(frozen=True)
class VendorCommands:
    """Command templates from the config: `{file}` is the package's path, `{name}` and `{version}` its identity."""

    install: str = "dpkg -i {file}"
    check: str = ""  # e.g. "systemctl is-active rdservice"; empty: the install's exit status is the check
    # The shipped kiosk ([agent].privileged_spool): root installs the package (sync/privileged.py), `install` is
    # unused. Without it (a development box run as root, tests) the `install` template runs here.
    privileged: Privileged | None = None

    def _install(self, package: VendorPackage, manifest: ReleaseManifest, release_dir: Path) -> str | None:
        file = release_dir / "app" / package.file
        if self.privileged is None:
            return self._run(self.install, package, file)
        try:
            self.privileged.run("install_vendor", vendor_request(package, manifest, release_dir))
        except PrivilegedError as exc:
            return f"{exc.status} by the privileged executor: {exc}"
        return None

    def _run(self, template: str, package: VendorPackage, file: Path) -> str | None:
        """None when it worked, else what went wrong (exit status and the end of its output)."""
        words = [w.format(file=file, name=package.name, version=package.version) for w in shlex.split(template)]
        try:
            done = subprocess.run(words, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{words[0]}: {exc}"
        if done.returncode != 0:
            return f"{words[0]} exited {done.returncode}: {(done.stdout + done.stderr)[-300:].strip()}"
        return None


def install_vendor(commands: VendorCommands, new: ReleaseManifest, new_dir: Path,
                   old: ReleaseManifest | None, old_dir: Path | None) -> str | None:  # fmt: skip
    """Install and check each package of `new`; on a failure reinstall `old`'s package of that name and say why."""
    for package in new.vendor:
        problem = commands._install(package, new, new_dir)
        if problem is None and commands.check:
            problem = commands._run(commands.check, package, new_dir / "app" / package.file)
        if problem is None:
            continue
        restore_vendor(commands, old, old_dir, only=package.name)
        return f"vendor package {package.name} {package.version}: {problem}"
    return None


def restore_vendor(commands: VendorCommands, old: ReleaseManifest | None, old_dir: Path | None,
                   only: str | None = None) -> None:  # fmt: skip
    """Reinstall the previous release's vendor packages (best effort: a rollback never stops half way)."""
    if old is None or old_dir is None:
        return
    for package in old.vendor:
        if only is None or package.name == only:
            commands._install(package, old, old_dir)
