import contextlib
import io
import json
import re
import tomllib
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.config import load_config
from kiosk.journal import verify_journal
from kiosk.store import Store
from provisioning.answers import AnswersError, load_answers, parse_answers
from provisioning.cli import main
from provisioning.provision import Context, run
from sync.identity import SyncState

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "provision-answers.toml"


def provision(root: Path, answers: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["provision", "--answers", str(answers), "--root", str(root)], out)
    return code, out.getvalue()


def test_provisioning_writes_config_database_geotag_enrols_and_installs(tmp_path: Path, answers: Path) -> None:
    root = tmp_path / "root"
    code, text = provision(root, answers)
    assert code == 0, text
    config = load_config(root / "etc/kiosk/kiosk.toml")
    assert config.identity.kiosk_code == "RJ-JPR-BSS-0001"
    assert config.database == root / "var/lib/kiosk/kiosk.db"
    store = Store.open(config.database, FakeClock())
    assert json.loads(store.get_meta("geo_tag") or "{}")["lat"] == 26.9124
    assert verify_journal(store).ok
    assert SyncState(store).get("kiosk_id")
    store.close()
    assert "enrolled as kiosk" in text
    assert (root / "etc/systemd/system/multi-user.target.wants/kiosk.service").is_symlink()


def test_a_rerun_repairs_and_does_not_duplicate(tmp_path: Path, answers: Path) -> None:
    root = tmp_path / "root"
    provision(root, answers)
    code, text = provision(root, answers)
    assert code == 0, text
    assert "config unchanged" in text
    assert "geo-tag unchanged" in text
    assert "already enrolled" in text
    assert "0 written" in text
    store = Store.open(root / "var/lib/kiosk/kiosk.db", FakeClock())
    assert store.read("SELECT count(*) AS n FROM journal WHERE action = 'kiosk.geotagged'") == [{"n": 1}]
    store.close()


def test_a_position_outside_rajasthan_stops_at_the_geotag_step_and_resumes_after_the_fix(
    tmp_path: Path, answers: Path
) -> None:
    good = answers.read_text(encoding="utf-8")
    answers.write_text(good.replace("26.9124, 75.7873", "15.0, 73.0"), encoding="utf-8")
    code, text = provision(tmp_path / "root", answers)
    assert code == 1
    assert "FAIL  geotag" in text
    assert "outside Rajasthan" in text
    state = json.loads((tmp_path / "root/var/lib/kiosk/provision.json").read_text())
    assert state["config"]["ok"]
    assert not state["geotag"]["ok"]
    assert not (tmp_path / "root/etc/systemd/system/kiosk.service").exists()
    answers.write_text(good, encoding="utf-8")
    code, text = provision(tmp_path / "root", answers)
    assert code == 0, text


