from pathlib import Path

from provisioning.install import install_units


def test_units_rules_and_user_are_installed_and_enabled_in_a_root(tmp_path: Path) -> None:
    result = install_units(tmp_path)
    assert result.enabled
    assert (tmp_path / "etc/systemd/system/kiosk.service").read_text().startswith("# The villager's touch app")
    assert (tmp_path / "etc/udev/rules.d/99-emitra-kiosk.rules").exists()
    assert (tmp_path / "usr/lib/sysusers.d/kiosk.sysusers.conf").exists()
    wants = tmp_path / "etc/systemd/system/multi-user.target.wants"
    assert {p.name for p in wants.iterdir()} == {"kiosk.service", "kiosk-agent.service"}
    paths = tmp_path / "etc/systemd/system/paths.target.wants"
    assert [p.name for p in paths.iterdir()] == ["kiosk-privileged.path"]  # root's executor, ready for requests
    assert (tmp_path / "usr/lib/tmpfiles.d/kiosk-privileged.conf").exists()
    assert len(result.written) == 9
    assert "NAutoVTs=0" in (tmp_path / "etc/systemd/logind.conf.d/emitra-kiosk.conf").read_text()
    assert (tmp_path / "etc/sysctl.d/90-emitra-kiosk.conf").read_text().endswith("kernel.sysrq = 0\n")
    getty = tmp_path / "etc/systemd/system/getty@tty1.service"
    assert getty.is_symlink()
    assert str(getty.readlink()) == "/dev/null"  # masked: no login prompt where the touch app runs


def test_a_second_install_changes_nothing(tmp_path: Path) -> None:
    install_units(tmp_path)
    again = install_units(tmp_path)
    assert again.written == ()
    assert len(again.unchanged) == 9


def test_a_locally_edited_unit_is_repaired(tmp_path: Path) -> None:
    install_units(tmp_path)
    unit = tmp_path / "etc/systemd/system/kiosk.service"
    unit.write_text("[Service]\nExecStart=/bin/sh\n")
    repaired = install_units(tmp_path)
    assert repaired.written == (str(unit),)
    assert "ProtectSystem=strict" in unit.read_text()
