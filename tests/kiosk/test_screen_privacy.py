"""A screenshot for an officer is refused while an Aadhaar number, a mobile number or a PIN may be on screen."""

from __future__ import annotations

import pytest

from kiosk.flows.base import Step
from kiosk.screen_privacy import screenshot_refusal

PRIVATE_STEPS = [Step.ENTER_NUMBER, Step.ENTER_AADHAAR, Step.CONSENT, Step.VERIFY_FINGER, Step.PAY_FINGER,
                 Step.CHOOSE_BANK, Step.AEPS_FINGER]  # fmt: skip
PERSONAL_STEPS = [Step.FORM, Step.SCAN, Step.PHOTO, Step.REVIEW]  # an application's details, pages and photo


@pytest.mark.parametrize("step", PRIVATE_STEPS)
def test_journey_steps_that_may_show_an_aadhaar_or_mobile_number_are_refused(step: Step) -> None:
    assert screenshot_refusal("journey", step, phone_panel_open=False) == (
        f"refused: journey/{step.value} may show an Aadhaar number, a mobile number or a PIN"
    )


@pytest.mark.parametrize("step", PERSONAL_STEPS)
def test_application_steps_with_details_a_page_or_a_face_are_refused(step: Step) -> None:
    assert screenshot_refusal("journey", step, phone_panel_open=False) == (
        f"refused: journey/{step.value} shows the villager's details, a scanned document or their photo"
    )


def test_every_step_is_decided_one_way_or_the_other() -> None:
    open_steps = [s for s in Step if screenshot_refusal("journey", s, phone_panel_open=False) is None]
    assert sorted(open_steps + PRIVATE_STEPS + PERSONAL_STEPS) == sorted(Step)


def test_the_operator_pin_pad_and_the_phone_panel_are_refused_and_home_is_not() -> None:
    assert screenshot_refusal("operator", None, phone_panel_open=False) == (
        "refused: the operator's PIN pad or operator pages are on screen"
    )
    assert screenshot_refusal("journey", Step.DONE, phone_panel_open=True) is not None
    assert screenshot_refusal("home", None, phone_panel_open=False) is None
    assert screenshot_refusal("some-new-screen", None, phone_panel_open=False) is not None
