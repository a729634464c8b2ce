"""Helpers for the console tests: a console instance in a temporary home (real SQLite CRM), accounts, a
logged-in Starlette test client, and form tokens read from the rendered HTML."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from appliance import settings

PASSWORDS = {"kim": "kim-password-1", "desk": "desk-password-1"}


@dataclasses.dataclass
class ConsoleHome:
    home: Path
    config: Any
    app: Any = None


def make_config(home: Path, **values: Any) -> Any:
    base = settings.load(overrides={"home": str(home)}, env={})
    if values:
        settings.write_config(base, values)
    return settings.load(overrides={"home": str(home)}, env={})


def add_accounts() -> None:
    from appliance.console import accounts

    accounts.add_account("kim", "admin", PASSWORDS["kim"], extension="201", display_name="김 실장")
    accounts.add_account("desk", "staff", PASSWORDS["desk"], extension="202")


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def form_csrf(html: str, action: str) -> str:
    """The CSRF token inside the form posting to ``action`` (every form carries its own copy)."""
    m = re.search(r'<form[^>]*action="' + re.escape(action) + r'"[^>]*>(.*?)</form>', html, re.S)
    assert m, f"no form for {action}"
    return csrf_of(m.group(1))


def login(client: Any, name: str, password: str | None = None) -> Any:
    page = client.get("/login")
    return client.post("/login", data={"name": name, "password": password or PASSWORDS[name],
                                       "csrf_token": csrf_of(page.text)}, follow_redirects=False)


@pytest.fixture
def console_home(tmp_path: Path) -> Any:
    """A fresh instance home with the CRM migrated and two accounts (kim: admin, desk: staff)."""
    from appliance.data import crm

    config = make_config(tmp_path, timezone="Asia/Seoul")
    db = crm.open_for(config)
    add_accounts()
    yield ConsoleHome(tmp_path, config)
    db.close()


@pytest.fixture
def client(console_home: ConsoleHome) -> Any:
    """A TestClient on the real app (HTTPS scheme, no background services), not logged in."""
    from starlette.testclient import TestClient

    from appliance.console.app import create_app

    console_home.app = create_app(console_home.config, background=False)
    with TestClient(console_home.app, base_url="https://console.test") as c:
        yield c


# --- real local servers for notifications -------------------------------------------------------------
class SmtpSink:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message it accepts."""

    def __init__(self) -> None:
        import email
        import email.policy
        import socket

        from aiosmtpd.controller import Controller

        self.messages: list[Any] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                sink.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
                return "250 OK"

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


class WebhookSink:
    """A real HTTP server on 127.0.0.1 recording each POST (headers, body); ``statuses[event]`` are answered
    in turn to that event's deliveries (then 200)."""

    def __init__(self, statuses: dict[str, list[int]] | None = None) -> None:
        import http.server
        import threading

        self.requests: list[dict[str, Any]] = []
        self.statuses = {k: list(v) for k, v in (statuses or {}).items()}
        sink = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                queued = sink.statuses.get(self.headers.get("X-DentalCall-Event", ""), [])
                status = queued.pop(0) if queued else 200
                sink.requests.append({"headers": dict(self.headers), "body": body, "status": status})
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def notify_sinks() -> Any:
    """A real SMTP server and a real webhook server for one test."""
    smtp, hook = SmtpSink(), WebhookSink()
    yield smtp, hook
    smtp.stop()
    hook.stop()


def notify_config(home: Path, smtp: SmtpSink, hook: WebhookSink, **values: Any) -> Any:
    """An instance whose notifications go to ``smtp`` and ``hook`` (``values`` override), with its CRM open."""
    from appliance.data import crm

    defaults = {"notify_smtp_host": "127.0.0.1", "notify_smtp_port": smtp.port, "notify_email_to": "desk@miso.example",
                "notify_email_from": "dentalcall@miso.example", "notify_webhook_url": hook.url,
                "console_url": "https://192.168.0.10:8443"}
    config = make_config(home, **{**defaults, **values})
    crm.open_for(config)
    return config


def run_notifier(notifier: Any, rounds: int = 2) -> None:
    """``rounds`` notifier ticks, each waiting for the deliveries it started."""
    import asyncio

    async def go() -> None:
        for _ in range(rounds):
            await notifier.tick()
            if notifier._jobs:
                await asyncio.wait(set(notifier._jobs), timeout=30)

    asyncio.run(go())


# --- the real console process ---------------------------------------------------------------------------
class LiveConsole:
    """``python -m appliance console`` in the Asterisk test instance's home, with its own notify settings."""

    def __init__(self, env: dict[str, str], log: Path):
        self.env, self.log = env, log
        self.port = int(env["DENTALCALL_CONSOLE_PORT"])
        self.base = f"https://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> None:
        out = open(self.log, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "appliance", "console"], env=self.env, stdout=out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"console exited: {self.tail()}")
            try:
                if httpx.get(self.base + "/login", verify=False, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"console not up after {timeout} s: {self.tail()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def client(self, name: str) -> httpx.Client:
        return self.client_for(name, PASSWORDS[name])

    def client_for(self, name: str, password: str) -> httpx.Client:
        c = httpx.Client(base_url=self.base, verify=False, timeout=20, follow_redirects=True)
        page = c.get("/login")
        r = c.post("/login", data={"name": name, "password": password, "csrf_token": csrf_of(page.text)})
        assert r.status_code == 200 and "/today" in str(r.url), r.text[:300]
        return c


# --- a real browser: Debian's chromium driven by Selenium through chromedriver (never downloaded) ---------
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"


def chrome(window: tuple[int, int] = (1366, 768)) -> Any:
    """A fresh headless chromium with its own profile; skips when the Debian packages are missing."""
    import shutil
    import tempfile

    if not (Path(CHROMEDRIVER).exists() and Path(CHROMIUM).exists()):
        pytest.skip("chromium and chromium-driver are not installed (install.sh --with-test-deps)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="dc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=ko-KR",
                 "--ignore-certificate-errors", f"--user-data-dir={profile}",
                 f"--window-size={window[0]},{window[1]}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.profile_dir = profile
    original_quit = driver.quit

    def quit_and_clean() -> None:
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit_and_clean
    return driver


def browser_login(driver: Any, base: str, name: str, password: str | None = None) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password or PASSWORDS[name])
    driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()


def note_and_mark_done(driver, card_id: str, note: str) -> None:
    """Type a note into a card and press 처리 완료, as staff do, while the live list may re-render.

    Once the note field has focus the page holds back re-renders (console.js), so only the first
    look-up can meet a card that was replaced a moment ago; then it is looked up again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    for _attempt in range(5):
        try:
            field = driver.find_element(By.ID, card_id).find_element(By.NAME, "note")
            field.click()
            field.clear()
            field.send_keys(note)
            driver.find_element(By.ID, card_id).find_element(By.CSS_SELECTOR, "form.done button").click()
            return
        except StaleElementReferenceException:
            continue
    raise AssertionError(f"card {card_id} kept being replaced while a note was typed")
