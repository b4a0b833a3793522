"""The demo tour's application: a caste certificate applied for with two scanned documents, a photo and the fee."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from kiosk.flows.application_steps import ApplicationJourney
from ui import driver

if TYPE_CHECKING:
    from ui.tour import Tour

# What the villager types: a romanised name, a Hindi father's name (typed on the Hindi layout), the rest in digits.
SLIP_WITHIN_S = 20.0  # the acknowledgement slip after the fee's receipt (a loaded machine prints slowly)
ANSWERS = (("applicant_name", "Ramesh Meena"), ("father_name", "मोहनलाल मीणा"), ("birth_date", "05-03-1990"),
           ("caste", "Meena"), ("mobile", "9876543210"))  # fmt: skip


def caste_application(tour: Tour) -> bool | None:
    """None when this kiosk has no scanner, camera or vault (until the capture and vault parts are configured);
    True when the acknowledgement slip came out."""
    kiosk, w = tour.kiosk, tour.kiosk.window
    services = kiosk.vm.services
    if services.pages is None or services.camera is None or services.vault is None:
        return None
    tour.log.write("application: caste certificate — questions, form, two documents scanned, photo, ₹40 in cash\n")
    tour.tap("searchBox")
    driver.type_text(w, "searchField", "jati aavedan")
    tour.tap("result_caste-apply")
    tour.shot("apply-eligibility")
    tour.tap("yesButton")
    tour.tap("yesButton")
    for field, text in ANSWERS:
        driver.type_text(w, f"field_{field}", text)
    tour.tap("choice_caste_class_st")
    tour.shot("apply-form")
    tour.tap("formNextButton")
    for document in (1, 2):
        if tour.step() != "scan":
            return False
        tour.tap("scanButton")
        tour.shot(f"apply-document-{document}")
        tour.tap("nextDocumentButton")
    tour.tap("takePhotoButton")
    tour.shot("apply-photo")
    tour.tap("usePhotoButton")
    tour.shot("apply-review")
    tour.tap("confirmApplicationButton")
    tour.tap("payCashButton")
    tour.cash.insert(20)
    tour.cash.insert(20)
    done, deadline, view = False, time.monotonic() + SLIP_WITHIN_S, None
    while not done and time.monotonic() < deadline:  # the slip prints on the journey's worker after the receipt
        journey = kiosk.vm.journey.journey
        view = journey.application_view() if isinstance(journey, ApplicationJourney) else None
        done = tour.step() == "done" and view is not None and view.slip_printed
        if not done:
            time.sleep(0.05)
    tour.shot("apply-acknowledgement")
    tour.log.write(f"  application number {view.number if view else '-'}: slip printed with the receipts\n")
    tour.tap("applicationFinishButton")
    return done
