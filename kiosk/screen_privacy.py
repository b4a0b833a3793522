"""May the screen be photographed for an officer right now? Not while an Aadhaar number, a mobile number or a PIN
may be on it. An allow-list: a screen or step not named here is refused, so a new one is private until decided."""

from __future__ import annotations

from kiosk.flows.base import Step
from kiosk.flows.locker_steps import LockerStep

OPEN_SCREENS = ("home", "catalogue", "info")
# Journey steps that show no Aadhaar number, no mobile number and no PIN. Not ENTER_NUMBER (a consumer number may
# be a mobile number), ENTER_AADHAAR, CONSENT and the fingerprint steps (the Aadhaar number, even masked, is there),
# nor Aadhaar Pay's CHOOSE_BANK (which bank a villager banks with is theirs) and AEPS_FINGER (a fingerprint step).
# The rail steps show a UPI QR (the payee's address and the amount) or the card terminal's prompt: nothing personal.
OPEN_STEPS = (Step.ENTER_AMOUNT, Step.STATUS_SHOWN, Step.CHOOSE_PAYMENT, Step.CASH, Step.DONE, Step.STATUS_UNKNOWN,
              Step.VOUCHER, Step.ERROR, Step.CLOSED, Step.RAIL_WAIT, Step.RAIL_RETRY,
              Step.ELIGIBILITY, Step.NOT_ELIGIBLE)  # fmt: skip  # an application's questions: the same for everyone
# An application's steps that show what the villager typed, a scanned page or their face.
PERSONAL_STEPS = (Step.FORM, Step.SCAN, Step.PHOTO, Step.REVIEW)
# The locker's steps over the Done screen (kiosk/flows/locker_steps.py): the mobile number and the OTP are typed in
# MOBILE and OTP; the others show the locker's number only masked, like the phone button's "sent to".
OPEN_LOCKER_STEPS = (LockerStep.CLOSED, LockerStep.SENT, LockerStep.QUEUED, LockerStep.UNAVAILABLE)


def screenshot_refusal(
    screen: str,
    step: Step | None,
    *,
    phone_panel_open: bool,
    locker_step: LockerStep | None = None,
    complaint_open: bool = False,
) -> str | None:
    """None if a screenshot may be taken; otherwise the reason it is refused (sent to the officer)."""
    if complaint_open:  # the BBPS complaint is drawn over the home screen: its receipt numbers are the villager's
        return "refused: a villager's bill-payment complaint is on screen"
    if phone_panel_open:
        return "refused: a mobile number may be on screen (the villager is sending a receipt to a phone)"
    if locker_step is not None and locker_step not in OPEN_LOCKER_STEPS:
        return "refused: a mobile number or an OTP may be on screen (the villager is linking a locker)"
    if screen == "operator":
        return "refused: the operator's PIN pad or operator pages are on screen"
    if screen in OPEN_SCREENS:
        return None
    if screen == "journey" and step in OPEN_STEPS:
        return None
    if screen == "journey" and step in PERSONAL_STEPS:
        return f"refused: journey/{step.value} shows the villager's details, a scanned document or their photo"
    shown = f"{screen}/{step.value}" if step is not None else screen
    return f"refused: {shown} may show an Aadhaar number, a mobile number or a PIN"
