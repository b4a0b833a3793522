"""The dashboard over HTTP against the real server process: scopes, sessions, CSRF, and bad input."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from collections.abc import Iterator

import pytest
import requests

from tests.server.conftest import enrol_key
from tests.server.dashboard.harness import PASSWORD, csrf_of, fleet_server, login, rows
from tests.sync.harness import ServerProcess, wait_until


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = fleet_server(tmp_path_factory.mktemp("fleet"))
    yield process
    process.stop()


def codes_in(page: str) -> set[str]:
    return set(re.findall(r'href="/dash/k/([A-Z0-9-]+)"', page))


def block_codes(server: ServerProcess, district: str, block: str) -> set[str]:
    found = rows(server.db, "SELECT code FROM dash_sites WHERE district = ? AND block = ?", (district, block))
    return {str(r[0]) for r in found}


def test_pages_need_a_login_and_a_wrong_password_is_refused(server: ServerProcess) -> None:
    answer = requests.get(server.url + "/dash/d/Jaipur", timeout=10, allow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/dash/login?next=%2Fdash%2Fd%2FJaipur"
    with pytest.raises(AssertionError):
        login(server, "bdo.chaksu", "not-the-password")
    session = requests.Session()
    csrf = csrf_of(session.get(server.url + "/dash/login", timeout=10).text)
    wrong = session.post(server.url + "/dash/login", data={"username": "bdo.chaksu", "password": "x" * 12,
                                                           "csrf": csrf}, timeout=10)  # fmt: skip
    assert wrong.status_code == 401
    assert "उपयोगकर्ता नाम या पासवर्ड गलत है" in wrong.text


def test_a_login_post_without_the_forms_csrf_token_is_refused(server: ServerProcess) -> None:
    answer = requests.post(server.url + "/dash/login", data={"username": "bdo.chaksu", "password": PASSWORD},
                           timeout=10, allow_redirects=False)  # fmt: skip
    assert answer.status_code == 403
    assert "CSRF" in answer.text
    assert "dash_session" not in answer.headers.get("set-cookie", "")


def test_a_block_officer_sees_only_their_block(server: ServerProcess) -> None:
    officer = login(server, "bdo.chaksu")
    home = officer.get(server.url + "/dash/", timeout=10)
    assert home.url.endswith("/dash/d/Jaipur/Chaksu")
    own = block_codes(server, "Jaipur", "Chaksu")
    assert own
    assert codes_in(home.text) == own
    other = sorted(block_codes(server, "Jaipur", "Amer"))[0]
    centre = str(rows(server.db, "SELECT centre FROM dash_sites WHERE code = ?", (other,))[0][0])
    assert officer.get(server.url + "/dash/report/Jaipur", timeout=10).status_code == 403
    for path in (f"/dash/k/{other}", "/dash/d/Jaipur/Amer", "/dash/d/Alwar", "/dash/report/Jaipur/Amer"):
        answer = officer.get(server.url + path, timeout=10)
        assert answer.status_code == 404, path
        assert centre not in answer.text  # the URL is echoed back; nothing about the machine is
    # Another block and a block that does not exist answer alike: no way to probe what exists elsewhere.
    real, unreal = (officer.get(server.url + f"/dash/d/Jaipur/{b}", timeout=10).text for b in ("Amer", "Zzzz"))
    assert real.replace("Amer", "Zzzz") == unreal
    alerts = officer.get(server.url + "/dash/alerts", timeout=10).text
    assert codes_in(alerts) <= own
    found = officer.get(server.url + "/dash/search", params={"q": "RJ-"}, timeout=10).text
    assert codes_in(found) == own


def test_a_district_officer_drills_into_blocks_of_their_district_only(server: ServerProcess) -> None:
    officer = login(server, "collector.alwar")
    page = officer.get(server.url + "/dash/", timeout=10)
    assert page.url.endswith("/dash/d/Alwar")
    blocks = set(re.findall(r'href="/dash/d/Alwar/([^"?]+)"', page.text))
    assert "Tijara" in blocks
    assert officer.get(server.url + "/dash/d/Jaipur", timeout=10).status_code == 404


def test_division_totals_match_the_database(server: ServerProcess) -> None:
    page = login(server, "div.commissioner").get(server.url + "/dash/", params={"sort": "installed", "desc": "1"},
                                                 timeout=10).text  # fmt: skip
    total = re.search(r'<tr class="total"><td>कुल</td><td class="n">(\d+)</td>', page)
    assert total
    assert int(total[1]) == rows(server.db, "SELECT count(*) FROM dash_sites")[0][0]
    order = re.findall(r'<td><a href="/dash/d/([A-Za-z]+)">', page)
    assert order[0] == "Jaipur"  # most machines first
    assert len(page.encode()) < 300_000


def test_pages_travel_gzipped_to_browsers_that_accept_it(server: ServerProcess) -> None:
    officer = login(server, "div.commissioner")
    plain = officer.get(server.url + "/dash/", headers={"Accept-Encoding": "identity"}, timeout=10)
    squeezed = officer.get(server.url + "/dash/", headers={"Accept-Encoding": "gzip"}, timeout=10, stream=True)
    wire = squeezed.raw.read(decode_content=False)
    assert "content-encoding" not in plain.headers
    assert squeezed.headers["content-encoding"] == "gzip"
    assert len(wire) * 3 < len(plain.content)
    assert gzip.decompress(wire) == plain.content


def test_kiosk_credentials_cannot_read_pages_and_an_officer_session_cannot_post_as_a_kiosk(
    server: ServerProcess,
) -> None:
    officer = login(server, "div.commissioner")
    kiosk_headers = {"X-Kiosk-Id": "k-gen00001", "X-Timestamp": "1", "X-Nonce": "0" * 16, "X-Signature": "x"}
    answer = officer.get(server.url + "/dash/", headers=kiosk_headers, timeout=10)
    assert answer.status_code == 403
    assert "kiosk credentials cannot read the dashboard" in answer.text
    beat = officer.post(server.url + "/api/v1/heartbeat", json={"agent_version": "1"}, timeout=10)
    assert beat.status_code == 401
    assert "unsigned request" in beat.json()["detail"]


def test_logout_needs_the_sessions_csrf_token_and_ends_the_session(server: ServerProcess) -> None:
    officer = login(server, "bdo.chaksu")
    page = officer.get(server.url + "/dash/", timeout=10).text
    assert officer.post(server.url + "/dash/logout", data={"csrf": "forged"}, timeout=10).status_code == 403
    assert officer.get(server.url + "/dash/alerts", timeout=10, allow_redirects=False).status_code == 200
    done = officer.post(server.url + "/dash/logout", data={"csrf": csrf_of(page)}, timeout=10, allow_redirects=False)
    assert done.status_code == 303
    assert officer.get(server.url + "/dash/alerts", timeout=10, allow_redirects=False).status_code == 303


@pytest.mark.parametrize("text", ["' OR 1=1 --", "%", "_", "<script>alert(1)</script>", "x\\"])
def test_search_text_is_matched_literally_and_shown_escaped(server: ServerProcess, text: str) -> None:
    page = login(server, "div.commissioner").get(server.url + "/dash/search", params={"q": text}, timeout=10)
    assert page.status_code == 200
    assert codes_in(page.text) == set()
    assert "<script>alert" not in page.text


def test_bad_urls_get_clear_pages_without_stack_traces(server: ServerProcess) -> None:
    officer = login(server, "div.commissioner")
    cases = {
        "/dash/d/Atlantis": (404, "no district 'Atlantis'"), "/dash/d/Jaipur/Atlantis": (404, "block 'Atlantis'"),
        "/dash/k/RJ-NOPE-0001": (404, "no machine 'RJ-NOPE-0001'"),
        "/dash/report/Jaipur?month=2026-13": (400, "not YYYY-MM"),
        "/dash/report/Jaipur?month=1990-01": (400, "months back"),
        "/dash/report/Jaipur?format=xlsx": (400, "format must be html or csv"),
        "/dash/k/RJ-JAI-0000?days=lots": (400, "days must be a whole number"),
        "/dash/d/" + "x" * 500: (400, "1-80 printable characters"),
    }  # fmt: skip
    for path, (status, words) in cases.items():
        answer = officer.get(server.url + path, timeout=10)
        assert (answer.status_code, words in answer.text.replace("&#39;", "'")) == (status, True), path
        assert "Traceback" not in answer.text
        assert answer.headers["content-type"].startswith("text/html")


def test_a_huge_date_range_is_clamped_to_ninety_days(server: ServerProcess) -> None:
    code = sorted(block_codes(server, "Jaipur", "Chaksu"))[0]
    page = login(server, "div.commissioner").get(server.url + f"/dash/k/{code}", params={"days": "99999999"},
                                                 timeout=10).text  # fmt: skip
    assert 'name="days" type="number" min="1" max="90" value="90"' in page


def test_a_kiosk_reporting_a_position_in_the_sea_is_flagged(server: ServerProcess) -> None:
    code = str(rows(server.db, "SELECT code FROM dash_sites WHERE kiosk_id = 'k-gen00005'")[0][0])
    officer = login(server, "div.commissioner")
    page = officer.get(server.url + f"/dash/k/{code}", timeout=10).text
    assert 'id="outside"' in page
    alerts = officer.get(server.url + "/dash/alerts", timeout=10).text
    assert re.search(rf"/dash/k/{code}\">{code}</a>.*?राजस्थान में नहीं", alerts)
    assert 'id="outside">1 ×' in officer.get(server.url + "/dash/", timeout=10).text


def test_a_real_kiosks_events_and_heartbeat_reach_its_machine_page(server: ServerProcess) -> None:
    kiosk = enrol_key(server, "RJ-JAI-9001")
    site = {"district": "Jaipur", "block": "Chaksu", "gram_panchayat": "Kotkhawda", "centre": "RGSK Kotkhawda",
            "nodal_officer": "BDO Chaksu", "hours": {"mon": "09:00-18:00"}, "subject": "kiosk"}  # fmt: skip
    items = [{"seq": 1, "uuid": "00000000-0000-4000-8000-000000000001", "kind": "kiosk.provisioned",
              "occurred_at": "2026-11-01T04:00:00Z", "payload": site},
             {"seq": 2, "uuid": "00000000-0000-4000-8000-000000000002", "kind": "txn.paid",
              "occurred_at": "2026-11-02T05:00:00Z", "payload": {"subject": "T1", "amount_paid": 45_600}}]  # fmt: skip
    assert kiosk.send("POST", "/api/v1/events:batch", {"items": items}).json()["high_water"] == 2
    beat = {"agent_version": "1", "app_version": "1", "boot_id": "b", "uptime_s": 5.0, "last_seq": 2,
            "outbox_depth": 0, "quarantined": 0, "disk_free_bytes": 10,
            "devices": {"printer": "paper_out"}}  # fmt: skip
    assert kiosk.send("POST", "/api/v1/heartbeat", beat).status_code == 200
    officer = login(server, "bdo.chaksu")

    def shown() -> bool:
        page = officer.get(server.url + "/dash/k/RJ-JAI-9001", params={"days": "90"}, timeout=10).text
        return "2026-11-02" in page and "456.00" in page and "paper_out" in page

    wait_until(shown, 30, "the kiosk's payment and heartbeat on its machine page")
    assert "RJ-JAI-9001" in codes_in(officer.get(server.url + "/dash/", timeout=10).text)


def test_an_enrolled_machine_without_a_place_is_counted_until_it_is_placed(server: ServerProcess) -> None:
    enrol_key(server, "RJ-NEW-0001")
    officer = login(server, "div.commissioner")
    unplaced = re.search(r'id="unplaced">(\d+) ', officer.get(server.url + "/dash/", timeout=10).text)
    assert unplaced
    assert int(unplaced[1]) >= 1
    server.admin("admin", "place", "RJ-NEW-0001", "--district", "Jaipur", "--block", "Chaksu", "--centre", "RGSK New",
                 "--hours", '{"mon": "09:00-18:00"}')  # fmt: skip
    assert "RJ-NEW-0001" in codes_in(login(server, "bdo.chaksu").get(server.url + "/dash/", timeout=10).text)
    page = officer.get(server.url + "/dash/", timeout=10).text
    assert f'id="unplaced">{int(unplaced[1])} ' not in page
    with pytest.raises(RuntimeError, match="--hours must be a JSON object"):
        server.admin("admin", "place", "RJ-NEW-0001", "--district", "Jaipur", "--block", "Chaksu", "--hours", "[]")
    with pytest.raises(RuntimeError, match="no kiosk RJ-NONE-0001"):
        server.admin("admin", "place", "RJ-NONE-0001", "--district", "Jaipur", "--block", "Chaksu")


@pytest.mark.parametrize(("args", "problem"), [
    (["x", "--role", "block", "--district", "Jaipur"], "username 'x'"),
    (["bdo.phagi", "--role", "block", "--district", "Jaipur"], "a block officer needs --block"),
    (["collector.x", "--role", "district"], "a district officer needs --district"),
    (["bdo.chaksu", "--role", "block", "--district", "Jaipur", "--block", "Chaksu"], "already exists"),
])  # fmt: skip
def test_adding_an_officer_with_bad_input_says_what_is_wrong(
    server: ServerProcess, args: list[str], problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASH_PASSWORD", PASSWORD)
    with pytest.raises(RuntimeError, match=re.escape(problem)):
        server.admin("admin", "add-officer", *args)


def test_an_officer_password_must_come_from_the_environment_or_a_terminal(server: ServerProcess) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DASH_PASSWORD"}
    command = server.command("admin", "add-officer", "bdo.phagi", "--role", "block", "--district", "Jaipur")
    done = subprocess.run(
        [*command, "--block", "Phagi"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "set DASH_PASSWORD" in done.stderr


def test_after_five_wrong_passwords_even_the_right_one_waits(server: ServerProcess) -> None:
    session = requests.Session()
    for attempt in range(6):
        csrf = csrf_of(session.get(server.url + "/dash/login", timeout=10).text)
        form = {"username": "bdo.tijara", "password": f"guess-{attempt:04d}", "csrf": csrf}
        answer = session.post(server.url + "/dash/login", data=form, timeout=10, allow_redirects=False)
        assert answer.status_code == (401 if attempt < 5 else 429), attempt
    csrf = csrf_of(session.get(server.url + "/dash/login", timeout=10).text)
    right = session.post(server.url + "/dash/login", timeout=10, allow_redirects=False,
                         data={"username": "bdo.tijara", "password": PASSWORD, "csrf": csrf})  # fmt: skip
    assert right.status_code == 429
    assert "बहुत अधिक गलत प्रयास" in right.text
    assert "dash_session" not in right.headers.get("set-cookie", "")
