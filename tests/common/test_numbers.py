"""The shared number rules: one definition the kiosk and the server both use, pure and strict about bad input."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from common.numbers import (
    luhn_complete,
    luhn_ok,
    mask_aadhaar,
    mask_mobile,
    mobile_problem,
    valid_mobile,
    verhoeff_check_digit,
    verhoeff_ok,
)

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("kiosk", "drivers", "sync", "ui", "provisioning", "server")
SHARED_NAMES = {
    "luhn_ok", "luhn_complete", "verhoeff_ok", "verhoeff_check_digit",
    "valid_mobile", "mobile_problem", "mask_mobile", "mask_aadhaar",
}  # fmt: skip


def product_modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for f in PRODUCT for p in sorted((ROOT / f).rglob("*.py"))]


def test_check_digit_and_masking_rules_are_defined_only_in_common() -> None:
    again = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for path, tree in product_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name in SHARED_NAMES
    ]
    assert again == []


def docstrings(tree: ast.Module) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
        and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip


def test_no_product_module_masks_an_aadhaar_number_by_hand() -> None:
    by_hand = []
    for path, tree in product_modules():
        prose = docstrings(tree)
        by_hand += [
            f"{path.relative_to(ROOT)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "XXXX-XXXX" in node.value
            and id(node) not in prose
        ]  # fmt: skip
    assert by_hand == []


def test_common_imports_only_the_standard_library() -> None:
    imported = set()
    for path in (ROOT / "common").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported - set(sys.stdlib_module_names) - {"common"} == set()


@pytest.mark.parametrize("text", ["", "12a4", "２３６３", "२३६३", "23 63"])
def test_check_digits_refuse_anything_but_ascii_digits_without_raising(text: str) -> None:
    assert not verhoeff_ok(text)
    assert not luhn_ok(text)


def test_check_digits_accept_the_textbook_examples_and_make_valid_numbers() -> None:
    assert verhoeff_ok("2363")
    assert verhoeff_check_digit("236") == 3
    assert luhn_ok("79927398713")
    assert luhn_complete("7992739871") == "79927398713"
    assert verhoeff_ok("23456789012" + str(verhoeff_check_digit("23456789012")))


def test_mask_aadhaar_hides_eight_digits_and_refuses_other_input_without_repeating_it() -> None:
    assert mask_aadhaar("2345 6789-0123") == "XXXX-XXXX-0123"
    for bad in ("23456789012", "2345678901234", "23456789012x", "२३४५६७८९०१२३"):
        with pytest.raises(ValueError, match="12 digits") as refused:
            mask_aadhaar(bad)
        assert bad not in str(refused.value)


def test_mobile_numbers_follow_the_numbering_plan_and_show_only_four_digits() -> None:
    assert valid_mobile("6000001234")
    assert mobile_problem("9876543210") is None
    assert mobile_problem("98765") == "length"
    assert mobile_problem("5876543210") == "start"
    assert not valid_mobile("+919876543210")
    assert mask_mobile("9876543210") == "XXXXXX3210"
    assert mask_mobile("12") == "XXXXXX"
