"""Home screen: centre name, today's hours, open now, whom to call, and the service tiles."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal

from kiosk.availability import ServiceSwitch
from kiosk.clock import to_ist
from ui.screens import HomeScreen


def tile(service_id: str, name: str, icon: str, offline: str, flow: str) -> dict[str, str]:
    return {"id": service_id, "name": name, "icon": icon, "offline": offline, "flow": flow}


class HomeViewModel(QObject):
    changed = Signal()

    def __init__(self, services: HomeScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = "hi"

    def set_language(self, language: str) -> None:
        self.language = language
        self.changed.emit()

    def refresh(self) -> None:
        self.changed.emit()

    def _centre(self) -> str:
        identity = self.services.config.identity
        return identity.centre_name_hi if self.language == "hi" else identity.centre_name_en

    def _hours_today(self) -> str:
        span = self.services.config.hours.span_on(to_ist(self.services.clock.now()).date())
        return span.label() if span else ""

    def _is_open(self) -> bool:
        return self.services.config.hours.is_open(self.services.clock.now()) and not self._out_of_service()

    def _opens_at(self) -> str:
        nxt = self.services.config.hours.next_opening(self.services.clock.now())
        return f"{nxt:%d-%m-%Y %H:%M}" if nxt else ""

    def _tiles(self) -> list[dict[str, str]]:
        return [
            tile(s.id, s.name(self.language), s.icon, s.offline.value, s.flow.value)
            for s in self.services.catalogue.current.home_tiles()
        ]

    def _nodal(self) -> str:
        return self.services.config.identity.nodal_officer

    def _helpline(self) -> str:
        return self.services.config.identity.helpline

    def _out_of_service(self) -> bool:
        return bool(ServiceSwitch(self.services.store).reason())

    def _out_of_service_reason(self) -> str:
        """The operator's reason ('हिंदी / English'), the reader's half."""
        hindi, _, english = (ServiceSwitch(self.services.store).reason() or "").partition(" / ")
        return (hindi if self.language == "hi" else english) or hindi

    centreName = Property(str, _centre, notify=changed)
    hoursToday = Property(str, _hours_today, notify=changed)
    isOpen = Property(bool, _is_open, notify=changed)
    opensAt = Property(str, _opens_at, notify=changed)
    tiles = Property(list, _tiles, notify=changed)
    nodalOfficer = Property(str, _nodal, notify=changed)
    helpline = Property(str, _helpline, notify=changed)
    outOfService = Property(bool, _out_of_service, notify=changed)
    outOfServiceReason = Property(str, _out_of_service_reason, notify=changed)
