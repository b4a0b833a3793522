from __future__ import annotations

from importlib.metadata import entry_points

from drivers.biometric.rdservice.driver import RdServiceReader
from drivers.registry import GROUP, available, factory
from drivers.scanner.sane.driver import SaneScanner
from kiosk.clock import FakeClock


def test_this_issues_drivers_are_found_by_name_through_entry_points(clock: FakeClock) -> None:
    assert {"biometric.rdservice", "scanner.sane", "qr.serial", "gps.nmea"} <= set(available())
    reader = factory("biometric", "rdservice")({"first_port": 11100, "last_port": 11102}, clock)
    assert isinstance(reader, RdServiceReader)
    assert reader.ports == (11100, 11101, 11102)
    assert isinstance(factory("scanner", "sane")({"device": "test:0"}, clock), SaneScanner)


def test_factories_are_named_one_way_every_entry_point_names_its_models_plugin_object() -> None:
    points = entry_points(group=GROUP)
    assert len(points) >= 8
    assert {point.value.rsplit(":", 1)[1] for point in points} == {"PLUGIN"}
