from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drivers.gps.nmea.driver import NmeaLocator
from drivers.gps.nmea.emulator import JAIPUR_FIX, NmeaEmulator
from drivers.hotplug.watcher import DeviceEvent, DeviceWatcher, UdevSource, UsbId, event_from_udev, reconnect_on_add
from kiosk.clock import FakeClock
from kiosk.devices.locator import LocatorStatus

from ..waiting import eventually

GPS = UsbId.parse("1546:01A7", serial="GPS0042")


def gps_event(action: str, node: str | None, serial: str | None = "GPS0042") -> DeviceEvent:
    return DeviceEvent(action, "tty", node, "1546", "01a7", serial)


def test_event_reaches_only_the_subscriber_with_that_vendor_product_and_serial() -> None:
    watcher = DeviceWatcher()
    seen: list[DeviceEvent] = []
    other: list[DeviceEvent] = []
    watcher.watch(GPS, seen.append)
    watcher.watch(UsbId.parse("191c:4104"), other.append)
    assert watcher.deliver(gps_event("add", "/dev/ttyACM3")) == 1
    assert watcher.deliver(gps_event("add", "/dev/ttyACM3", serial="OTHER-PUCK")) == 0
    assert seen == [gps_event("add", "/dev/ttyACM3")]
    assert other == []


def test_same_node_name_for_another_device_is_not_mistaken_for_ours() -> None:
    watcher = DeviceWatcher()
    seen: list[DeviceEvent] = []
    watcher.watch(GPS, seen.append)
    watcher.deliver(DeviceEvent("add", "tty", "/dev/ttyACM0", "191c", "4104", "NV9-1"))  # a note acceptor
    assert seen == []


def test_unwatched_driver_hears_nothing_more_and_a_failing_subscriber_does_not_stop_others() -> None:
    watcher = DeviceWatcher()
    seen: list[DeviceEvent] = []

    def broken(event: DeviceEvent) -> None:
        raise RuntimeError("driver bug")

    watcher.watch(GPS, broken)
    unwatch = watcher.watch(GPS, seen.append)
    assert watcher.deliver(gps_event("remove", None)) == 2
    unwatch()
    watcher.deliver(gps_event("add", "/dev/ttyACM1"))
    assert seen == [gps_event("remove", None)]


def test_gps_driver_reopens_at_the_new_node_when_the_watcher_says_it_is_back(clock: FakeClock) -> None:
    emulator = NmeaEmulator()
    driver = NmeaLocator(emulator.path, clock, reconnect_s=30.0).start()  # it would not retry by itself in time
    watcher = DeviceWatcher()
    watcher.watch(GPS, reconnect_on_add(driver))
    try:
        eventually(lambda: driver.status() is LocatorStatus.NO_FIX, "opened")
        emulator.unplug()
        watcher.deliver(gps_event("remove", None))
        eventually(lambda: driver.status() is LocatorStatus.DISCONNECTED, "unplug noticed")
        new_node = emulator.replug()
        watcher.deliver(gps_event("add", new_node))
        eventually(lambda: driver.status() is LocatorStatus.NO_FIX, "reopened at the new node")
        emulator.send(*JAIPUR_FIX)
        eventually(lambda: driver.status() is LocatorStatus.FIX, "fix after replug")
    finally:
        driver.close()
        emulator.close()


def test_udev_properties_become_an_event_and_non_usb_devices_are_ignored() -> None:
    props = {"ID_VENDOR_ID": "1546", "ID_MODEL_ID": "01A7", "ID_SERIAL_SHORT": "GPS0042", "ID_BUS": "usb"}
    assert event_from_udev("add", "tty", "/dev/ttyACM0", props) == gps_event("add", "/dev/ttyACM0")
    assert event_from_udev("add", "tty", "/dev/ttyS0", {"DEVNAME": "/dev/ttyS0"}) is None


@pytest.mark.parametrize("text", ["1546", "1546:1a7", "zzzz:01a7", "/dev/ttyACM0"])
def test_usb_id_that_is_not_vendor_colon_product_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected vendor:product"):
        UsbId.parse(text)


def test_udev_source_starts_and_stops_on_netlink() -> None:
    watcher = DeviceWatcher()
    source = UdevSource(watcher)
    assert all(event.action == "add" for event in source.present())
    source.start()
    source.stop()


ENUMERATE = (
    "from drivers.hotplug.watcher import DeviceWatcher, UdevSource\n"
    "for e in UdevSource(DeviceWatcher()).present():\n"
    "    print(e.action, e.subsystem, e.node, e.vendor_id, e.product_id, e.serial)\n"
)


def test_gps_already_plugged_in_is_found_through_udev_by_usb_id() -> None:
    """umockdev fakes /sys and the udev database (no root, no udevd): a u-blox puck on ttyACM0."""
    runner = shutil.which("umockdev-run")
    if runner is None:
        pytest.fail("umockdev-run is missing: `bash scripts/install-system-packages.sh scripts/system-packages.txt`")
    description = Path(__file__).with_name("gps.umockdev")
    done = subprocess.run(
        [runner, "-d", str(description), "--", sys.executable, "-c", ENUMERATE],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["add tty /dev/ttyACM0 1546 01a7 GPS0042"]


class UdevDevice:
    """The attributes of a pyudev Device that the source reads."""

    action, subsystem, device_node = "add", "tty", "/dev/ttyACM0"

    @property
    def properties(self) -> dict[str, str]:
        return {"ID_VENDOR_ID": "1546", "ID_MODEL_ID": "01a7", "ID_SERIAL_SHORT": "GPS0042"}


class VanishedDevice(UdevDevice):
    """What pyudev hands over for a device unplugged again before its properties could be read."""

    @property
    def properties(self) -> dict[str, str]:
        raise KeyError("DEVPATH")


def test_an_unreadable_udev_event_is_counted_and_the_next_event_still_reaches_the_driver() -> None:
    watcher = DeviceWatcher()
    seen: list[DeviceEvent] = []
    watcher.watch(GPS, seen.append)
    source = UdevSource(watcher)
    source.handle(VanishedDevice())  # on pyudev's thread this exception would end hot-plug for good
    source.handle(UdevDevice())
    assert seen == [gps_event("add", "/dev/ttyACM0")]
    assert source.refusals.summary("udev events") == "1 udev events refused, last: unreadable udev event: KeyError"
    assert source.fault is None


def test_a_failing_subscriber_is_counted_for_the_diagnostics() -> None:
    watcher = DeviceWatcher()

    def broken(event: DeviceEvent) -> None:
        raise RuntimeError("driver bug")

    watcher.watch(GPS, broken)
    watcher.deliver(gps_event("add", "/dev/ttyACM1"))
    assert watcher.failures.summary("events") == "1 events refused, last: add 1546:01a7: RuntimeError"
