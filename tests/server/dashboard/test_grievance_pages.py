"""The officers' grievance pages over HTTP on the real server: each officer sees the grievances of their own area only,
forwards, notes and disposes with a reply; every action is in the history with the officer's name, and the kiosk then
sees the disposal and the reply but not the officers' notes."""

from __future__ import annotations

import uuid

import pytest
import requests

from kiosk.grievance import Complaint, GrievanceState
from sync.grievance_client import HttpGrievances
from tests.server.dashboard.harness import PASSWORD, csrf_of, login
from tests.sync.grievance_rig import add_officers, desk_of, placed_kiosk
from tests.sync.harness import ServerProcess

PLACES = {"RJ-JP-GRV-0101": ("Jaipur", "Chaksu"), "RJ-AL-GRV-0102": ("Alwar", "Tijara")}
OFFICERS = {"div.commissioner": ("division", None, None), "bdo.chaksu": ("block", "Jaipur", "Chaksu"),
            "collector.alwar": ("district", "Alwar", None)}  # fmt: skip


@pytest.fixture(scope="module")
def server(grievance_server: ServerProcess) -> ServerProcess:
    add_officers(grievance_server, PASSWORD, OFFICERS)
    return grievance_server  # shared by the grievance tests (tests/conftest.py, tests/sync/grievance_rig.py)


@pytest.fixture(scope="module")
def desks(server: ServerProcess) -> dict[str, HttpGrievances]:
    return {code: desk_of(placed_kiosk(server, code, *place)) for code, place in PLACES.items()}


def register(desk: HttpGrievances, text: str) -> str:
    answer = desk.register(Complaint(uuid.uuid4().hex, "energy", "no_supply", text, "9829011111"))
    assert isinstance(answer, GrievanceState), answer
    return answer.number


def act(session: requests.Session, server: ServerProcess, number: str, action: str, text: str) -> requests.Response:
    page = session.get(f"{server.url}/dash/grievances", timeout=10)  # any page of the session carries its token
    return session.post(f"{server.url}/dash/grievances/{number}/{action}", timeout=10, allow_redirects=False,
                        data={"text": text, "csrf": csrf_of(page.text)})  # fmt: skip


def test_a_block_officer_sees_only_the_grievances_of_the_block(server: ServerProcess,
                                                               desks: dict[str, HttpGrievances]) -> None:  # fmt: skip
    chaksu, tijara = register(desks["RJ-JP-GRV-0101"], "transformer burnt"), register(desks["RJ-AL-GRV-0102"], "x y")
    bdo = login(server, "bdo.chaksu")
    listing = bdo.get(server.url + "/dash/grievances", timeout=10).text
    assert chaksu in listing
    assert tijara not in listing
    assert bdo.get(f"{server.url}/dash/grievances/{tijara}", timeout=10).status_code == 404
    division = login(server, "div.commissioner").get(server.url + "/dash/grievances", timeout=10).text
    assert chaksu in division
    assert tijara in division
    collector = login(server, "collector.alwar")
    assert act(collector, server, chaksu, "note", "not mine").status_code == 404


def test_forward_note_and_disposal_are_audited_and_the_kiosk_sees_the_reply_not_the_note(
    server: ServerProcess, desks: dict[str, HttpGrievances]
) -> None:
    desk = desks["RJ-JP-GRV-0101"]
    number = register(desk, "no electricity in ward 4 for three days")
    bdo = login(server, "bdo.chaksu")
    page = bdo.get(f"{server.url}/dash/grievances/{number}", timeout=10).text
    assert "no electricity in ward 4" in page  # the officer reads the description
    assert "9829011111" not in page
    assert act(bdo, server, number, "assign", "JVVNL AEN Chaksu").status_code == 303
    assert act(bdo, server, number, "note", "lineman sent on 4 Dec").status_code == 303
    assert act(bdo, server, number, "dispose", "Transformer replaced; supply restored").status_code == 303
    page = bdo.get(f"{server.url}/dash/grievances/{number}", timeout=10).text
    assert page.split('id="history"')[1].count("Officer chaksu") == 3
    assert "lineman sent on 4 Dec" in page
    seen = desk.lookup(number)
    assert isinstance(seen, GrievanceState)
    assert seen.status == "disposed"
    assert seen.pending_with == "JVVNL AEN Chaksu"
    assert seen.reply == "Transformer replaced; supply restored"
    assert [s.kind for s in seen.history] == ["registered", "assigned", "disposed"]
    assert "lineman" not in repr(seen)
    again = act(bdo, server, number, "note", "after disposal")
    assert again.status_code == 400
    assert "already disposed" in again.text


def test_an_empty_or_oversized_action_is_refused_and_changes_nothing(
    server: ServerProcess, desks: dict[str, HttpGrievances]
) -> None:
    number = register(desks["RJ-JP-GRV-0101"], "street light")
    bdo = login(server, "bdo.chaksu")
    assert act(bdo, server, number, "assign", "   ").status_code == 400
    assert act(bdo, server, number, "dispose", "x" * 1001).status_code == 400
    seen = desks["RJ-JP-GRV-0101"].lookup(number)
    assert isinstance(seen, GrievanceState)
    assert [s.kind for s in seen.history] == ["registered"]


def test_the_pages_speak_hindi_first_and_english_on_request(server: ServerProcess) -> None:
    bdo = login(server, "bdo.chaksu")
    assert "शिकायतें" in bdo.get(server.url + "/dash/grievances", timeout=10).text
    bdo.get(server.url + "/dash/lang/en", timeout=10)
    english = bdo.get(server.url + "/dash/grievances", timeout=10).text
    assert "Grievances" in english
    assert "Pending with" in english


def test_both_languages_have_the_same_words() -> None:
    from server.grievance_words import EN, HI

    assert HI.keys() == EN.keys()
    assert all(HI.values())
    assert all(EN.values())
