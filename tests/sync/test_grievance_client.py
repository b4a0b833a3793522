"""The kiosk's grievance client against the real reference server process: one grievance per kiosk request id, its
history with the office it is pending with, lookups that never hand out the text or the mobile number, reminders at
most once a week, feedback only after disposal."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.grievance import Complaint, GrievanceState, Refused, TooSoon
from kiosk.online import NotFound
from server import grievance_store
from server.db import Database
from sync.grievance_client import HttpGrievances, departments
from tests.sync.grievance_rig import desk_of, placed_kiosk
from tests.sync.harness import ServerProcess

MOBILE = "9829012345"
SECRET_TEXT = "handpump near the school broken since Diwali"


@pytest.fixture(scope="module")
def server(grievance_server: ServerProcess) -> ServerProcess:
    return grievance_server  # shared by the grievance tests (tests/conftest.py, tests/sync/grievance_rig.py)


@pytest.fixture(scope="module")
def desk(server: ServerProcess) -> HttpGrievances:
    return desk_of(placed_kiosk(server, "RJ-JP-GRV-0001", "Jaipur", "Chaksu"))


def complaint(request_id: str | None = None, mobile: str = MOBILE, text: str = SECRET_TEXT) -> Complaint:
    return Complaint(request_id or uuid.uuid4().hex, "phed", "no_water", text, mobile, (("ab" * 32, "photo"),))


def registered(desk: HttpGrievances, **kwargs: str) -> GrievanceState:
    answer = desk.register(complaint(**kwargs))
    assert isinstance(answer, GrievanceState), answer
    return answer


def sms_file(server: ServerProcess) -> Path:
    return Path(server.db).parent / "sms.jsonl"


def officer_disposes(server: ServerProcess, number: str) -> None:
    db = Database("sqlite:///" + server.db)
    try:
        with db.tx() as tx:
            grievance_store.dispose(tx, "Officer Meena", number, "Handpump repaired on 3 Dec", datetime.now(UTC))
    finally:
        db.close()


def test_registering_the_same_request_twice_gives_one_grievance_pending_with_the_district_office(
    desk: HttpGrievances,
) -> None:
    request_id = uuid.uuid4().hex
    first, again = registered(desk, request_id=request_id), registered(desk, request_id=request_id)
    assert again.number == first.number
    assert first.number.startswith("RJ")
    assert len(first.number) == 14
    assert first.status == "pending"
    assert first.pending_with == "Water supply (PHED) office, Jaipur"
    assert [s.kind for s in first.history] == ["registered"]
    assert first.mobile_masked.endswith("2345")
    assert MOBILE not in repr(first)


def test_the_number_goes_to_the_mobile_by_sms_once(desk: HttpGrievances, server: ServerProcess) -> None:
    request_id = uuid.uuid4().hex
    first, again = registered(desk, request_id=request_id), registered(desk, request_id=request_id)
    assert first.sms_sent
    assert again.sms_sent
    sent = [json.loads(line) for line in sms_file(server).read_text(encoding="utf-8").splitlines()]
    mine = [m for m in sent if first.number in m["text"]]
    assert len(mine) == 1
    assert mine[0]["to"] == "XXXXXX2345"


def test_the_same_request_id_for_another_grievance_is_refused(desk: HttpGrievances) -> None:
    request_id = uuid.uuid4().hex
    registered(desk, request_id=request_id)
    assert isinstance(desk.register(complaint(request_id, text="another complaint")), Refused)


def test_a_category_of_another_department_is_refused_with_its_name(desk: HttpGrievances) -> None:
    wrong = Complaint(uuid.uuid4().hex, "phed", "pension", "text", MOBILE)
    answer = desk.register(wrong)
    assert isinstance(answer, Refused)
    assert "pension" in answer.detail


def test_lookup_by_number_shows_status_but_never_the_description(desk: HttpGrievances) -> None:
    number = registered(desk).number
    found = desk.lookup(number)
    assert isinstance(found, GrievanceState)
    assert found.number == number
    assert SECRET_TEXT not in repr(found)
    assert isinstance(desk.lookup("RJ000000000000"), NotFound)
    assert isinstance(desk.lookup("nonsense"), NotFound)


def test_lookup_by_mobile_hints_at_each_grievance_without_its_full_number(desk: HttpGrievances) -> None:
    own = "9414000001"
    numbers = {registered(desk, mobile=own).number for _ in range(2)}
    hints = desk.by_mobile(own)
    assert isinstance(hints, tuple)
    assert len(hints) == 2
    assert {h.number_hint[-4:] for h in hints} == {n[-4:] for n in numbers}
    assert not any(n in repr(hints) for n in numbers)
    assert desk.by_mobile("9414000002") == ()


def test_a_second_reminder_within_a_week_is_refused_with_the_date_it_is_allowed(desk: HttpGrievances) -> None:
    number = registered(desk).number
    first_id = uuid.uuid4().hex
    reminded = desk.remind(number, first_id)
    assert isinstance(reminded, GrievanceState)
    assert [s.kind for s in reminded.history] == ["registered", "reminder"]
    assert desk.remind(number, first_id) == desk.lookup(number)  # the same reminder resent: no second one
    too_soon = desk.remind(number, uuid.uuid4().hex)
    assert isinstance(too_soon, TooSoon)
    assert too_soon.after == reminded.remind_after
    assert datetime.fromisoformat(too_soon.after) > datetime.now(UTC)


def test_feedback_waits_for_disposal_and_is_taken_once(desk: HttpGrievances, server: ServerProcess) -> None:
    number = registered(desk).number
    assert isinstance(desk.feedback(number, uuid.uuid4().hex, 4, "ok"), Refused)
    officer_disposes(server, number)
    given = desk.feedback(number, uuid.uuid4().hex, 4, "fixed quickly")
    assert isinstance(given, GrievanceState)
    assert given.feedback_rating == 4
    assert given.status == "disposed"
    assert given.reply == "Handpump repaired on 3 Dec"
    assert [s.kind for s in given.history] == ["registered", "disposed", "feedback"]
    assert isinstance(desk.feedback(number, uuid.uuid4().hex, 1, "again"), Refused)
    assert isinstance(desk.remind(number, uuid.uuid4().hex), Refused)


def test_the_server_keeps_no_mobile_number_and_logs_no_description(desk: HttpGrievances, server: ServerProcess,
                                                                   ) -> None:  # fmt: skip
    registered(desk)
    for path in [Path(server.db), Path(server.db + "-wal"), server.log_path, sms_file(server)]:
        data = path.read_bytes() if path.exists() else b""
        assert MOBILE.encode() not in data, path
    assert SECRET_TEXT.encode() not in server.log_path.read_bytes()


def test_the_departments_offered_are_the_ones_the_server_accepts() -> None:
    assert {d.code for d in departments()} >= {"energy", "phed", "revenue"}
    assert all(d.name_hi and d.name_en and d.categories for d in departments())
