"""In real headless Chromium (Debian's, driven by Playwright) against the real server over a generated fleet."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.server.dashboard.harness import PASSWORD, fleet_server, rows
from tests.sync.harness import ServerProcess

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = fleet_server(tmp_path_factory.mktemp("fleet"))
    yield process
    process.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/system-packages.txt, `make system`)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # DASH_SHOTS keeps them somewhere to look at; by default they go to pytest's temporary folder.
    chosen = os.environ.get("DASH_SHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("dash-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_in(page: Page, server: ServerProcess, username: str) -> None:
    page.goto(server.url + "/dash/")
    assert "/dash/login" in page.url
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#submit")


def machine_links(page: Page) -> list[str]:
    hrefs = page.eval_on_selector_all("#machines a[href^='/dash/k/']", "els => els.map(e => e.getAttribute('href'))")
    return [str(h).rsplit("/", 1)[1] for h in hrefs]


def transactions(page: Page) -> list[int]:
    cells = page.eval_on_selector_all("#machines tr td:nth-child(6)", "els => els.map(e => e.textContent)")
    return [int(c) for c in cells]


def test_block_officer_logs_in_drills_down_and_downloads_the_report_card(
    server: ServerProcess, browser: Browser, shots: Path
) -> None:
    chaksu = {str(r[0]) for r in rows(server.db, "SELECT code FROM dash_sites WHERE block = 'Chaksu'")}
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    log_in(page, server, "bdo.chaksu")
    assert page.url.endswith("/dash/d/Jaipur/Chaksu")
    assert page.inner_text("#heading") == "Chaksu"
    assert set(machine_links(page)) == chaksu
    assert page.locator("svg circle").count() >= 1
    page.screenshot(path=str(shots / "01-block-hi.png"), full_page=True)

    page.click("#machines th a:has-text('लेन-देन, 30 दिन')")  # most transactions first
    assert transactions(page) == sorted(transactions(page), reverse=True)
    page.click("#machines th a:has-text('लेन-देन, 30 दिन')")  # and back
    assert transactions(page) == sorted(transactions(page))

    first = machine_links(page)[0]
    page.click(f"#machines a[href='/dash/k/{first}']")
    assert page.inner_text("#heading").startswith(first)
    assert "Chaksu" in page.inner_text("#identity")
    page.screenshot(path=str(shots / "02-machine-hi.png"), full_page=True)

    page.click(".crumbs a:has-text('Chaksu')")
    page.click("#report")
    assert "मासिक रिपोर्ट कार्ड" in page.inner_text("#heading")
    page.screenshot(path=str(shots / "03-report-hi.png"), full_page=True)
    with page.expect_download() as download_info:
        page.click("#csv")
    download = download_info.value
    assert re.fullmatch(r"report-Jaipur-Chaksu-\d{4}-\d{2}\.csv", download.suggested_filename)
    table = list(csv.reader(io.StringIO(Path(download.path()).read_text("utf-8"))))
    assert table[0][:4] == ["Rank", "Machine", "Machines", "Transactions"]
    assert {line[1] for line in table[1:]} == chaksu
    assert [int(line[0]) for line in table[1:]] == list(range(1, len(chaksu) + 1))

    page.click("a.lang")
    assert page.inner_text("#heading").startswith("Monthly report card")
    page.goto(server.url + "/dash/d/Jaipur/Chaksu")
    assert "Online now" in page.inner_text("#summary")
    page.screenshot(path=str(shots / "04-block-en.png"), full_page=True)

    amer = sorted(str(r[0]) for r in rows(server.db, "SELECT code FROM dash_sites WHERE block = 'Amer'"))[0]
    answer = page.goto(f"{server.url}/dash/k/{amer}")
    assert answer is not None
    assert answer.status == 404
    assert f"no machine '{amer}' among the machines you can see" in page.inner_text("#problem")
    page.screenshot(path=str(shots / "05-other-block-404.png"))
    context.close()


def test_division_overview_map_and_alerts_say_what_to_do(server: ServerProcess, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, server, "div.commissioner")
    districts = page.eval_on_selector_all("#overview td:first-child a", "els => els.map(e => e.textContent)")
    assert districts == ["Alwar", "Dausa", "Jaipur", "Jhunjhunu", "Sikar"]
    dots = page.locator("svg circle").count()
    assert 100 < dots < 140  # every geo-tagged machine except the one at sea
    assert page.locator("#outside").count() == 1
    page.screenshot(path=str(shots / "06-division-hi.png"), full_page=True)
    page.click("header a[href='/dash/alerts']")
    assert page.locator("#alerts tr").count() > 5
    assert "क्या करें" in page.inner_text("#alerts")
    page.screenshot(path=str(shots / "07-alerts-hi.png"), full_page=True)
    context.close()
