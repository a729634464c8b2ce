"""The SMTP relay's password: ``dentalcall console smtp-password`` keeps it in secrets.ini (0600, beside the
other secrets, the file every install already has), and e-mail logs in with it to a real SMTP server that
requires a login (aiosmtpd with AUTH)."""

from __future__ import annotations

import configparser
import socket
import stat
from typing import Any

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.console.notify import email as mail
from tests.console_support import make_config

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # a loopback test relay

USER, PASSWORD = "clinic", "relay-pass-7"


class LoginSmtp:
    """A real SMTP server on 127.0.0.1 that takes mail only after a login with USER/PASSWORD."""

    def __init__(self) -> None:
        import email as emaillib
        import email.policy

        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        self.messages: list[Any] = []
        self.logins: list[tuple[str, bool]] = []
        sink = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                sink.messages.append(emaillib.message_from_bytes(envelope.content, policy=email.policy.default))
                return "250 OK"

        def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (USER.encode(), PASSWORD.encode())
            sink.logins.append((data.login.decode() if isinstance(data, LoginPassword) else "?", ok))
            return AuthResult(success=ok)

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, authenticator=authenticator,
                                     auth_required=True, auth_require_tls=False)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def relay():
    server = LoginSmtp()
    yield server
    server.stop()


def _store_password(home: Any, password: str) -> None:
    result = CliRunner().invoke(cli, ["console", "smtp-password"], env={"DENTALCALL_HOME": str(home)},
                                input=f"{password}\n{password}\n", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "secrets.ini" in result.output and password not in result.output


def test_the_password_is_kept_0600_beside_the_other_secrets_and_used_to_log_in(tmp_path, relay):
    config = make_config(tmp_path, notify_smtp_host="127.0.0.1", notify_smtp_port=relay.port,
                         notify_smtp_user=USER, notify_email_to="desk@miso.example")
    ami = config.secret("ami_secret")  # an install's existing secrets file
    _store_password(tmp_path, "first-try")
    _store_password(tmp_path, PASSWORD)  # changed later: replaced, not appended

    assert stat.S_IMODE(config.secrets_file.stat().st_mode) == 0o600
    stored = configparser.ConfigParser(interpolation=None)
    stored.read(config.secrets_file, encoding="utf-8")
    assert dict(stored["secrets"]) == {"ami_secret": ami, "smtp_password": PASSWORD}

    smtp = mail.smtp_for(settings.load(overrides={"home": str(tmp_path)}, env={}))
    assert smtp is not None and smtp.user == USER and smtp.password == PASSWORD
    mail.send(smtp, mail.new_message(smtp, "음성 메시지 1건", "010-****-0001 님의 음성 메시지", "vm:1"))
    assert relay.logins == [(USER, True)]
    assert [m["Subject"] for m in relay.messages] == ["음성 메시지 1건"]


def test_without_the_password_the_mail_waits_with_the_fix_named(tmp_path, relay):
    config = make_config(tmp_path, notify_smtp_host="127.0.0.1", notify_smtp_port=relay.port,
                         notify_smtp_user=USER, notify_email_to="desk@miso.example")
    smtp = mail.smtp_for(config)
    assert smtp is not None and smtp.password is None
    with pytest.raises(mail.NotifyError, match="dentalcall console smtp-password"):
        mail.send(smtp, mail.new_message(smtp, "요약", "본문", "summary:1"))
    assert relay.messages == []
