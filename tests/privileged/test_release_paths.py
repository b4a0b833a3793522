"""The release's root-needing steps on the shipped path: the rollback's vendor package, the restart after a switch."""

from __future__ import annotations

import json
import os

from sync.release.root import ReleaseRoot
from tests.privileged.world import KIOSK_UID, PACKAGE_BYTES, World, as_kiosk, serve_until_done, sha256


def give_to_kiosk(world: World) -> None:
    for folder, dirs, files in os.walk(world.release_root):
        for name in [folder, *(os.path.join(folder, f) for f in [*files, *dirs])]:
            os.lchown(name, KIOSK_UID, KIOSK_UID)


def test_kiosk_rollback_as_the_kiosk_user_puts_the_old_vendor_package_back_through_the_executor(world: World) -> None:
    text = world.config.read_text()
    agent = f'[agent]\nrelease_root = "{world.release_root}"\nprivileged_spool = "{world.spool}"\n'
    world.config.write_text(text.replace("[agent]\n", agent))
    root = ReleaseRoot(world.release_root)
    root.point_current_at("1.4")  # 1.4 was switched to and failed to start
    root.set_state(state="switching", version="1.4", previous="1.3", deadline="2026-12-01T00:00:00Z")
    give_to_kiosk(world)
    command = "import sys; from sync.release.cli import main; sys.exit(main(sys.argv[2:]))"
    argv = f"--config {world.config} --failed --log-file /dev/null".split()
    child = as_kiosk(command, world, *argv)  # what kiosk-rollback.service (User=kiosk) runs
    out, _ = serve_until_done(world, child)
    assert out.startswith("rolled back: release 1.4 failed to start; back on 1.3")
    assert world.calls == [f"dpkg -i {sha256(PACKAGE_BYTES)}"]  # 1.3's package, installed by root
    assert root.running() == "1.3"
    assert json.loads((world.release_root / "update.json").read_text())["state"] == "rolled_back"


def test_the_restart_after_a_switch_is_asked_of_root_and_the_agent_then_exits(world: World) -> None:
    command = (
        "import sys; from pathlib import Path; from sync.privileged_client import Privileged; "
        "from sync.release.setup import restarter; "
        "restarter('systemctl restart kiosk.service', Privileged(Path(sys.argv[1]) / 'var/lib/kiosk-privileged'))"
    )
    serve_until_done(world, as_kiosk(command, world))  # exits 0: systemd starts the agent from the new release
    assert world.calls == ["systemctl restart kiosk.service"]  # by root's executor; the agent ran no systemctl