def test_moving_a_machine_is_reported(tmp_path: Path, answers: Path) -> None:
    provision(tmp_path / "root", answers)
    moved = tmp_path / "moved.toml"
    moved.write_text(answers.read_text(encoding="utf-8").replace("26.9124, 75.7873", "26.4499, 74.6399"), "utf-8")
    code, text = provision(tmp_path / "root", moved)
    assert code == 0
    assert re.search(r"moved 1[12]\d\.\d km from the registered position", text), text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('id = "ENG-042"', ""), "[engineer].id is missing"),
        (('token = "replace-with-a-token"', ""), "[server].token is missing"),
        (('sun = "closed"', 'sun = "sometimes"'), "[hours].sun"),
        (('helpline = "181"', 'helpline = ""'), "[identity].helpline"),
        (("[geotag]", "[geotagg]"), "[geotagg] is not a known section"),
    ],
)
def test_a_wrong_answers_file_names_the_field(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(AnswersError) as raised:
        load_answers(answers)
    assert message in str(raised.value)
    code, text = provision(tmp_path / "root", answers)
    assert code == 1
    assert message in text
    assert not (tmp_path / "root").exists()  # nothing written


def test_a_wrong_enrolment_token_fails_with_what_to_do(tmp_path: Path, answers: Path) -> None:
    text = answers.read_text(encoding="utf-8")
    token = text.split('token = "')[1].split('"')[0]
    answers.write_text(text.replace(token, "not-a-real-token"), encoding="utf-8")
    code, out = provision(tmp_path / "root", answers)
    assert code == 1
    assert "FAIL  enrol: the server refused the enrolment token" in out
    assert "new token" in out


def test_an_unreachable_server_fails_and_can_be_resumed(tmp_path: Path, answers: Path) -> None:
    good = answers.read_text(encoding="utf-8")
    unreachable = re.sub(r'url = "[^"]+"', 'url = "http://127.0.0.1:9"', good)  # nothing listens on port 9 here
    answers.write_text(unreachable, encoding="utf-8")
    code, out = provision(tmp_path / "root", answers)
    assert code == 1
    assert "FAIL  enrol" in out
    assert "run provision again" in out
    answers.write_text(good, encoding="utf-8")
    code, out = provision(tmp_path / "root", answers)
    assert code == 0, out


def test_a_config_that_cannot_be_written_says_how_to_fix_it(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "etc/kiosk").write_text("a file where a folder should be")
    answers = parse_answers(tomllib.loads(ANSWERS.read_text(encoding="utf-8")))
    out = io.StringIO()
    assert not run(Context(root=root, answers=answers, clock=FakeClock(), out=out))
    assert f"FAIL  config: cannot write {root}/etc/kiosk/kiosk.toml" in out.getvalue()


def test_hand_edits_and_comments_in_the_config_survive_a_reprovisioning(tmp_path: Path, answers: Path) -> None:
    root = tmp_path / "root"
    assert provision(root, answers)[0] == 0
    config = root / "etc/kiosk/kiosk.toml"
    edited = config.read_text(encoding="utf-8").replace(
        "[hours]\n", "[hours]\n# the centre closes early on market day (BDO's letter of 3 March)\n"
    )
    edited += '\n# a flatbed scanner bought by the panchayat\n[devices.scanner]\ndriver = "sane"\n'
    config.write_text(edited, encoding="utf-8")
    code, text = provision(root, answers)
    assert code == 0, text
    assert "config unchanged" in text
    assert config.read_text(encoding="utf-8") == edited
    assert load_config(config).devices["scanner"].driver == "sane"


def test_a_used_enrolment_token_is_refused_on_another_machine(tmp_path: Path, answers: Path) -> None:
    assert provision(tmp_path / "first", answers)[0] == 0
    code, text = provision(tmp_path / "second", answers)
    assert code == 1
    assert "FAIL  enrol: the server refused the enrolment token" in text
    assert "ask the district office for a new token" in text


def test_a_wrong_detect_section_names_the_field(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS.read_text(encoding="utf-8") + '\n[detect]\nrequired = ["toaster"]\n', "utf-8")
    code, text = provision(tmp_path / "root", answers)
    assert code == 1
    assert "[detect].required: expected a list of device kinds from cash, printer, gps, biometric" in text


def test_the_summary_is_sent_once_and_again_only_when_something_in_it_changed(tmp_path: Path, answers: Path) -> None:
    root = tmp_path / "root"

    def summaries() -> list[dict[str, object]]:
        store = Store.open(root / "var/lib/kiosk/kiosk.db", FakeClock())
        try:
            rows = store.read("SELECT payload FROM outbox WHERE kind = 'kiosk.provisioned' ORDER BY seq")
        finally:
            store.close()
        return [json.loads(str(row["payload"])) for row in rows]

    assert provision(root, answers)[0] == 0
    assert provision(root, answers)[0] == 0
    assert len(summaries()) == 1
    answers.write_text(answers.read_text(encoding="utf-8").replace('helpline = "181"', 'helpline = "1800-180-6127"'))
    code, text = provision(root, answers)
    assert code == 0, text
    assert "config written" in text
    first, second = summaries()
    assert first["identity"]["helpline"] == "181"  # type: ignore[index]
    assert second["identity"]["helpline"] == "1800-180-6127"  # type: ignore[index]
    assert load_config(root / "etc/kiosk/kiosk.toml").identity.helpline == "1800-180-6127"


def test_a_wrong_rd_service_port_range_is_refused_before_anything_runs(tmp_path: Path, answers: Path) -> None:
    err = io.StringIO()
    with pytest.raises(SystemExit), contextlib.redirect_stderr(err):
        main(["provision", "--answers", str(answers), "--root", str(tmp_path / "root"), "--biometric-ports", "9-1"])
    assert "'9-1': ports must be 1-65535, first <= last" in err.getvalue()
    assert not (tmp_path / "root").exists()
