"""An emulated UPI PSP (dynamic QR API, in the shape of PhonePe DQR / Razorpay QR) for tests and the demo.

It speaks HTTP from the PSP's side: the server registers a QR, asks its status, closes it; a payer (a test or the
demo, standing in for the villager's UPI app) pays it; the PSP posts a signed callback to the server — once, twice
(a duplicate), late, or never (a lost callback) as told — and writes the daily settlement file as a CSV.
Run alone: `python -m server.upi_psp --secret-file F --port 0 [--pay-after-s 4]` prints its address first.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sync.protocol.upi import SIGNATURE_HEADER, psp_signature

IST = timedelta(hours=5, minutes=30)


@dataclass
class PspQr:
    tr: str
    amount_paise: int
    payee_vpa: str
    expires_at: datetime
    callback_url: str
    status: str = "CREATED"  # CREATED → SUCCESS | PENDING | FAILED | CLOSED; lapses to EXPIRED at expires_at
    utr: str = ""
    paid_at: datetime | None = None
    settle_amount_paise: int | None = None  # a settlement-file fault: the PSP settles a different amount

    def state(self, now: datetime) -> str:
        return "EXPIRED" if self.status == "CREATED" and now >= self.expires_at else self.status


class PspEmulator:
    def __init__(self, secret: bytes, *, pay_after_s: float | None = None) -> None:
        self.secret = secret
        self.pay_after_s = pay_after_s
        self.qrs: dict[str, PspQr] = {}
        self.lock = threading.Lock()
        self.down = False  # answers 503 to the server's API calls (the PSP is out)
        self.callbacks_sent = 0
        self.paid_monotonic: dict[str, float] = {}  # for the latency bench: when each QR was paid
        self._utr = 0
        self.httpd: ThreadingHTTPServer | None = None

    # -- the payer -------------------------------------------------------------------------------
    def pay(self, tr: str, *, outcome: str = "SUCCESS", callbacks: int = 1, delay_s: float = 0.0) -> bool:
        """The villager's app pays the QR. Refused when unknown, expired, closed or already paid. `callbacks`: how
        many times the callback is posted (0: lost, 2: duplicated), each after `delay_s`."""
        now = datetime.now(UTC)
        with self.lock:
            qr = self.qrs.get(tr)
            if qr is None or qr.state(now) not in ("CREATED", "PENDING"):
                return False
            qr.status = outcome
            if outcome == "SUCCESS":
                self._utr += 1
                qr.utr = f"{now:%y%j}{self._utr:06d}"  # 12 digits, the shape of a UPI RRN/UTR
                qr.paid_at = now
                self.paid_monotonic[tr] = time.monotonic()
            payload = self._callback_body(qr)
        if callbacks:
            threading.Thread(
                target=self._post, args=(qr.callback_url, payload, callbacks, delay_s), daemon=True
            ).start()
        return True

    def _callback_body(self, qr: PspQr) -> bytes:
        return json.dumps({
            "tr": qr.tr, "status": qr.status, "amount_paise": qr.amount_paise, "utr": qr.utr,
            "payer_vpa": "payer@okbank" if qr.status == "SUCCESS" else "", "code": "00" if qr.utr else "U30",
            "paid_at": qr.paid_at.isoformat() if qr.paid_at else "",
        }).encode()  # fmt: skip

    def _post(self, url: str, body: bytes, times: int, delay_s: float) -> None:
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: psp_signature(self.secret, body)}
        for _ in range(times):
            time.sleep(delay_s)
            try:
                with urllib.request.urlopen(urllib.request.Request(url, body, headers), timeout=5) as answer:
                    answer.read()
            except OSError:
                pass  # a PSP retries on its own schedule; the server's status query covers the gap
            self.callbacks_sent += 1

    # -- the settlement file -----------------------------------------------------------------------
    def settlement_csv(self, day: str) -> str:
        """The PSP's settlement report for one IST day: every successful QR payment, as the bank credits it."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["utr", "tr", "amount_paise", "paid_at", "payee_vpa"])
        with self.lock:
            for qr in sorted(self.qrs.values(), key=lambda q: q.paid_at or datetime.min.replace(tzinfo=UTC)):
                if qr.status == "SUCCESS" and qr.paid_at and f"{qr.paid_at + IST:%Y-%m-%d}" == day:
                    amount = qr.amount_paise if qr.settle_amount_paise is None else qr.settle_amount_paise
                    writer.writerow([qr.utr, qr.tr, amount, qr.paid_at.isoformat(), qr.payee_vpa])
        return out.getvalue()

    # -- the API the server calls -------------------------------------------------------------------
    def register(self, body: dict[str, Any]) -> dict[str, Any]:
        qr = PspQr(str(body["tr"]), int(body["amount_paise"]), str(body["payee_vpa"]),
                   datetime.fromisoformat(str(body["expires_at"]).replace("Z", "+00:00")),
                   str(body["callback_url"]))  # fmt: skip
        with self.lock:
            known = self.qrs.setdefault(qr.tr, qr)  # a repeated registration finds the first
        if self.pay_after_s is not None and known is qr:
            timer = threading.Timer(self.pay_after_s, self.pay, args=(qr.tr,))
            timer.daemon = True
            timer.start()
        return self.describe(known.tr)

    def describe(self, tr: str) -> dict[str, Any]:
        with self.lock:
            qr = self.qrs.get(tr)
            if qr is None:
                return {"tr": tr, "status": "NOT_FOUND"}
            return {"tr": tr, "status": qr.state(datetime.now(UTC)), "utr": qr.utr, "amount_paise": qr.amount_paise}

    def close(self, tr: str) -> dict[str, Any]:
        """Close the QR so a late scan is refused; a QR already paid stays paid and says so."""
        with self.lock:
            qr = self.qrs.get(tr)
            if qr is not None and qr.state(datetime.now(UTC)) == "CREATED":
                qr.status = "CLOSED"
        return self.describe(tr)

    # -- serving ------------------------------------------------------------------------------------
    def start(self, port: int = 0) -> str:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.url

    @property
    def url(self) -> str:
        assert self.httpd is not None
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


