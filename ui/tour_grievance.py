"""The demo tour's grievance: found by a romanised search, registered with a description typed on the keyboard, a
mobile number on the keypad and a photo where a camera is wired; the number comes back from the reference server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import driver

if TYPE_CHECKING:
    from ui.tour import Tour

DEMO_MOBILE = "9829000181"  # a demo number: the reference server's SMS gateway records it masked


def grievance(tour: Tour) -> bool | None:
    """None when this kiosk has no grievance desk (the memory demo of the UI tests); True when a number came back."""
    kiosk, w = tour.kiosk, tour.kiosk.window
    if kiosk.vm.grievance.desk() is None:
        return None
    tour.log.write("grievance: 'shikayat' in search, water supply, no water, a photo if a camera is wired\n")
    tour.tap("searchBox")
    driver.type_text(w, "searchField", "shikayat")
    tour.tap("result_sampark-grievance")
    tour.tap("grievanceRegister")
    tour.tap("grievanceChoice_phed")
    tour.tap("grievanceChoice_no_water")
    driver.type_text(w, "grievanceText", "Handpump near the school broken for two weeks")
    tour.shot("grievance-description")
    tour.tap("grievanceTextNext")
    driver.type_digits(w, DEMO_MOBILE)
    tour.tap("keyOk")
    if kiosk.vm.services.camera is not None and kiosk.vm.services.vault is not None:
        tour.tap("grievancePhoto")
    tour.tap("grievanceAttachNext")
    tour.shot("grievance-confirm")
    tour.tap("grievanceConfirm")
    view = kiosk.vm.grievance.flow.view() if kiosk.vm.grievance.flow is not None else None
    registered = view is not None and view.reference.startswith("RJ")
    tour.shot("grievance-registered")
    tour.tap("grievanceDone")
    return registered
