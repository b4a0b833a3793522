"""The composition is fixed once built, and each screen's view-model gets only its own frozen parts of it."""

from __future__ import annotations

import dataclasses

import pytest

from tests.fakes.devices import MemoryPrinter
from ui.app import KioskWindow
from ui.composition import Services
from ui.screens import CatalogueScreen, HomeScreen, JourneyScreen, OperatorScreen


def test_the_composition_cannot_be_changed_after_the_start(services: Services) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        services.phone = None  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        services.devices.printer = MemoryPrinter()  # type: ignore[misc]


def test_each_screen_gets_its_own_frozen_parts_and_nothing_else(kiosk: KioskWindow, services: Services) -> None:
    vm = kiosk.vm
    parts = {
        "home": vm.home.services, "catalogue": vm.catalogue.services,
        "journey": vm.journey.services, "operator": vm.operator.services,
    }  # fmt: skip
    assert {name: type(p) for name, p in parts.items()} == {
        "home": HomeScreen, "catalogue": CatalogueScreen, "journey": JourneyScreen, "operator": OperatorScreen,
    }  # fmt: skip
    fields = {name: {f.name for f in dataclasses.fields(p)} for name, p in parts.items()}
    assert "devices" not in fields["home"] | fields["catalogue"]  # the home screen cannot reach the cash acceptor
    assert not {"aadhaar", "bills", "phone"} & fields["operator"]  # operator mode makes no villager's online calls
    assert parts["journey"].ledger is services.ledger  # cut from the one composition, not built again
    for each in parts.values():
        with pytest.raises(dataclasses.FrozenInstanceError):
            each.config = services.config  # type: ignore[union-attr]