def _handler(psp: PspEmulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: object, content_type: str = "application/json") -> None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _json(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length", "0") or 0)
            data = json.loads(self.rfile.read(length) or b"{}")
            return data if isinstance(data, dict) else {}

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/test/settlement":
                day = parse_qs(url.query).get("day", [""])[0]
                self._answer(200, psp.settlement_csv(day), "text/csv")
            elif url.path.startswith("/v1/qr/") and not psp.down:
                self._answer(200, psp.describe(url.path.removeprefix("/v1/qr/")))
            else:
                self._answer(503 if psp.down else 404, {"error": "unavailable" if psp.down else "not found"})

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            body = self._json()
            if path == "/test/pay":
                outcome, callbacks = str(body.get("outcome", "SUCCESS")), int(body.get("callbacks", 1))
                paid = psp.pay(str(body.get("tr", "")), outcome=outcome, callbacks=callbacks,
                               delay_s=float(body.get("delay_s", 0.0)))  # fmt: skip
                self._answer(200 if paid else 409, {"paid": paid})
            elif psp.down:
                self._answer(503, {"error": "PSP unavailable"})
            elif path == "/v1/qr":
                self._answer(200, psp.register(body))
            elif path.startswith("/v1/qr/") and path.endswith("/close"):
                self._answer(200, psp.close(path.removeprefix("/v1/qr/").removesuffix("/close")))
            else:
                self._answer(404, {"error": "not found"})

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="upi-psp-emulator", description=__doc__)
    parser.add_argument("--secret-file", required=True, help="the webhook secret shared with the server")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pay-after-s", type=float, default=None, help="pay every QR this long after it is made")
    args = parser.parse_args(argv)
    psp = PspEmulator(Path(args.secret_file).read_bytes().strip(), pay_after_s=args.pay_after_s)
    print(f"listening on {psp.start(args.port)}", flush=True)  # noqa: T201 - the address for the caller
    threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
