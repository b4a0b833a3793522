"""The privileged executor as its unit runs it: allowed actions happen, everything else changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

import pytest

from tests.privileged.world import (
    KIOSK_UID,
    PACKAGE,
    PACKAGE_BYTES,
    REPO,
    World,
    as_kiosk,
    release,
    serve_until_done,
    sha256,
)

AGENT = """
import json, sys
from pathlib import Path
from sync.privileged_client import Privileged, PrivilegedSystem
from sync.release.root import ReleaseRoot
from sync.release.vendor import VendorCommands, install_vendor

base = Path(sys.argv[1])
config = base / "etc/kiosk/kiosk.toml"
executor = Privileged(base / "var/lib/kiosk-privileged", timeout_s=30)
out = {}
try:
    config.write_text("[kiosk]\\nhelpline = '0000'\\n")
except PermissionError:
    out["direct_write"] = "refused"
try:
    (base / "var/lib/kiosk-privileged/results/forged.json").write_text("{}")
except PermissionError:
    out["forged_result"] = "refused"
PrivilegedSystem(executor).restart_app()
out["config"] = executor.run("set_config", {"kiosk": {"helpline": "1800-180-6127"}})
out["config_readable"] = "1800-180-6127" in config.read_text()
root = ReleaseRoot(base / "opt/kiosk")
vendor = VendorCommands(install="false", privileged=executor)  # the template is not what installs
out["vendor"] = install_vendor(vendor, root.manifest("1.3"), root.releases / "1.3", None, None)
print(json.dumps(out))
"""


def test_the_unprivileged_agent_gets_its_allowed_actions_done_by_root(world: World) -> None:
    old = world.config.read_text()
    out, _ = serve_until_done(world, as_kiosk(AGENT, world))
    assert json.loads(out) == {
        "direct_write": "refused", "forged_result": "refused", "config": "changed [kiosk].helpline",
        "config_readable": True, "vendor": None,
    }  # fmt: skip
    assert world.calls == ["systemctl restart kiosk.service", f"dpkg -i {sha256(PACKAGE_BYTES)}"]
    assert tomllib.loads(world.config.read_text())["kiosk"]["helpline"] == "1800-180-6127"
    assert world.config.with_name("kiosk.toml.prev").read_text() == old
    info = world.config.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (0, KIOSK_UID, 0o640)  # as it was, not root's umask
    assert not any(world.spool.joinpath("requests").iterdir())


def bad_requests(world: World) -> dict[str, str]:
    """A misbehaving agent's requests (request id → what the refusal must say)."""

    def request(rid: str, action: str, args: object) -> None:
        world.drop(f"{rid}.json", json.dumps({"id": rid, "action": action, "args": args}))

    def vendor(rid: str, version: str, file: str = PACKAGE, sha: str = sha256(PACKAGE_BYTES)) -> None:
        request(rid, "install_vendor", {"release": version, "file": file, "sha256": sha, "name": "rdservice",
                                        "version": "2.1"})  # fmt: skip

    request("shell", "run", {"argv": ["rm", "-rf", "/"]})
    world.drop("torn.json", '{"id": "torn", "action": "reb')
    world.drop("renamed.json", json.dumps({"id": "other", "action": "restart_app", "args": {}}))
    request("reboot-args", "reboot", {"when": "now"})
    request("server-url", "set_config", {"server": {"url": "http://elsewhere.example"}})
    request("bad-hours", "set_config", {"hours": {"mon": "25:00-26:00"}})
    vendor("dotdot", "1.3", file="../../../../etc/shadow")
    vendor("other-hash", "1.3", sha="0" * 64)
    swapped = release(world.release_root, "1.7")  # the file changed after the manifest was checked
    (world.release_root / "releases/1.7/app" / PACKAGE).write_bytes(b"something else entirely")
    vendor("swapped", swapped.version)
    release(world.release_root, "1.5")  # the package replaced by a symlink to a file elsewhere
    outside = world.base / "outside.deb"
    outside.write_bytes(PACKAGE_BYTES)
    (world.release_root / "releases/1.5/app" / PACKAGE).unlink()
    (world.release_root / "releases/1.5/app" / PACKAGE).symlink_to(outside)
    vendor("linked-file", "1.5")
    release(world.release_root, "1.6")  # a folder on the way replaced by a symlink
    os.rename(world.release_root / "releases/1.6/app/vendor", world.base / "vendor-elsewhere")
    (world.release_root / "releases/1.6/app/vendor").symlink_to(world.base / "vendor-elsewhere")
    vendor("linked-folder", "1.6")
    elsewhere = world.base / "restart.json"
    elsewhere.write_text(json.dumps({"id": "linked-request", "action": "restart_app", "args": {}}))
    (world.spool / "requests/linked-request.json").symlink_to(elsewhere)
    secret = world.base / "secret"  # root's file, hard-linked in by someone who could not read it
    secret.write_text("root:$6$SECRETHASH:19000:0:99999:7:::\n")
    os.link(secret, world.spool / "requests/hard-linked.json")
    world.drop("no id here.txt", "{}")
    return {
        "hard-linked": "a hard link",
        "shell": "malformed request", "torn": "malformed request", "renamed": "is not its file name",
        "reboot-args": "reboot takes no arguments", "server-url": "[server] is not a section that can be changed",
        "bad-hours": "nothing changed", "dotdot": "only plain names", "other-hash": "has another sha256",
        "swapped": "is not the release's", "linked-file": "symlinks are refused",
        "linked-folder": "symlinks are refused", "linked-request": "a symlink",
    }  # fmt: skip


