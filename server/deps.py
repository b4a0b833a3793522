"""What every route module shares: the Service and settings behind a request, body parsing, kiosk signatures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError

from server.service import Kiosk, Refused, Service, now_utc
from sync.protocol import Problem

M = TypeVar("M", bound=BaseModel)
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 409, 413, 415, 422, 504)
}


@dataclass(frozen=True)
class Settings:
    """The serve options routes read (set once by create_app)."""

    aua_answer_delay_s: float = 0.0  # answer /aadhaar:auth this late, after deciding (tests of a slow AUA)
    public_url: str = ""  # the server's address as phones reach it ("" = the request's own)


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServiceDep = Annotated[Service, Depends(service_of)]
SettingsDep = Annotated[Settings, Depends(settings_of)]


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Describe a raw (possibly gzip) JSON body in the OpenAPI document."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def parse(model: type[M], data: bytes) -> M:
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(body)"
        raise Refused(422, f"{model.__name__}: {where}: {first['msg']}") from None


def json_answer(answer: BaseModel) -> Response:
    """Serialise once: the model was built and validated by us, so FastAPI need not check it again."""
    return Response(answer.model_dump_json(), media_type="application/json")


def authed(service: Service, tx: Any, request: Request, raw: bytes) -> Kiosk:
    """The kiosk whose signature the request carries, or Refused (401/409)."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    return service.authenticate(tx, headers, request.method, request.url.path, raw, now_utc())
