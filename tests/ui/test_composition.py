"""The composition is fixed once built, and each screen's view-model gets only its own frozen parts of it."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.config import parse_config
from tests.fakes.devices import MemoryPrinter
from ui.app import KioskWindow
from ui.composition import Services
from ui.demo_config import demo_config_document
from ui.realmode import optional_device
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


def test_an_optional_device_is_built_from_its_section_and_a_bad_one_leaves_the_kiosk_running(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    document = demo_config_document(services.config.database.parent)
    assert optional_device(parse_config(document), services.clock, "gps") is None  # not configured: none
    document["devices"] = {"gps": {"driver": "no-such-gps", "port": "/dev/null"}}
    with caplog.at_level("ERROR"):
        assert optional_device(parse_config(document), services.clock, "gps") is None
    assert "[devices.gps]" in caplog.text
    assert "goes on without it" in caplog.text
