"""An RD service on loopback HTTP(S): the custom methods, structurally faithful XML, and the states a field sees."""

from __future__ import annotations

import base64
import enum
import os
import ssl
import tempfile
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import quoteattr

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.clock import Clock


class EmulatedState(enum.StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"
    USED = "used"  # another application holds the device
    TIMEOUT = "timeout"  # nobody put a finger on it
    POOR_QUALITY = "poor_quality"
    CERT_NEAR_EXPIRY = "cert_near_expiry"  # works, but its device certificate is about to run out
    HANG = "hang"  # CAPTURE is accepted and never answered


# Spelling differences seen between vendors; the driver must cope with all of them.
VENDORS = {
    "mantra": {
        "info_id": "DEVICEINFO",
        "info_path": "/rd/info",
        "capture_path": "/rd/capture",
        "extra": "additional_info",
    },
    "morpho": {
        "info_id": "INFO",
        "info_path": "/getDeviceInfo",
        "capture_path": "/127.0.0.1:11102/capture",
        "extra": "Additional_Info",
    },
}


def _certificate(
    common_name: str, not_after_days: float, clock: Clock
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = clock.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=365))
        .not_valid_after(now + timedelta(days=not_after_days))
        .sign(key, hashes.SHA256())
    )
    return cert, key


class RdServiceEmulator:
    """Start with .start(); .port is where it listens. Change .state, .latency_s and .capture_delay_s at any time."""

    def __init__(
        self,
        clock: Clock,
        *,
        port: int = 0,
        state: EmulatedState = EmulatedState.READY,
        vendor: str = "mantra",
        tls: bool = False,
        latency_s: float = 0.0,
        capture_delay_s: float = 0.0,
        cert_days: float = 400.0,
    ) -> None:
        self.clock = clock
        self.state = state
        self.vendor = VENDORS[vendor]
        self.latency_s = latency_s
        # A villager slow to place the finger: only CAPTURE waits, discovery stays quick (unlike latency_s).
        self.capture_delay_s = capture_delay_s
        self.captures = 0
        self._stop = threading.Event()
        days = 7.0 if state is EmulatedState.CERT_NEAR_EXPIRY else cert_days
        device_cert, _ = _certificate("MFS110 device 4711", days, clock)
        self.device_cert_b64 = base64.b64encode(device_cert.public_bytes(serialization.Encoding.DER)).decode()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self.server.daemon_threads = True
        self.tls = tls
        if tls:
            self.server.socket = self._tls_context().wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, name="rd-emulator", daemon=True)

    def _tls_context(self) -> ssl.SSLContext:
        cert, key = _certificate("127.0.0.1", 3650, self.clock)
        folder = Path(tempfile.mkdtemp(prefix="rd-emulator-tls-"))
        (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        (folder / "key.pem").write_bytes(pem)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
        return context

    def start(self) -> RdServiceEmulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> RdServiceEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- documents ------------------------------------------------------------------------------
    def rdservice_xml(self) -> bytes:
        status = {EmulatedState.NOT_READY: "NOTREADY", EmulatedState.USED: "USED"}.get(self.state, "READY")
        v = self.vendor
        return (
            f'<?xml version="1.0"?><RDService status="{status}" info="Emulated Mantra MFS110 RD">'
            f'<Interface id="{v["info_id"]}" path="{v["info_path"]}"/>'
            f'<Interface id="CAPTURE" path="{v["capture_path"]}"/></RDService>'
        ).encode()

    def device_info_xml(self) -> str:
        extra = self.vendor["extra"]
        return (
            f'<DeviceInfo dpId="MANTRA.MSIPL" rdsId="MANTRA.WIN.001" rdsVer="1.0.8" mi="MFS110"'
            f' dc="8f2a1c4e-5d6b-4a3f-9e8d-7c6b5a4f3e2d" mc={quoteattr(self.device_cert_b64)}>'
            f'<{extra}><Param name="srno" value="4711"/><Param name="sysid" value="EMU"/>'
            f'<Param name="ts" value="{self.clock.now().isoformat()}"/></{extra}></DeviceInfo>'
        )

    def pid_xml(self) -> bytes:
        errors = {
            EmulatedState.TIMEOUT: ("700", "Capture timed out"),
            EmulatedState.POOR_QUALITY: ("730", "Poor fingerprint quality, capture again"),
            EmulatedState.NOT_READY: ("720", "Device not ready"),
            EmulatedState.USED: ("710", "Device is in use by another application"),
        }
        if self.state in errors:
            code, info = errors[self.state]
            return (
                f'<?xml version="1.0"?><PidData><Resp errCode="{code}" errInfo="{info}" fCount="0" fType="2"'
                ' iCount="0" pCount="0" nmPoints="" qScore=""/></PidData>'
            ).encode()
        # Random bytes stand in for the encrypted session key, HMAC and PID: as opaque as the real ones.
        skey, hmac, data = (base64.b64encode(os.urandom(n)).decode() for n in (256, 48, 1024))
        expiry = (self.clock.now() + timedelta(days=700)).strftime("%Y%m%d")
        return (
            '<?xml version="1.0"?><PidData><Resp errCode="0" errInfo="Success." fCount="1" fType="2" iCount="0"'
            ' iType="0" pCount="0" pType="0" nmPoints="38" qScore="74"/>'
            f'{self.device_info_xml()}<Skey ci="{expiry}">{skey}</Skey><Hmac>{hmac}</Hmac>'
            f'<Data type="X">{data}</Data></PidData>'
        ).encode()


def _handler(emulator: RdServiceEmulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return  # the emulator is quiet; a real RD service logs nothing we could read either

        def _reply(self, body: bytes) -> None:
            if emulator.latency_s:
                time.sleep(emulator.latency_s)
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drain(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(min(length, 64 * 1024)) if length else b""

        def do_RDSERVICE(self) -> None:
            self._drain()
            self._reply(emulator.rdservice_xml())

        def do_DEVICEINFO(self) -> None:
            self._drain()
            self._reply(('<?xml version="1.0"?>' + emulator.device_info_xml()).encode())

        def do_CAPTURE(self) -> None:
            options = self._drain()
            if b"<PidOptions" not in options:
                self._reply(b'<PidData><Resp errCode="999" errInfo="Invalid PidOptions"/></PidData>')
                return
            emulator.captures += 1
            if emulator.capture_delay_s and emulator._stop.wait(emulator.capture_delay_s):
                return  # stopped while waiting
            if emulator.state is EmulatedState.HANG:
                emulator._stop.wait()  # a wedged vendor service: the socket stays open, nothing comes back
                return
            self._reply(emulator.pid_xml())

    return Handler
