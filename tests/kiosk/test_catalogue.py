"""Catalogue validation: a bad entry rejects the whole file, the last good catalogue stays, with a clear log."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from common.numbers import luhn_complete, luhn_ok, verhoeff_ok
from kiosk.catalogue import (
    DEFAULT_CATALOGUE,
    CatalogueError,
    CatalogueHolder,
    parse_catalogue,
)
from kiosk.catalogue_gen import scaled_catalogue


@pytest.fixture
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DEFAULT_CATALOGUE.read_text(encoding="utf-8"))
    return loaded


def test_sample_catalogue_has_the_rajasthan_services_and_home_tiles(document: dict[str, Any]) -> None:
    catalogue = parse_catalogue(document)
    ids = {s.id for s in catalogue.services}
    assert {"jvvnl-bill", "avvnl-bill", "jdvvnl-bill", "phed-water", "caste-cert", "jamabandi-copy"} <= ids
    assert 6 <= len(catalogue.home_tiles()) <= 10


def test_missing_hindi_name_rejects_the_catalogue_naming_the_entry(document: dict[str, Any]) -> None:
    del document["services"][3]["name_hi"]
    with pytest.raises(CatalogueError, match=r"services\[3\] \(phed-water\): name_hi is missing"):
        parse_catalogue(document)


def test_hindi_name_in_latin_letters_is_refused(document: dict[str, Any]) -> None:
    document["services"][0]["name_hi"] = "Bijli bill"
    with pytest.raises(CatalogueError, match="no Hindi"):
        parse_catalogue(document)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("max_length", 5, "max_length = 5 must be a whole number 12"),
        (
            "checksum",
            "crc32",
            r"services\[0\] \(jvvnl-bill\)\.fields\[0\] \(account\)\.checksum: 'crc32' is not one of",
        ),
        ("min_length", "12", r"fields\[0\] \(account\)\.min_length: '12' is not of type 'integer'"),
    ],
)
def test_invalid_field_spec_is_refused(document: dict[str, Any], key: str, value: object, message: str) -> None:
    document["services"][0]["fields"][0][key] = value
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(document)


def test_unknown_flow_icon_category_or_duplicate_id_are_refused(document: dict[str, Any]) -> None:
    for key, value, message in (
        ("flow", "teleport", r"services\[0\] \(jvvnl-bill\)\.flow: 'teleport' is not one of"),
        ("icon", "unicorn", "icon = 'unicorn'"),
        ("category", "casino", "category 'casino'"),
        ("id", "avvnl-bill", "appears twice"),
    ):
        bad = copy.deepcopy(document)
        bad["services"][0][key] = value
        with pytest.raises(CatalogueError, match=message):
            parse_catalogue(bad)


def test_the_schema_refuses_a_misspelt_key_and_a_fractional_fee_naming_where(document: dict[str, Any]) -> None:
    misspelt = copy.deepcopy(document)
    misspelt["services"][2]["fee_rupees"] = 10
    with pytest.raises(CatalogueError, match=r"services\[2\] \(jdvvnl-bill\): Additional properties .*'fee_rupees'"):
        parse_catalogue(misspelt)
    fractional = copy.deepcopy(document)
    fractional["services"][1]["fee_paise"] = 2.5  # money is whole paise, never a float
    with pytest.raises(CatalogueError, match=r"services\[1\] \(avvnl-bill\)\.fee_paise: 2\.5 is not of type 'integer'"):
        parse_catalogue(fractional)


def test_a_bill_payment_without_its_biller_code_is_refused(document: dict[str, Any]) -> None:
    del document["services"][0]["biller"]
    with pytest.raises(CatalogueError, match=r"services\[0\] \(jvvnl-bill\): a bill_payment service needs its biller"):
        parse_catalogue(document)


def test_bad_update_keeps_last_good_catalogue_and_logs_why(
    tmp_path: Path, document: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    holder = CatalogueHolder(parse_catalogue(document))
    document["version"] = "next"
    del document["services"][0]["name_en"]
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert holder.update_from(path) is False
    assert holder.current.version == "2026.11.1"
    assert "catalogue update rejected, keeping version 2026.11.1" in caplog.text
    assert "name_en" in caplog.text


def test_good_update_replaces_the_catalogue(tmp_path: Path, document: dict[str, Any]) -> None:
    holder = CatalogueHolder(parse_catalogue(document))
    document["version"] = "2026.12.1"
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert holder.update_from(path)
    assert holder.current.version == "2026.12.1"


def test_unreadable_json_is_refused_with_the_path(tmp_path: Path, document: dict[str, Any]) -> None:
    holder = CatalogueHolder(parse_catalogue(document))
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    assert holder.update_from(path) is False
    assert holder.last_error is not None
    assert "broken.json" in holder.last_error


def test_checksums_accept_valid_numbers_and_refuse_one_wrong_digit() -> None:
    number = luhn_complete("21041234567")
    assert luhn_ok(number)
    assert not luhn_ok(number[:-1] + str((int(number[-1]) + 1) % 10))
    assert verhoeff_ok("2363")  # the textbook Verhoeff example
    assert not verhoeff_ok("2364")


def test_field_rules_name_the_reason(document: dict[str, Any]) -> None:
    spec = parse_catalogue(document).get("jvvnl-bill").fields[0]
    assert spec.problem("12a") == "digits_only"
    assert spec.problem("123") == "length"
    assert spec.problem(luhn_complete("21041234567")) is None


def test_generator_scales_to_1200_services_with_unique_ids(document: dict[str, Any]) -> None:
    scaled = scaled_catalogue(parse_catalogue(document), 1250)
    assert len(scaled.services) == 1250 == len(scaled.by_id)
    assert len({s.name_en for s in scaled.services}) == 1250
