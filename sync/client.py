"""The agent's HTTP client: signs each request, gzips bodies, and distrusts every answer until it is checked."""

from __future__ import annotations

import gzip
import json
import logging
import secrets
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, TypeVar

import requests
import urllib3
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from kiosk.clock import Clock
from sync.backoff import parse_retry_after
from sync.protocol import API_PREFIX, MAX_INFLATED_BYTES, MAX_WIRE_BYTES
from sync.protocol.signing import sign_request

log = logging.getLogger("kiosk-agent")
M = TypeVar("M", bound=BaseModel)


class JsonBody(Protocol):
    def model_dump_json(self) -> str: ...


class SyncError(Exception):
    """Something went wrong talking to the server; nothing was marked, the work is retried later."""

    retry_after_s: float | None = None


class TransportError(SyncError):
    """No usable answer: network down, timeout, cut connection, 5xx, 429. Retry with backoff."""

    def __init__(self, message: str, retry_after_s: float | None = None, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
        self.timed_out = timed_out  # no answer in time (ours or, 504/408, the server's own upstream)


class Refusal(SyncError):
    """The server refused the request with a 4xx and a reason."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"server refused ({status}): {detail}")
        self.status = status
        self.detail = detail


class BadAnswer(SyncError):
    """The server answered something we cannot trust (not JSON, wrong types, too big, gzip bomb …)."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Client:
    def __init__(
        self,
        base_url: str,
        key: Ed25519PrivateKey,
        kiosk_id: str,
        clock: Clock,
        *,
        timeout_s: float = 10.0,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.kiosk_id = kiosk_id
        self.clock = clock
        self.timeout_s = timeout_s
        self.session = session or requests.Session()
        # Seconds to add to our clock when signing; learnt from the server when our clock is wrong.
        self.offset_s = 0.0
        self.wire_bytes_sent = 0

    def signing_time(self) -> float:
        return self.clock.now().timestamp() + self.offset_s

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        *,
        as_is: bool = False,
    ) -> Answer:
        """One signed exchange; retries once at once if the server says our clock is off.

        `as_is`: the body goes as it is (e.g. a JPEG chunk, which gzip does not shrink), its Content-Type in `headers`.
        """
        answer = self._exchange(method, path, body, headers or {}, as_is)
        if answer.status == 401 and b"stale request" in answer.body and self._learn_clock(answer):
            answer = self._exchange(method, path, body, headers or {}, as_is)
        if answer.status in (408, 429) or answer.status >= 500:
            raise TransportError(
                f"{method} {path}: server answered {answer.status}",
                parse_retry_after(answer.headers.get("retry-after")),
                timed_out=answer.status in (408, 504),
            )
        if answer.status >= 400:
            raise Refusal(answer.status, _detail(answer.body))
        return answer

    def _exchange(self, method: str, path: str, body: bytes | None, headers: dict[str, str], as_is: bool) -> Answer:
        full_path = API_PREFIX + path
        wire = (body if as_is else gzip.compress(body, compresslevel=6, mtime=0)) if body is not None else b""
        signed = sign_request(
            self.key, self.kiosk_id, method, full_path, int(self.signing_time()), secrets.token_hex(16), wire
        )
        send = {**headers, **signed}
        if body is not None and not as_is:
            send |= {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        try:
            response = self.session.request(
                method, self.base_url + full_path, data=wire if body is not None else None, headers=send,
                timeout=self.timeout_s, stream=True,
            )  # fmt: skip
            with response:
                raw = response.raw.read(MAX_WIRE_BYTES + 1, decode_content=False)
                status, answer_headers = response.status_code, {k.lower(): v for k, v in response.headers.items()}
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise TransportError(
                f"{method} {path}: {type(exc).__name__}: {str(exc)[:200]}", timed_out=isinstance(exc, requests.Timeout)
            ) from None
        self.wire_bytes_sent += len(wire) + sum(len(k) + len(v) + 4 for k, v in send.items()) + len(full_path) + 16
        if len(raw) > MAX_WIRE_BYTES:
            raise BadAnswer(f"{method} {path}: answer is over {MAX_WIRE_BYTES} bytes; ignored")
        return Answer(status, answer_headers, _inflate(raw, answer_headers.get("content-encoding", ""), path))

    def _learn_clock(self, answer: Answer) -> bool:
        date_text = answer.headers.get("date")
        if not date_text:
            return False
        try:
            server_now = parsedate_to_datetime(date_text).timestamp()
        except (TypeError, ValueError):
            return False
        offset = server_now - self.clock.now().timestamp()
        log.warning("our clock is %.0f s off the server's; signing with the server's time from now on", -offset)
        self.offset_s = offset
        return True

    def call(self, method: str, path: str, answer_model: type[M], body: JsonBody | None = None) -> M:
        payload = body.model_dump_json().encode("utf-8") if body is not None else None
        return parse_answer(answer_model, self.request(method, path, payload).body, f"{method} {path}")


def parse_answer(model: type[M], data: bytes, where: str) -> M:
    """Strictly validate an answer; a wrong answer is a BadAnswer naming the first problem."""
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(body)"
        raise BadAnswer(f"{where}: answer rejected: {model.__name__}.{field}: {first['msg']}") from None


def _inflate(raw: bytes, encoding: str, path: str) -> bytes:
    if encoding in ("", "identity"):
        return raw
    if encoding != "gzip":
        raise BadAnswer(f"{path}: answer has unsupported Content-Encoding {encoding[:20]!r}")
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(raw, MAX_INFLATED_BYTES)
    except zlib.error as exc:
        raise BadAnswer(f"{path}: answer is not valid gzip ({exc})") from None
    if inflater.unconsumed_tail:
        raise BadAnswer(f"{path}: answer inflates past {MAX_INFLATED_BYTES} bytes (gzip bomb); ignored")
    return data


def _detail(body: bytes) -> str:
    try:
        value: Any = json.loads(body)
        return str(value.get("detail", value))[:300] if isinstance(value, dict) else str(value)[:300]
    except ValueError:
        return body[:200].decode("utf-8", "replace")