def test_every_request_off_the_allow_list_is_refused_with_its_reason_and_nothing_changes(world: World) -> None:
    config = world.config.read_bytes()
    expected = bad_requests(world)
    done = world.run_executor()
    assert done.returncode == 0, done.stderr
    for rid, reason in expected.items():
        result = world.result(rid)
        assert (result["status"], reason in result["detail"]) == ("refused", True), (rid, result)
    assert world.calls == []
    assert world.config.read_bytes() == config
    assert not world.config.with_name("kiosk.toml.prev").exists()
    assert not any(world.spool.joinpath("requests").iterdir())
    assert sorted(p.stem for p in world.spool.joinpath("results").iterdir()) == sorted(expected)
    assert "refused spool entry 'no id here.txt'" in done.stderr  # journaled, though no one can be answered
    assert "SECRET" not in "".join(p.read_text() for p in world.spool.joinpath("results").iterdir())


def killed_at(world: World, step: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "tests.privileged.kill_child", step, *world.executor_argv()[4:]]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False, cwd=REPO, umask=0o027)


@pytest.mark.parametrize("step", ["written kiosk.toml.prev.new", "replaced kiosk.toml.prev", "written kiosk.toml.new",
                                  "replaced kiosk.toml"])  # fmt: skip
def test_a_power_cut_mid_change_leaves_the_old_or_the_new_config_and_the_retry_finishes_it(
    world: World, step: str
) -> None:
    old = world.config.read_text()
    world.drop("change-1.json", json.dumps({"id": "change-1", "action": "set_config",
                                             "args": {"kiosk": {"nodal_officer": "SDM Chaksu"}}}))  # fmt: skip
    killed = killed_at(world, step)
    assert killed.returncode == -9, killed.stderr
    after = world.config.read_text()
    assert after == old or tomllib.loads(after)["kiosk"]["nodal_officer"] == "SDM Chaksu"
    assert world.run_executor().returncode == 0  # the path unit starts it again: the request is still there
    assert world.result("change-1")["status"] == "done"
    assert tomllib.loads(world.config.read_text())["kiosk"]["nodal_officer"] == "SDM Chaksu"
    assert world.config.with_name("kiosk.toml.prev").read_text() == old


def test_a_request_sent_twice_is_done_once(world: World) -> None:
    request = json.dumps({"id": "restart-7", "action": "restart_app", "args": {}})
    world.drop("restart-7.json", request)
    assert world.run_executor().returncode == 0
    first = world.result("restart-7")
    world.drop("restart-7.json", request)
    again = world.run_executor()
    assert world.calls == ["systemctl restart kiosk.service"]
    assert world.result("restart-7") == first
    assert "restart-7 was done before (replayed)" in again.stderr


def test_a_reboot_cut_short_is_not_started_again_after_the_machine_comes_back(world: World) -> None:
    world.drop("reboot-1.json", json.dumps({"id": "reboot-1", "action": "reboot", "args": {}}))
    assert killed_at(world, "reboot").returncode == -9  # the machine went down as the reboot began
    assert world.run_executor().returncode == 0  # the next boot: the request is there, its answer too
    assert world.calls == []
    assert world.result("reboot-1")["detail"] == "reboot started"


ROLLBACK = """
import json, sys
from pathlib import Path
from sync.privileged_client import Privileged
from sync.release.root import ReleaseRoot
from sync.release.vendor import VendorCommands, install_vendor

base = Path(sys.argv[1])
root = ReleaseRoot(base / "opt/kiosk")
vendor = VendorCommands(privileged=Privileged(base / "var/lib/kiosk-privileged", timeout_s=30))
print(json.dumps(install_vendor(vendor, root.manifest("1.4"), root.releases / "1.4", root.manifest("1.3"),
                                root.releases / "1.3")))
"""


def test_a_vendor_package_dpkg_rejects_puts_the_old_one_back_through_the_executor(world: World) -> None:
    out, _ = serve_until_done(world, as_kiosk(ROLLBACK, world))
    problem = json.loads(out)
    assert problem.startswith("vendor package rdservice 2.1: failed by the privileged executor: RuntimeError: dpkg ")
    assert "dpkg: error processing" in problem
    assert world.calls == ["dpkg failed", f"dpkg -i {sha256(PACKAGE_BYTES)}"]  # 1.4's refused, 1.3's reinstalled
