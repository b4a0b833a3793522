import io

from ui.demo import run_ledger_demo


def test_demo_payment_completes_and_reports_change_due() -> None:
    out = io.StringIO()
    assert run_ledger_demo(out) == 0
    text = out.getvalue()
    assert "demo payment completed" in text
    assert "change-due voucher #1 for ₹50.00" in text
