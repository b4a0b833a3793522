"""The shell: which screen is up, the language, the idle countdown, and the "report a problem" button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue import FlowKind
from kiosk.flows.problems import report_problem
from sync.grievance_client import departments
from ui.composition import Services
from ui.screens import CatalogueScreen, HomeScreen, JourneyScreen, OperatorScreen
from ui.viewmodels.catalogue import CatalogueViewModel
from ui.viewmodels.grievance import GrievanceScreen
from ui.viewmodels.home import HomeViewModel
from ui.viewmodels.journey import JourneyViewModel
from ui.viewmodels.operator import OperatorViewModel

COUNTDOWN_S = 20  # the last seconds of the idle timeout are counted down on screen
ATTRACT_AFTER_S = 60  # an untouched home screen starts its attract loop
OPERATOR_HOLD_S = 3.0  # the hidden gesture: a press this long on the logo opens the operator PIN pad


class AppViewModel(QObject):
    changed = Signal()
    sessionEnded = Signal()  # idle timeout took the kiosk home: per-session choices (large text …) are reset

    def __init__(
        self, services: Services, on_language: Callable[[str], None] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.on_language = on_language
        self.home = HomeViewModel(HomeScreen.of(services), self)
        self.catalogue = CatalogueViewModel(CatalogueScreen.of(services), self)
        self.journey = JourneyViewModel(JourneyScreen.of(services), self)
        self.journey.closed.connect(self.goHome)
        self.journey.changed.connect(self.changed)
        self.operator = OperatorViewModel(OperatorScreen.of(services), self)
        self.operator.locked.connect(self.goHome)
        self.operator.changed.connect(self.home.refresh)  # out of service and its reason show on the home screen
        self.grievance = GrievanceScreen(services, departments(), lambda: self._language, self)  # its own screen
        self.grievance.closed.connect(self.goHome)
        self._logo_pressed_at: float | None = None
        self._screen = "home"
        self._language = "hi"
        self._info_service = ""
        self._last_touch = services.clock.monotonic()
        self._idle_left = -1
        self._attract = False
        self._reported = 0

    # -- navigation -----------------------------------------------------------------------------
    @Slot()
    def goHome(self) -> None:
        self.grievance.drop()  # what the villager typed is dropped
        if self._screen == "operator":
            self.operator.lock("home")  # re-enters goHome through `locked` when it was signed in
        if self.journey.journey is not None:
            self.journey.cancel()
            if self.journey.journey is not None:  # a voucher to show first
                self._set_screen("journey")
                return
        self.catalogue.reset()
        self._set_screen("home")

    @Slot(str)
    def openCatalogue(self, category_id: str) -> None:
        self.catalogue.setCategory(category_id)
        self._set_screen("catalogue")

    @Slot(str)
    def openService(self, service_id: str) -> None:
        if self._screen == "journey" or not self.home._is_open():
            return  # a tap during a transition or on a closed centre does nothing
        service = self.services.catalogue.current.get(service_id)
        if service.flow is FlowKind.INFORMATION:
            self._info_service = service_id
            self._set_screen("info")
            return
        if service.flow is FlowKind.GRIEVANCE:
            self.grievance.open()
            self._set_screen("grievance" if self.grievance.flow is not None else "home")
            return
        self.journey.start(service)
        self._set_screen("journey")

    # -- the hidden operator gesture ------------------------------------------------------------
    @Slot()
    def logoPressed(self) -> None:
        self._logo_pressed_at = self.services.clock.monotonic()

    @Slot()
    def logoReleased(self) -> None:
        pressed, self._logo_pressed_at = self._logo_pressed_at, None
        held = pressed is not None and self.services.clock.monotonic() - pressed >= OPERATOR_HOLD_S
        if held and self._screen == "home" and self.journey.journey is None:
            self.operator.open()
            self._set_screen("operator")

    @Slot()
    def logoCancelled(self) -> None:
        self._logo_pressed_at = None

    def _set_screen(self, screen: str) -> None:
        self._screen = screen
        self.touched()
        self.changed.emit()

    # -- language -------------------------------------------------------------------------------
    @Slot()
    def toggleLanguage(self) -> None:
        self.setLanguage("en" if self._language == "hi" else "hi")

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        self._language = language
        for vm in (self.home, self.catalogue, self.journey, self.operator, self.grievance):
            vm.set_language(language)
        if self.on_language:
            self.on_language(language)
        self.touched()
        self.changed.emit()

    # -- idle -----------------------------------------------------------------------------------
    @Slot()
    def touched(self) -> None:
        self._last_touch = self.services.clock.monotonic()
        if self._idle_left != -1 or self._attract:
            self._idle_left, self._attract = -1, False
            self.changed.emit()

    @Slot()
    def tick(self) -> None:
        """Called every second by a timer (and by tests after moving the fake clock)."""
        idle = self.services.clock.monotonic() - self._last_touch
        timeout = self.services.config.rules.idle_timeout_s
        self.home.refresh()
        if self._screen == "home":
            # A closed centre shows when it opens instead; the attract loop would hide that.
            attract = idle >= ATTRACT_AFTER_S and self.home._is_open()
            if attract != self._attract:
                self._attract = attract
                self.changed.emit()
            return
        left = int(timeout - idle)
        if left <= 0:
            self._idle_left = -1
            if self._screen == "operator":
                self.operator.lock("idle")
            if self.journey.journey is not None:
                self.journey.idle_timeout()
            if self.journey.journey is not None:  # voucher on screen: give it a fresh timeout
                self._last_touch = self.services.clock.monotonic()
                self.changed.emit()
                return
            self.catalogue.reset()
            self.grievance.drop()
            self._screen = "home"
            self._last_touch = self.services.clock.monotonic()
            self.sessionEnded.emit()
        else:
            self._idle_left = left if left <= COUNTDOWN_S else -1
        self.changed.emit()

    # -- report a problem -----------------------------------------------------------------------
    @Slot()
    def reportProblem(self) -> None:
        d = self.services.devices
        view = self.journey.journey.view() if self.journey.journey else None
        flow_state = {"step": view.step.value, "service": view.service_id} if view else {}
        self._reported = report_problem(
            self.services.store,
            screen=self._screen,
            flow_state=flow_state,
            devices=[d.cash.health(), d.printer.health(), d.biometric.health()],
        )
        self.changed.emit()

    @Slot()
    def dismissReport(self) -> None:
        self._reported = 0
        self.changed.emit()

    def _info(self) -> dict[str, str]:
        if not self._info_service:
            return {}
        service = self.services.catalogue.current.get(self._info_service)
        return {"name": service.name(self._language), "icon": service.icon}

    screen = Property(str, lambda self: self._screen, notify=changed)
    language = Property(str, lambda self: self._language, notify=changed)
    idleLeft = Property(int, lambda self: self._idle_left, notify=changed)
    attract = Property(bool, lambda self: self._attract, notify=changed)
    reported = Property(int, lambda self: self._reported, notify=changed)
    info = Property(dict, _info, notify=changed)
    homeModel = Property(QObject, lambda self: self.home, constant=True)
    catalogueModel = Property(QObject, lambda self: self.catalogue, constant=True)
    journeyModel = Property(QObject, lambda self: self.journey, constant=True)
    operatorModel = Property(QObject, lambda self: self.operator, constant=True)
    grievanceModel = Property(QObject, lambda self: self.grievance, constant=True)
