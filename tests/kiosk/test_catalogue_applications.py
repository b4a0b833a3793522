"""The `application` catalogue kind: its form is data, and a bad form rejects the catalogue naming service and field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from kiosk.application_form import FieldKind, Rule
from kiosk.catalogue import DEFAULT_CATALOGUE, CatalogueError, FlowKind, parse_catalogue

TODAY = date(2027, 1, 15)


@pytest.fixture
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DEFAULT_CATALOGUE.read_text(encoding="utf-8"))
    return loaded


def service(document: dict[str, Any], service_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in document["services"] if s["id"] == service_id)
    return found


def test_sample_catalogue_offers_the_four_applications(document: dict[str, Any]) -> None:
    catalogue = parse_catalogue(document)
    applications = {s.id: s for s in catalogue.services if s.flow is FlowKind.APPLICATION}
    assert set(applications) == {"caste-apply", "domicile-apply", "income-apply", "pension-verification"}
    caste = applications["caste-apply"].form
    assert caste is not None
    assert caste.photo
    assert len(caste.documents) == 2
    assert caste.processing_days == 7
    pension = applications["pension-verification"]
    assert pension.form is not None
    assert not pension.form.photo
    assert pension.fee.paise == 0


def test_field_rules_from_the_catalogue(document: dict[str, Any]) -> None:
    form = parse_catalogue(document).get("caste-apply").form
    assert form is not None
    by_id = {f.id: f for f in form.fields}
    assert by_id["birth_date"].kind is FieldKind.DATE
    assert by_id["birth_date"].problem("16-01-2027", TODAY) is Rule.FUTURE
    assert by_id["birth_date"].problem("15-01-2027", TODAY) is None
    typed = ("05031990", "5/3/1990", "05.03.1990", "5-3-1990")  # the numeric keyboard may have no dash
    assert {by_id["birth_date"].normalised(t) for t in typed} == {"05-03-1990"}
    assert by_id["birth_date"].normalised("0503199") == "0503199"  # refused as it is, not guessed
    assert by_id["mobile"].problem("5876543210", TODAY) is Rule.PATTERN
    assert by_id["mobile"].problem("98765x3210", TODAY) is Rule.DIGITS_ONLY
    assert by_id["applicant_name"].problem("", TODAY) is Rule.REQUIRED
    assert by_id["applicant_name"].problem("Ramu", TODAY) is None
    assert by_id["applicant_name"].problem("लक्ष्‍मी देवी", TODAY) is None  # a joiner from the keyboard
    assert by_id["applicant_name"].problem("Ramu<script>", TODAY) is Rule.PATTERN
    assert by_id["caste_class"].problem("obc", TODAY) is None


def test_application_without_its_form_is_refused_naming_the_service(document: dict[str, Any]) -> None:
    del service(document, "income-apply")["application"]
    with pytest.raises(CatalogueError, match=r"income-apply\): an application service needs its form"):
        parse_catalogue(document)


def test_field_label_without_hindi_is_refused_naming_the_field(document: dict[str, Any]) -> None:
    service(document, "caste-apply")["application"]["fields"][1]["label_hi"] = "Father"
    with pytest.raises(
        CatalogueError, match=r"caste-apply\)\.application\.fields\[1\]: label_hi = 'Father' has no Hindi"
    ):
        parse_catalogue(document)


def test_bad_pattern_and_page_counts_are_refused(document: dict[str, Any]) -> None:
    form = service(document, "domicile-apply")["application"]
    form["fields"][4]["pattern"] = "[6-9"
    with pytest.raises(CatalogueError, match=r"domicile-apply\)\.application\.fields\[4\]: pattern '\[6-9' is not"):
        parse_catalogue(document)
    form["fields"][4]["pattern"] = "[6-9][0-9]{9}"
    form["documents"][0] |= {"pages_min": 3, "pages_max": 2}
    with pytest.raises(CatalogueError, match=r"documents\[0\]: pages_min 3 is above pages_max 2"):
        parse_catalogue(document)


def test_schema_refuses_an_unknown_field_kind_naming_where(document: dict[str, Any]) -> None:
    service(document, "caste-apply")["application"]["fields"][0]["kind"] = "signature"
    with pytest.raises(
        CatalogueError,
        match=r"caste-apply\)\.application\.fields\[0\] \(applicant_name\)\.kind: .signature. is not one of",
    ):
        parse_catalogue(document)


def test_choice_field_without_choices_is_refused(document: dict[str, Any]) -> None:
    del service(document, "caste-apply")["application"]["fields"][3]["choices"]
    with pytest.raises(CatalogueError, match=r"fields\[3\]: a choice field needs choices"):
        parse_catalogue(document)
