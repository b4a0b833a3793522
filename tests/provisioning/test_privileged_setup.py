"""kioskctl provision switches the agent onto the privileged executor and installs the release units it needs."""

from pathlib import Path

from provisioning.install import install_units
from sync.settings import load_settings
from tests.provisioning.test_provision import provision


def test_provisioning_points_the_agent_at_the_executor_spool_and_a_rerun_keeps_hand_edits(
    tmp_path: Path, answers: Path
) -> None:
    root = tmp_path / "root"
    releases = tmp_path / "opt-kiosk"
    text = answers.read_text(encoding="utf-8")
    answers.write_text(text.replace("[agent]\n", f'[agent]\nrelease_root = "{releases}"\n'), encoding="utf-8")
    code, out = provision(root, answers)
    assert code == 0, out
    config = root / "etc/kiosk/kiosk.toml"
    spool = root / "var/lib/kiosk-privileged"  # the tmpfiles conf's path, inside the prepared root
    assert load_settings(config).privileged_spool == spool
    assert (spool / "requests").is_dir()
    drop_in = root / "etc/systemd/system/kiosk-agent.service.d/release.conf"
    assert "OnFailure=kiosk-rollback.service" in drop_in.read_text()
    assert (root / "etc/systemd/system/kiosk-rollback.service").exists()
    config.write_text(config.read_text().replace("[agent]\n", "[agent]\n# set by the district engineer\n"))
    code, out = provision(root, answers)
    assert code == 0, out
    assert "config unchanged" in out
    assert "# set by the district engineer" in config.read_text()
    assert load_settings(config).privileged_spool == spool


def test_release_units_are_installed_only_for_a_kiosk_that_takes_releases(tmp_path: Path) -> None:
    plain = install_units(tmp_path / "plain")
    assert not (tmp_path / "plain/etc/systemd/system/kiosk-agent.service.d").exists()
    assert not (tmp_path / "plain/etc/systemd/system/kiosk-rollback.service").exists()
    released = install_units(tmp_path / "released", releases=True)
    assert len(released.written) == len(plain.written) + 2
    unit = tmp_path / "released/etc/systemd/system/kiosk-rollback.service"
    assert "kiosk-rollback --config /etc/kiosk/kiosk.toml --failed" in unit.read_text()
    drop_in = tmp_path / "released/etc/systemd/system/kiosk-agent.service.d/release.conf"
    assert "ExecStart=/opt/kiosk/current/bin/kiosk-agent" in drop_in.read_text()
    assert released.enabled
