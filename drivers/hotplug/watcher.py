"""The project's device watcher: drivers subscribe by USB id; udev (or a test) feeds it events."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from drivers.devicethread import Refusals

log = logging.getLogger(__name__)

_HEX4 = re.compile(r"\A[0-9a-f]{4}\Z")


@dataclass(frozen=True, slots=True)
class UsbId:
    """What identifies a device across replugs: never its node name, which the kernel hands out afresh."""

    vendor_id: str
    product_id: str
    serial: str | None = None  # None: any unit of this model (only safe when the kiosk has one)

    @classmethod
    def parse(cls, text: str, serial: str | None = None) -> UsbId:
        vendor, _, product = text.strip().lower().partition(":")
        if not (_HEX4.match(vendor) and _HEX4.match(product)):
            raise ValueError(f"USB id {text!r}: expected vendor:product as two 4-digit hex numbers, e.g. 1546:01a7")
        return cls(vendor, product, serial or None)


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    action: str  # "add", "remove", "change", "bind", "unbind"
    subsystem: str
    node: str | None  # e.g. /dev/ttyACM1: where to open it now, not how to recognise it
    vendor_id: str
    product_id: str
    serial: str | None

    def matches(self, wanted: UsbId) -> bool:
        if (self.vendor_id, self.product_id) != (wanted.vendor_id, wanted.product_id):
            return False
        return wanted.serial is None or wanted.serial == self.serial


DeviceCallback = Callable[[DeviceEvent], None]


class Replugging(Protocol):
    def device_replugged(self, node: str | None) -> None: ...


class DeviceWatcher:
    """Routes events to the subscribers whose USB id matches; callbacks run on the thread that delivers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[tuple[UsbId, DeviceCallback]] = []
        self.failures = Refusals()  # subscribers that raised: counted for the diagnostics, the others still hear

    def watch(self, wanted: UsbId, callback: DeviceCallback) -> Callable[[], None]:
        entry = (wanted, callback)
        with self._lock:
            self._subscribers.append(entry)

        def unwatch() -> None:
            with self._lock:
                if entry in self._subscribers:
                    self._subscribers.remove(entry)

        return unwatch

    def deliver(self, event: DeviceEvent) -> int:
        """Hand one event to every matching subscriber; returns how many got it."""
        with self._lock:
            targets = [cb for wanted, cb in self._subscribers if event.matches(wanted)]
        for callback in targets:
            try:
                callback(event)
            except Exception as exc:
                # One driver's failure to reconnect must not stop the others from hearing about their devices.
                log.exception("hot-plug subscriber failed on %s %s:%s", event.action, event.vendor_id, event.product_id)
                self.failures.add(f"{event.action} {event.vendor_id}:{event.product_id}: {type(exc).__name__}")
        return len(targets)


def reconnect_on_add(driver: Replugging) -> DeviceCallback:
    """The usual subscription: when the device is added again, reopen it at the node udev gave it."""

    def callback(event: DeviceEvent) -> None:
        if event.action == "add":
            driver.device_replugged(event.node)

    return callback


def event_from_udev(action: str, subsystem: str, node: str | None, properties: Mapping[str, str]) -> DeviceEvent | None:
    """A udev event's properties as a DeviceEvent; None for devices that are not on USB."""
    vendor = properties.get("ID_VENDOR_ID", "").lower()
    product = properties.get("ID_MODEL_ID", "").lower()
    if not (_HEX4.match(vendor) and _HEX4.match(product)):
        return None
    serial = properties.get("ID_SERIAL_SHORT") or properties.get("ID_USB_SERIAL_SHORT") or None
    return DeviceEvent(action, subsystem, node, vendor, product, serial)


class UdevSource:
    """Feeds a DeviceWatcher from udev's netlink monitor (pyudev). Containers have no udevd: it then stays quiet."""

    def __init__(self, watcher: DeviceWatcher, subsystems: Iterable[str] = ("tty", "usbmisc", "hidraw")) -> None:
        import pyudev  # imported here so the rest of the module (and its tests) need no udev at all

        self.watcher = watcher
        self._pyudev: Any = pyudev
        self.context = pyudev.Context()
        self.subsystems = tuple(subsystems)
        self.monitor = pyudev.Monitor.from_netlink(self.context, source="udev")
        for subsystem in self.subsystems:
            self.monitor.filter_by(subsystem)
        self.observer = pyudev.MonitorObserver(self.monitor, callback=self.handle, name="udev-hotplug")
        self.refusals = Refusals()  # udev events that could not be read (counted; the observer thread goes on)
        self._started = self._stopped = False

    def handle(self, device: Any) -> None:
        """The observer thread's callback. An exception here would end pyudev's thread, and with it every later
        hot-plug event, so a device that cannot be read (e.g. gone again before its properties were read) is counted
        and skipped."""
        try:
            event = event_from_udev(device.action or "", device.subsystem or "", device.device_node, device.properties)
        except Exception as exc:
            log.warning("hot-plug: unreadable udev event: %s: %s", type(exc).__name__, exc)
            self.refusals.add(f"unreadable udev event: {type(exc).__name__}")
            return
        if event is not None:
            self.watcher.deliver(event)

    @property
    def fault(self) -> str | None:
        """Why hot-plug events stopped coming (the observer thread died), or None."""
        if self._started and not self._stopped and not self.observer.is_alive():
            return "udev-hotplug thread died: hot-plug events are no longer heard"
        return None

    def present(self) -> list[DeviceEvent]:
        """The USB devices already plugged in, as 'add' events (for start-up)."""
        found = []
        for subsystem in self.subsystems:
            for device in self.context.list_devices(subsystem=subsystem):
                event = event_from_udev("add", subsystem, device.device_node, device.properties)
                if event is not None:
                    found.append(event)
        return found

    def start(self) -> None:
        self._started = True
        self.observer.start()

    def stop(self) -> None:
        self._stopped = True
        self.observer.send_stop()
