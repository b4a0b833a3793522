"""The RD service client: finds the service on loopback, reads DEVICEINFO, captures one PID at a time."""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from drivers.biometric.rdservice.codec import (
    MAX_REPLY_BYTES,
    MESSAGES,
    DeviceInfo,
    Problem,
    RdProtocolError,
    RdServiceAd,
    RdStatus,
    build_pid_options,
    classify_error,
    parse_device_info,
    parse_pid_data,
    parse_rdservice,
)
from kiosk.clock import Clock
from kiosk.devices.biometric import (
    BiometricInfo,
    BiometricStatus,
    CaptureFailed,
    CaptureOk,
    CaptureRequest,
    CaptureResult,
    PidBlock,
)
from kiosk.devices.common import DeviceHealth

log = logging.getLogger(__name__)

DEFAULT_PORTS = tuple(range(11100, 11121))
_STATUS = {RdStatus.READY: BiometricStatus.READY, RdStatus.NOTREADY: BiometricStatus.NOT_READY}


class RdTransportError(OSError):
    """Nothing usable came back from a port (refused, silent, reset, wrong protocol)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    scheme: str  # "http" or "https"
    port: int
    ad: RdServiceAd


def _tls_context() -> ssl.SSLContext:
    # RD services that use TLS on loopback present the vendor's self-signed certificate: there is no CA to check
    # against, and the traffic never leaves 127.0.0.1, so the certificate is accepted as is.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def rd_request(
    host: str, port: int, scheme: str, method: str, path: str, body: bytes | None, timeout: float
) -> tuple[int, bytes]:
    """One custom-method HTTP request (RDSERVICE, DEVICEINFO, CAPTURE) with a bounded reply."""
    conn: http.client.HTTPConnection
    if scheme == "https":
        conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=_tls_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    headers = {"Content-Type": "text/xml", "Accept": "text/xml"}
    try:
        conn.request(method, path or "/", body=body, headers=headers)
        response = conn.getresponse()
        data = response.read(MAX_REPLY_BYTES + 1)
        return response.status, data
    except (OSError, http.client.HTTPException) as exc:
        raise RdTransportError(f"{scheme}://{host}:{port}{path}: {type(exc).__name__}: {exc}") from None
    finally:
        conn.close()


class RdServiceReader:
    """Implements kiosk.devices.biometric.BiometricReader against a UIDAI RD service on loopback HTTP(S)."""

    def __init__(
        self,
        clock: Clock,
        *,
        host: str = "127.0.0.1",
        ports: Sequence[int] = DEFAULT_PORTS,
        probe_timeout_s: float = 0.4,
        capture_grace_s: float = 5.0,
        try_https: bool = True,
        certificate_warn_days: int = 30,
    ) -> None:
        if not ports:
            raise ValueError("RD service: at least one port to probe is needed")
        self.clock = clock
        self.host = host
        self.ports = tuple(ports)
        self.probe_timeout_s = probe_timeout_s
        self.capture_grace_s = capture_grace_s
        self.try_https = try_https
        self.certificate_warn_days = certificate_warn_days
        self._lock = threading.Lock()  # one capture at a time; the RD service itself allows only one
        self._endpoint: Endpoint | None = None
        self._device: DeviceInfo | None = None
        self._last_status = BiometricStatus.NOT_FOUND
        self._last_detail = "not discovered yet"

    # -- discovery ------------------------------------------------------------------------------
    def _probe(self, port: int) -> Endpoint | None:
        schemes = ("http", "https") if self.try_https else ("http",)
        for scheme in schemes:
            where = f"{scheme}://{self.host}:{port}/"
            try:
                status, body = rd_request(self.host, port, scheme, "RDSERVICE", "/", None, self.probe_timeout_s)
            except RdTransportError as exc:
                if isinstance(exc.__context__, ConnectionRefusedError) or "Refused" in str(exc):
                    return None  # nothing listens: https on the same port will not help
                continue
            if status != 200:
                continue
            try:
                return Endpoint(scheme, port, parse_rdservice(body, where))
            except RdProtocolError as exc:
                log.info("port %d is not an RD service: %s", port, exc)
                return None
        return None

    def find_endpoint(self) -> Endpoint | None:
        """Probe every port at once; the first READY service wins, else the lowest port that answered."""
        found: list[Endpoint] = []
        pool = ThreadPoolExecutor(max_workers=min(len(self.ports), 32), thread_name_prefix="rd-probe")
        try:
            pending: set[Future[Endpoint | None]] = {pool.submit(self._probe, p) for p in self.ports}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    endpoint = future.result()
                    if endpoint is None:
                        continue
                    if endpoint.ad.status is RdStatus.READY:
                        return endpoint  # silent ports may still be waiting out their timeout: do not wait
                    found.append(endpoint)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return min(found, key=lambda e: e.port) if found else None

    def discover(self) -> BiometricInfo | None:
        endpoint = self.find_endpoint()
        self._endpoint = endpoint
        if endpoint is None:
            self._set(BiometricStatus.NOT_FOUND, f"no RD service on {self.host} ports {self.ports[0]}-{self.ports[-1]}")
            return None
        self._set(_STATUS.get(endpoint.ad.status, BiometricStatus.IN_USE), endpoint.ad.info)
        self._device = self._read_device_info(endpoint)
        return self.info()

    def _read_device_info(self, endpoint: Endpoint) -> DeviceInfo | None:
        if not endpoint.ad.info_path:
            return None
        where = f"{endpoint.scheme}://{self.host}:{endpoint.port}{endpoint.ad.info_path}"
        try:
            _, body = rd_request(
                self.host, endpoint.port, endpoint.scheme, "DEVICEINFO", endpoint.ad.info_path, None, 2.0
            )
            return parse_device_info(body, where)
        except (RdTransportError, RdProtocolError) as exc:
            log.warning("DEVICEINFO failed: %s", exc)
            return None

    def info(self) -> BiometricInfo | None:
        device = self._device
        if device is None:
            return None
        expiry = device.certificate_expiry.date().isoformat() if device.certificate_expiry else None
        return BiometricInfo(device.rds_id, device.rds_ver, device.model, device.dp_id, expiry)

    # -- status and capture ---------------------------------------------------------------------
    def _set(self, status: BiometricStatus, detail: str) -> None:
        self._last_status, self._last_detail = status, detail

    def status(self) -> BiometricStatus:
        endpoint = self._endpoint
        if endpoint is None:
            self.discover()
            return self._last_status
        where = f"{endpoint.scheme}://{self.host}:{endpoint.port}/"
        try:
            _, body = rd_request(self.host, endpoint.port, endpoint.scheme, "RDSERVICE", "/", None, 2.0)
            ad = parse_rdservice(body, where)
        except (RdTransportError, RdProtocolError):
            self.discover()  # the service moved port or restarted
            return self._last_status
        self._endpoint = Endpoint(endpoint.scheme, endpoint.port, ad)
        self._set(_STATUS.get(ad.status, BiometricStatus.IN_USE), ad.info)
        return self._last_status

    def capture(self, request: CaptureRequest) -> CaptureResult:
        with self._lock:
            status = self.status()
            if status is not BiometricStatus.READY:
                self.discover()  # NOTREADY/USED: another RD service (a second reader) may be ready
                status = self._last_status
            endpoint = self._endpoint
            if endpoint is None or status is not BiometricStatus.READY:
                problem = {BiometricStatus.IN_USE: Problem.IN_USE, BiometricStatus.NOT_READY: Problem.NOT_READY}
                return _failed(problem.get(status, Problem.NOT_FOUND), status.value)
            return self._capture_at(endpoint, request)

    def _capture_at(self, endpoint: Endpoint, request: CaptureRequest) -> CaptureResult:
        where = f"{endpoint.scheme}://{self.host}:{endpoint.port}{endpoint.ad.capture_path}"
        timeout = request.timeout_ms / 1000 + self.capture_grace_s
        try:
            _, body = rd_request(
                self.host,
                endpoint.port,
                endpoint.scheme,
                "CAPTURE",
                endpoint.ad.capture_path,
                build_pid_options(request),
                timeout,
            )
        except RdTransportError as exc:
            hung = isinstance(exc.__context__, TimeoutError | socket.timeout) or "timed out" in str(exc)
            log.warning("CAPTURE at port %d failed: %s", endpoint.port, "no answer in time" if hung else "transport")
            self._endpoint = None
            self._set(BiometricStatus.ERROR, "RD service did not answer CAPTURE" if hung else "RD service went away")
            return _failed(Problem.NOT_READY, "rd_no_answer" if hung else "rd_transport")
        try:
            parsed = parse_pid_data(body, where)
        except RdProtocolError as exc:
            log.warning("CAPTURE reply refused: %s", exc)
            return _failed(Problem.OTHER, "rd_bad_reply")
        if parsed.err_code != "0":
            problem = classify_error(parsed.err_code, parsed.err_info)
            log.info("capture failed: errCode %s (%s)", parsed.err_code, problem.value)
            return _failed(problem, parsed.err_code)
        if not parsed.has_pid:
            return _failed(Problem.OTHER, "rd_empty_pid")
        return CaptureOk(PidBlock(body), parsed.quality)

    def health(self) -> DeviceHealth:
        status = self._last_status
        detail = self._last_detail
        device = self._device
        ok = status is BiometricStatus.READY
        if device is not None:
            detail = f"{device.rds_id} {device.rds_ver} {device.model}".strip()
            if device.certificate_expiry is not None:
                days = (device.certificate_expiry - self.clock.now()).days
                if days < 0:
                    ok = False
                    detail += f"; device certificate EXPIRED {-days} days ago"
                elif days <= self.certificate_warn_days:
                    detail += f"; device certificate expires in {days} days — renew the RD service"
        return DeviceHealth("biometric", status.value, ok, detail)


def _failed(problem: Problem, code: str) -> CaptureFailed:
    hindi, english, retry = MESSAGES[problem]
    return CaptureFailed(code=f"{problem.value}:{code}", message_hi=hindi, message_en=english, retry=retry)


def build(params: Mapping[str, Any], clock: Clock) -> RdServiceReader:
    """Entry point `biometric.rdservice`: params host, first_port, last_port, probe_timeout_s, try_https."""
    first = int(params.get("first_port", 11100))
    last = int(params.get("last_port", 11120))
    if not 1 <= first <= last <= 65535:
        raise ValueError(f"[devices.biometric] ports {first}-{last}: expected 1 <= first_port <= last_port <= 65535")
    return RdServiceReader(
        clock,
        host=str(params.get("host", "127.0.0.1")),
        ports=tuple(range(first, last + 1)),
        probe_timeout_s=float(params.get("probe_timeout_s", 0.4)),
        try_https=bool(params.get("try_https", True)),
    )
