"""Installing the systemd units, the kiosk user and the udev rules into a root (a temp root in tests)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

UNITS_DIR = Path(__file__).resolve().parent.parent / "systemd"
# source file in systemd/ → where it goes in the root
PLACES = {
    "kiosk.service": "etc/systemd/system/kiosk.service",
    "kiosk-agent.service": "etc/systemd/system/kiosk-agent.service",
    "kiosk.sysusers.conf": "usr/lib/sysusers.d/kiosk.sysusers.conf",
    "99-emitra-kiosk.rules": "etc/udev/rules.d/99-emitra-kiosk.rules",
    "emitra-kiosk-logind.conf": "etc/systemd/logind.conf.d/emitra-kiosk.conf",
    "emitra-kiosk-sysctl.conf": "etc/sysctl.d/90-emitra-kiosk.conf",
    # The privileged executor (root's side of restart, reboot, config changes and vendor packages).
    "kiosk-privileged.path": "etc/systemd/system/kiosk-privileged.path",
    "kiosk-privileged.service": "etc/systemd/system/kiosk-privileged.service",
    "kiosk-privileged.tmpfiles.conf": "usr/lib/tmpfiles.d/kiosk-privileged.conf",
}
# Only on a kiosk that takes signed releases ([agent].release_root): the health gate (started by the agent's
# OnFailure=) and the agent's drop-in that runs /opt/kiosk/current, which without a release there would keep the
# agent from starting at all.
RELEASE_PLACES = {
    "kiosk-rollback.service": "etc/systemd/system/kiosk-rollback.service",
    "kiosk-agent-release.conf": "etc/systemd/system/kiosk-agent.service.d/release.conf",
}


@dataclass(frozen=True, slots=True)
class InstallResult:
    written: tuple[str, ...]  # files that changed
    unchanged: tuple[str, ...]
    enabled: bool


def install_units(root: Path, *, source: Path = UNITS_DIR, releases: bool = False) -> InstallResult:
    """Copy each file where systemd/udev look for it; identical files are left alone, so a re-run changes nothing.

    `releases`: also the release lifecycle's units (they need no enabling: OnFailure= starts the gate, and
    systemd reads a drop-in with its unit)."""
    written, unchanged = [], []
    for name, place in (PLACES | RELEASE_PLACES if releases else PLACES).items():
        target = root / place
        data = (source / name).read_bytes()
        if target.exists() and target.read_bytes() == data:
            unchanged.append(str(target))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(target.suffix + ".new")
        temporary.write_bytes(data)
        temporary.chmod(0o644)
        temporary.replace(target)
        written.append(str(target))
    enabled = _enable(root)
    return InstallResult(tuple(written), tuple(unchanged), enabled)


def _enable(root: Path) -> bool:
    """`systemctl --root` enables units offline (symlinks only), which is also what a live system needs first.

    getty@tty1 is masked: the touch app owns tty1, and no login prompt may appear there.
    """
    systemctl = shutil.which("systemctl")
    if systemctl is None:
        return False
    results = [
        subprocess.run([systemctl, f"--root={root}", *command], capture_output=True, text=True, check=False)
        for command in (
            ("enable", "kiosk.service", "kiosk-agent.service", "kiosk-privileged.path"),
            ("mask", "getty@tty1.service"),
        )
    ]
    return all(result.returncode == 0 for result in results)


def is_live(root: Path) -> bool:
    """Provisioning the running system itself (root /, booted with systemd), not a root being prepared."""
    return (
        root.resolve() == Path("/") and Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None
    )


def _run(*argv: str) -> bool:
    tool = shutil.which(argv[0])
    if tool is None:
        return False
    return subprocess.run([tool, *argv[1:]], capture_output=True, text=True, check=False).returncode == 0


def release_devices() -> bool:
    """Stop the touch app if it runs, so the device tests have the ports to themselves (restarted by go_live)."""
    if not _run("systemctl", "is-active", "--quiet", "kiosk.service"):
        return False
    return _run("systemctl", "stop", "kiosk.service")


def go_live() -> list[str]:
    """On the running system: load what was installed and (re)start both services; the steps that failed."""
    steps = [
        ("systemctl", "daemon-reload"),
        ("systemd-sysusers",),
        ("systemd-tmpfiles", "--create", "/usr/lib/tmpfiles.d/kiosk-privileged.conf"),
        ("systemctl", "restart", "kiosk-privileged.path"),
        ("udevadm", "control", "--reload"),
        ("udevadm", "trigger", "--subsystem-match=tty", "--subsystem-match=usbmisc"),
        ("sysctl", "--system"),
        ("systemctl", "restart", "kiosk-agent.service", "kiosk.service"),
    ]
    return [" ".join(step) for step in steps if not _run(*step)]
