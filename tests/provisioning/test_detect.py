"""Detection: a known vendor:product only nominates a port; the device's own handshake confirms it."""

import json
import os
import tty
from pathlib import Path

from provisioning.detect import Candidate, detect, known_usb
from tests.provisioning.devicebench import ROOT, device_bench, umockdev_run

BRIDGE = ("gps", "printer", "cash")  # a generic USB-serial bridge could be any of them


def test_each_device_behind_a_generic_bridge_is_confirmed_by_its_own_protocol(tmp_path: Path) -> None:
    silent_master, silent_slave = os.openpty()  # a known id that answers nothing (a dead or foreign device)
    tty.setraw(silent_master)
    try:
        with device_bench(tmp_path) as bench:
            ports = [Candidate(port, port, "1a86:7523", "CH340", BRIDGE) for port in bench.ports.values()]
            ports.append(Candidate(os.ttyname(silent_slave), "", "1a86:7523", "CH340", BRIDGE))
            result = detect(
                ["cash", "printer", "gps", "biometric"], biometric_ports=(bench.rd.port, bench.rd.port),
                gps_wait_s=1.0, found_ports=ports,
            )  # fmt: skip
            found = {d.kind: d for d in result.found}
            assert {kind: found[kind].section["port"] for kind in ("cash", "printer", "gps")} == bench.ports
            assert found["cash"].evidence.startswith("SSP validator")
            assert found["printer"].evidence.startswith("ESC/POS printer, status ready")
            assert found["gps"].evidence.startswith("NMEA receiver")
            assert found["biometric"].section == {
                "driver": "rdservice", "first_port": bench.rd.port, "last_port": bench.rd.port
            }  # fmt: skip
            assert result.unconfirmed == [f"CH340 (1a86:7523) at {os.ttyname(silent_slave)}"]
            assert bench.printer.receipts == []  # no probe made the printer print anything
    finally:
        os.close(silent_master)
        os.close(silent_slave)


def test_a_device_that_stops_answering_is_not_detected(tmp_path: Path) -> None:
    with device_bench(tmp_path) as bench:
        bench.cash.go_silent()
        ports = [Candidate(bench.ports["cash"], "", "191c:4104", "NV9", ("cash",))]
        result = detect(["cash"], found_ports=ports, biometric_ports=(9, 9))
    assert result.found == []
    assert result.unconfirmed == [f"NV9 (191c:4104) at {bench.ports['cash']}"]


def test_udev_ids_nominate_ports_under_their_stable_names_in_a_faked_sys(tmp_path: Path) -> None:
    with device_bench(tmp_path) as bench:
        probe = (
            "import json; from provisioning.detect import candidates;"
            "print(json.dumps([[c.port, c.node, c.usb_id, list(c.families)] for c in candidates()]))"
        )
        result = umockdev_run(bench.umockdev(), "-c", probe)
        assert result.returncode == 0, result.stderr
        assert sorted((*tuple(c[:3]), tuple(c[3])) for c in json.loads(result.stdout)) == sorted(
            [
                (bench.ports["cash"], "/dev/ttyACM1", "191c:4104", ("cash",)),
                (bench.ports["gps"], "/dev/ttyACM3", "1546:01a7", ("gps",)),
                (bench.ports["printer"], "/dev/ttyUSB2", "1a86:7523", BRIDGE),
            ]
        )


def test_every_dedicated_usb_id_has_a_udev_rule_giving_it_its_stable_name() -> None:
    rules = (ROOT / "systemd/99-emitra-kiosk.rules").read_text(encoding="utf-8")
    for usb_id, (model, families) in known_usb().items():
        if len(families) != 1:
            continue  # a generic bridge: found by its protocol, named by its by-id link
        vendor, product = usb_id.split(":")
        rule = f'ATTRS{{idVendor}}=="{vendor}", ATTRS{{idProduct}}=="{product}"'
        lines = [line for line in rules.splitlines() if rule in line]
        assert lines, f"{model} ({usb_id}) has no udev rule"
        assert all(f'SYMLINK+="emitra/{families[0]}"' in line for line in lines)
