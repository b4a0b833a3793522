"""The sample BBPS billers of the reference BBPOU: customer parameters, fetch requirement, exactness, fee rule."""

from __future__ import annotations

import re

from sync.protocol.bbps import BillerInfo, FeeSpec, ParamSpec

K_NUMBER = ParamSpec(name="K Number", label_en="K number", label_hi="के. नंबर", pattern=r"^\d{12}$")


def _biller(biller_id: str, code: str, names: tuple[str, str], category: str, param: ParamSpec, fetch: str,
            exactness: str, fee: FeeSpec) -> BillerInfo:  # fmt: skip
    return BillerInfo.model_validate({
        "biller_id": biller_id, "code": code, "name_en": names[0], "name_hi": names[1], "category": category,
        "params": [param], "fetch": fetch, "exactness": exactness, "fee": fee,
    })  # fmt: skip


NO_FEE = FeeSpec(flat_paise=0, basis_points=0, min_paise=0)
# Whole tens of rupees: a fee a villager can pay in notes (an exact-and-above bill can be rounded up to it).
FLAT_10 = FeeSpec(flat_paise=1_000, basis_points=0, min_paise=0)
# Every exactness rule appears at least once, so the kiosk's amount step is exercised for each. JVVNL is exact and
# without a fee, as the demo tour pays its ₹350 bill in ₹200 + ₹100 + ₹50.
BILLERS = (
    _biller("JVVNL0000RAJ01", "JVVNL", ("Jaipur Vidyut Vitran Nigam Ltd", "जयपुर विद्युत वितरण निगम लि."),
            "Electricity", K_NUMBER, "MANDATORY", "EXACT", NO_FEE),
    _biller("AVVNL0000RAJ01", "AVVNL", ("Ajmer Vidyut Vitran Nigam Ltd", "अजमेर विद्युत वितरण निगम लि."),
            "Electricity", K_NUMBER, "MANDATORY", "EXACT_UP", FLAT_10),
    _biller("JDVVNL000RAJ01", "JDVVNL", ("Jodhpur Vidyut Vitran Nigam Ltd", "जोधपुर विद्युत वितरण निगम लि."),
            "Electricity", K_NUMBER, "MANDATORY", "EXACT_DOWN", NO_FEE),
    _biller("PHED00000RAJ01", "PHED", ("PHED Water Rajasthan", "जलदाय विभाग राजस्थान"), "Water",
            ParamSpec(name="Consumer Number", label_en="Consumer number", label_hi="उपभोक्ता संख्या",
                      pattern=r"^\d{10}$"), "MANDATORY", "EXACT", NO_FEE),
    _biller("RSGL00000RAJ01", "RSGL", ("Rajasthan State Gas Ltd", "राजस्थान स्टेट गैस लि."), "Gas",
            ParamSpec(name="Customer ID", label_en="Customer ID", label_hi="ग्राहक आईडी", pattern=r"^\d{10}$"),
            "MANDATORY", "EXACT_UP", FLAT_10),
    _biller("POSTPAID0NAT01", "POSTPAID", ("Mobile Postpaid", "मोबाइल पोस्टपेड"), "Mobile Postpaid",
            ParamSpec(name="Mobile Number", label_en="Mobile number", label_hi="मोबाइल नंबर",
                      pattern=r"^[6-9]\d{9}$"), "OPTIONAL", "ADHOC",
            FeeSpec(flat_paise=0, basis_points=100, min_paise=500, max_paise=2_500)),
)  # fmt: skip
BY_ID = {b.biller_id: b for b in BILLERS}


def params_problem(biller: BillerInfo, params: dict[str, str]) -> str | None:
    names = [p.name for p in biller.params]
    if sorted(params) != sorted(names):
        return f"customer parameters must be exactly {names}, got {sorted(params)[:5]}"
    for spec in biller.params:
        if re.fullmatch(spec.pattern.strip("^$"), params[spec.name]) is None:
            return f"{spec.name}: {params[spec.name][:40]!r} does not match {spec.pattern}"
    return None


def fee_paise(fee: FeeSpec, amount_paise: int) -> int:
    """Flat + a share in basis points rounded up to the paisa, clamped to [min, max] (the kiosk computes the same)."""
    total = max(fee.flat_paise + -(-amount_paise * fee.basis_points // 10_000), fee.min_paise)
    return total if fee.max_paise is None else min(total, fee.max_paise)
