"""`kioskctl provision` without --answers: an engineer (pexpect) answers at the prompts, wrong answers are re-asked."""

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pexpect

from kiosk.config import load_config
from tests.provisioning.devicebench import ROOT, device_bench
from tests.sync.harness import ServerProcess

CODE = "RJ-JPR-BSS-0001"


@contextmanager
def session(argv: list[str], log: Path) -> Iterator[pexpect.spawn]:
    """The engineer's terminal; everything the program printed is kept in `log` for a failing test."""
    with open(log, "w", encoding="utf-8") as transcript:
        child = pexpect.spawn(argv[0], argv[1:], cwd=str(ROOT), encoding="utf-8", timeout=60)
        child.logfile_read = transcript
        try:
            yield child
        finally:
            child.close(force=True)


def answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def test_an_engineer_provisions_in_hindi_and_a_wrong_answer_is_asked_again(
    tmp_path: Path, server: ServerProcess
) -> None:
    token = server.admin("admin", "issue-token", CODE)
    root = tmp_path / "root"
    with device_bench(tmp_path / "bench") as bench:
        runner = shutil.which("umockdev-run")
        assert runner
        argv = [runner, "-d", str(bench.umockdev()), "--", sys.executable, "-m", "provisioning.cli", "provision",
                "--root", str(root), "--biometric-ports", f"{bench.rd.port}-{bench.rd.port}"]  # fmt: skip
        with session(argv, tmp_path / "session.log") as child:
            child.expect_exact("ई-मित्र प्लस कियोस्क की स्थापना")
            answer(child, "कियोस्क कोड (जैसे RJ-JPR-BSS-0001): ", "rj jpr 1")
            child.expect_exact("यह उत्तर सही नहीं है — कोड बड़े अक्षरों में, जैसे RJ-JPR-BSS-0001")
            answer(child, "कियोस्क कोड (जैसे RJ-JPR-BSS-0001): ", CODE)
            answer(child, "केंद्र का नाम (हिंदी): ", "राजीव गांधी सेवा केंद्र, बस्सी")
            answer(child, "केंद्र का नाम (अंग्रेज़ी): ", "Rajiv Gandhi Seva Kendra, Bassi")
            answer(child, "ज़िला: ", "Jaipur")
            answer(child, "ब्लॉक / पंचायत समिति: ", "Bassi")
            answer(child, "ग्राम पंचायत: ", "Bassi")
            answer(child, "नोडल अधिकारी: ", "")
            child.expect_exact("उत्तर लिखना ज़रूरी है")
            answer(child, "नोडल अधिकारी: ", "Smt. Sunita Sharma (BDO office)")
            answer(child, "हेल्पलाइन नंबर: ", "एक आठ एक")
            child.expect_exact("केवल अंक, जैसे 181")
            answer(child, "हेल्पलाइन नंबर: ", "181")
            answer(child, "सोमवार–शुक्रवार का समय (जैसे 09:00-17:00, या closed): ", "9 to 5")
            child.expect_exact("समय ऐसे लिखें: 09:00-17:00, या closed (expected 'HH:MM-HH:MM' or 'closed')")
            answer(child, "सोमवार–शुक्रवार का समय (जैसे 09:00-17:00, या closed): ", "09:00-17:00")
            answer(child, "शनिवार का समय: ", "09:00-13:00")
            answer(child, "रविवार का समय: ", "closed")
            answer(child, "आपकी इंजीनियर आईडी: ", "ENG-042")
            answer(child, "सर्वर का पता (https://…): ", server.url)
            answer(child, "नामांकन टोकन (ज़िला कार्यालय से): ", token)
            answer(child, "(खाली छोड़ें तो GPS रिसीवर से स्थान लिया जाएगा): ", "15.5, 73.8")
            child.expect_exact("outside Rajasthan")
            answer(child, "(खाली छोड़ें तो GPS रिसीवर से स्थान लिया जाएगा): ", "")
            child.expect_exact("ok    summary: kiosk.provisioned queued for the server", timeout=120)
            child.expect(pexpect.EOF)
    assert child.exitstatus == 0
    config = load_config(root / "etc/kiosk/kiosk.toml")
    assert config.identity.kiosk_code == CODE
    assert config.identity.helpline == "181"
    assert set(config.devices) == {"cash", "printer", "gps", "biometric"}


def test_prompts_in_english_and_an_answer_stream_that_ends_early_writes_nothing(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "provisioning.cli", "provision", "--lang", "en", "--root", str(tmp_path / "root")]
    with session(argv, tmp_path / "session.log") as child:
        answer(child, "Kiosk code (e.g. RJ-JPR-BSS-0001): ", "RJ-JPR-BSS-0001")
        answer(child, "Centre name in Hindi: ", "राजीव गांधी सेवा केंद्र, बस्सी")
        child.expect_exact("Centre name in English: ")
        child.sendeof()
        child.expect_exact("FAIL  no more answers (end of input): provisioning stopped, nothing was written")
        child.expect(pexpect.EOF)
    assert child.exitstatus == 1
    assert not (tmp_path / "root").exists()
