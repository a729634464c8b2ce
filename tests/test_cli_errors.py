"""An ApplianceError raised by any command reaches staff as click's one-line ``Error: ...`` and exit code 1,
never as a traceback: through ``dentalcall`` and when a layer's group is run on its own."""

from __future__ import annotations

import os

import click
import pytest
from click.testing import CliRunner

from appliance.cli import cli
from appliance.cli_errors import ApplianceErrorGroup
from appliance.errors import EMRUnavailable
from appliance.telephony import asterisk_cli


@pytest.fixture
def home(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith("DENTALCALL_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    return tmp_path


def test_a_refused_extension_is_one_clear_line_with_exit_code_1(home):
    result = CliRunner().invoke(cli, ["extension", "add", "12x", "--name", "Desk"])
    assert result.exit_code == 1
    assert result.output == "Error: extension '12x' must be 2-6 digits\n"


def test_a_layer_group_run_on_its_own_says_the_same(home):
    result = CliRunner().invoke(asterisk_cli.trunk, ["add", "9bad", "--host", "192.0.2.1", "--username", "u",
                                                     "--password", "p"])
    assert result.exit_code == 1
    assert result.output == "Error: trunk name '9bad': use letters, digits, - and _ (start with a letter)\n"
    assert "Traceback" not in result.output


def test_every_subclass_is_shown_and_other_errors_are_not_hidden():
    @click.group(cls=ApplianceErrorGroup)
    def group() -> None:
        pass

    @group.command()
    def lookup() -> None:
        raise EMRUnavailable("cannot connect to the EMR at postgresql://dc@emr:5432/emr")

    @group.command()
    def crash() -> None:
        raise KeyError("bug")

    shown = CliRunner().invoke(group, ["lookup"])
    assert (shown.exit_code, shown.output) == (1, "Error: cannot connect to the EMR at postgresql://dc@emr:5432/emr\n")
    crashed = CliRunner().invoke(group, ["crash"])
    assert isinstance(crashed.exception, KeyError)  # a bug still surfaces as one, not as a tidy message
