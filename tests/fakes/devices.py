"""Memory fakes of the kiosk ports for tests: a note acceptor fed by hand, a printer keeping its jobs, a finger."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from common.numbers import luhn_complete, verhoeff_check_digit
from kiosk.aadhaar import AadhaarNumber
from kiosk.devices.biometric import (
    BiometricInfo,
    BiometricStatus,
    CaptureFailed,
    CaptureOk,
    CaptureRequest,
    CaptureResult,
    PidBlock,
)
from kiosk.devices.cash import (
    AcceptorStatus,
    CashListener,
    Jammed,
    NoteCredited,
    NoteRejected,
)
from kiosk.devices.common import DeviceHealth
from kiosk.devices.document_printer import DocumentOutcome, DocumentStatus
from kiosk.devices.locator import Fix, LocatorStatus
from kiosk.devices.printer import PrinterStatus, PrintOutcome
from kiosk.documents import DocumentProblem, DocumentResult
from kiosk.money import Money
from kiosk.online import (
    Application,
    ApplicationAnswer,
    Authorised,
    Bill,
    BillAnswer,
    Declined,
    NotFound,
    PaymentAnswer,
    Unavailable,
)

DENOMINATIONS = tuple(Money.rupees(r) for r in (10, 20, 50, 100, 200, 500))


class MemoryCashAcceptor:
    """Notes go in through `insert`; only notes enabled right now are credited, others come back rejected."""

    def __init__(self) -> None:
        self.listener: CashListener | None = None
        self.accepting: frozenset[Money] = frozenset()
        self.status = AcceptorStatus.DISABLED
        self._ids = itertools.count(1)
        self.stacked: list[int] = []  # rupees of each note that went into the box

    def start(self, listener: CashListener) -> None:
        self.listener = listener

    def denominations(self) -> tuple[Money, ...]:
        return DENOMINATIONS

    def enable(self, accept: frozenset[Money]) -> None:
        self.accepting = accept
        if self.status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING):
            self.status = AcceptorStatus.ACCEPTING if accept else AcceptorStatus.DISABLED

    def disable(self) -> None:
        self.enable(frozenset())

    def return_escrow(self) -> None:
        """Notes never wait in escrow here: each is credited or rejected at once."""

    def insert(self, rupees: int, *, genuine: bool = True) -> bool:
        note = Money.rupees(rupees)
        if self.listener is None:
            return False
        if not genuine or note not in self.accepting or self.status is not AcceptorStatus.ACCEPTING:
            self.listener(NoteRejected("not accepted now" if genuine else "not genuine"))
            return False
        self.listener(NoteCredited(note, DENOMINATIONS.index(note) + 1, f"mem-{next(self._ids)}"))
        self.stacked.append(rupees)
        return True

    def jam(self) -> None:
        self.status = AcceptorStatus.JAMMED
        if self.listener:
            self.listener(Jammed(safe=True))

    def clear(self) -> None:
        self.status = AcceptorStatus.ACCEPTING if self.accepting else AcceptorStatus.DISABLED

    def health(self) -> DeviceHealth:
        ok = self.status in (AcceptorStatus.DISABLED, AcceptorStatus.ACCEPTING)
        return DeviceHealth("cash", self.status.value, ok)

    def close(self) -> None:
        self.listener = None


class MemoryPrinter:
    def __init__(self) -> None:
        self.state = PrinterStatus.READY
        self.jobs: dict[str, object] = {}

    def status(self) -> PrinterStatus:
        return self.state

    def print_job(self, job_id: str, document: object) -> PrintOutcome:
        if job_id in self.jobs:
            return PrintOutcome(job_id, True, self.state, "already printed")
        if not self.state.can_print:
            return PrintOutcome(job_id, False, self.state, "cannot print")
        self.jobs[job_id] = document
        return PrintOutcome(job_id, True, self.state)

    def health(self) -> DeviceHealth:
        return DeviceHealth("printer", self.state.value, self.state.can_print)

    def close(self) -> None:
        pass


class MemoryFingerReader:
    """Captures succeed while a finger is placed (the dev panel's button); otherwise ask to try again."""

    def __init__(self) -> None:
        self.finger_placed = True
        self.captures = 0

    def discover(self) -> BiometricInfo | None:
        return BiometricInfo("MEM.RD", "1.0", "memory", "demo", None)

    def status(self) -> BiometricStatus:
        return BiometricStatus.READY

    def capture(self, request: CaptureRequest) -> CaptureResult:
        self.captures += 1
        if not self.finger_placed:
            return CaptureFailed("700", "उंगली ठीक से रखें", "Place your finger properly", retry=True)
        return CaptureOk(PidBlock(b"<PidData demo/>"), 80)

    def health(self) -> DeviceHealth:
        return DeviceHealth("biometric", "ready", True)


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of (ASCII) text: what the memory server hands out as a certificate."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class MemoryDocumentPrinter:
    """The A4 printer in memory: jobs by id (printed once); `keep` copies each printed PDF there (the demo)."""

    def __init__(self, keep: Path | None = None) -> None:
        self.state = DocumentStatus.READY
        self.jobs: dict[str, bytes] = {}
        self.keep = keep

    def status(self) -> DocumentStatus:
        return self.state

    def print_document(self, job_id: str, pdf: Path, *, title: str = "") -> DocumentOutcome:
        if job_id in self.jobs:
            return DocumentOutcome(job_id, True, self.state, "already printed")
        if not self.state.can_print:
            return DocumentOutcome(job_id, False, self.state, "cannot print")
        self.jobs[job_id] = pdf.read_bytes()
        if self.keep is not None:
            self.keep.mkdir(parents=True, exist_ok=True)
            (self.keep / f"{job_id}.pdf").write_bytes(self.jobs[job_id])
        return DocumentOutcome(job_id, True, self.state)

    def health(self) -> DeviceHealth:
        return DeviceHealth("document_printer", self.state.value, self.state.can_print)

    def close(self) -> None:
        pass


def demo_aadhaar(stem: str = "23456789012") -> str:
    """A well-formed (Verhoeff-checked) Aadhaar number for the demo and tests; not a real person's."""
    return stem + str(verhoeff_check_digit(stem))


def demo_account(stem: str) -> str:
    """A K-number with a valid Luhn check digit, as the demo and tests type it."""
    return luhn_complete(stem)


@dataclass
class MemoryOnline:
    """Bills, applications and Aadhaar answers from dictionaries; `slow` numbers answer as a timeout."""

    bills: dict[str, Bill] = field(default_factory=dict)
    applications: dict[str, Application] = field(default_factory=dict)
    slow: set[str] = field(default_factory=set)
    decline_payments: bool = False
    unanswered_payments: bool = False  # the bank never answers, not even the status inquiry: status unknown
    payments: list[str] = field(default_factory=list)
    aadhaar_seen: list[str] = field(default_factory=list)  # masked, as a real client could log them

    def lookup_bill(self, service_id: str, account: str) -> BillAnswer:
        if account in self.slow:
            return Unavailable(timed_out=True, detail="no answer in 10 s")
        return self.bills.get(account, NotFound())

    def application(self, service_id: str, number: str) -> ApplicationAnswer:
        if number in self.slow:
            return Unavailable(timed_out=True, detail="no answer in 10 s")
        return self.applications.get(number, NotFound())

    def authorise(self, txn_id: str, amount: Money, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        self.aadhaar_seen.append(aadhaar.masked)
        if self.decline_payments:
            return Declined("51", "Not enough money in the bank account", "बैंक खाते में पर्याप्त पैसे नहीं हैं")
        if self.unanswered_payments:
            return Unavailable(timed_out=True, detail="no answer in 10 s")
        if txn_id not in self.payments:  # the reference is the payment: a retry never debits twice
            self.payments.append(txn_id)
        return Authorised(f"AEPS{self.payments.index(txn_id) + 1:06d}")

    def payment_status(self, txn_id: str, amount: Money) -> PaymentAnswer:
        if self.unanswered_payments:
            return Unavailable(timed_out=True, detail="no answer in 10 s")
        if txn_id in self.payments:
            return Authorised(f"AEPS{self.payments.index(txn_id) + 1:06d}")
        return Declined("VOID", "The request never reached the bank.", "अनुरोध बैंक तक नहीं पहुँचा।")

    def certificate_pdf(self, service_id: str, application_no: str) -> bytes | DocumentResult:
        application = self.applications.get(application_no)
        if application is None or not application.certificate_ready:
            return DocumentResult(False, DocumentProblem.NOT_ISSUED, "no issued certificate")
        return minimal_pdf(f"Certificate {application_no}")

    def verify(self, application_no: str, aadhaar: AadhaarNumber, pid: PidBlock) -> PaymentAnswer:
        self.aadhaar_seen.append(aadhaar.masked)
        return Authorised(f"AUTH-{application_no}")


def sample_online() -> MemoryOnline:
    """The demo's data: one JVVNL bill, one slow number, one ready certificate, one under review."""
    online = MemoryOnline()
    online.bills[demo_account("21041234567")] = Bill(
        demo_account("21041234567"), "Ramesh Kumar Meena", Money.rupees(350), date(2026, 12, 5), "JV-2611-001"
    )
    online.bills[demo_account("10020030040")] = Bill(
        demo_account("10020030040"), "Sita Devi", Money(123_450), date(2026, 12, 10), "JV-2611-002"
    )
    online.slow.add(demo_account("99999999999"))
    online.slow.add("9999999999")  # a mobile number whose operator does not answer
    ready = demo_account("202611001")
    online.applications[ready] = Application(ready, "Mohan Lal Jat", "ready", True, date(2026, 11, 20))
    pending = demo_account("202611002")
    online.applications[pending] = Application(pending, "Geeta Kumari", "under_review", False, date(2026, 11, 18))
    return online


class MemoryLocator:
    """A GPS receiver that always has the same fix (the kiosk's locator port)."""

    def __init__(self, fix: Fix) -> None:
        self.fix = fix

    def last_fix(self) -> Fix | None:
        return self.fix

    def status(self) -> LocatorStatus:
        return LocatorStatus.FIX

    def health(self) -> DeviceHealth:
        return DeviceHealth("gps", LocatorStatus.FIX.value, True)
