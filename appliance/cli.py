"""The ``dentalcall`` command. Each sub-command lives in the module of its layer and is imported lazily,
so ``dentalcall nlu parse`` never pays for loading Asterisk or speech code."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys

import click

from appliance import __version__
from appliance.cli_errors import ApplianceErrorGroup

# command name -> "module:attribute" (a click command or group)
COMMANDS = {
    "init": "appliance.commands.setup:init",
    "doctor": "appliance.commands.doctor:doctor",
    "serve": "appliance.commands.serve:serve",
    "asterisk": "appliance.telephony.asterisk_cli:asterisk",
    "trunk": "appliance.telephony.asterisk_cli:trunk",
    "extension": "appliance.telephony.asterisk_cli:extension",
    "calls": "appliance.commands.calls:calls",
    "demo": "appliance.commands.demo:demo",
    "stt": "appliance.speech.cli:stt",
    "tts": "appliance.commands.prompts:tts",
    "prompts": "appliance.commands.prompts:prompts",
    "models": "appliance.speech.cli:models",
    "nlu": "appliance.language.cli:nlu",
    "chat": "appliance.commands.chat:chat",
    "emr": "appliance.data.emr.cli:emr",
    "campaigns": "appliance.outbound.cli:campaigns",
    "dialer": "appliance.outbound.cli:dialer",
    "report": "appliance.outbound.cli:report",
    "privacy": "appliance.privacy.cli:privacy",
    "access-log": "appliance.privacy.cli:access_log_command",
    "sms": "appliance.sms.cli:sms",
    "console": "appliance.console.cli:console",
    "staff": "appliance.console.cli:staff",
    "backup": "appliance.ops.backup.cli:backup",
    "restore": "appliance.ops.backup.cli:restore",
    "ops": "appliance.ops.cli:ops",
}


class LazyGroup(ApplianceErrorGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        names = []
        for name, target in COMMANDS.items():
            module = target.split(":")[0]
            try:
                found = importlib.util.find_spec(module) is not None
            except ModuleNotFoundError:
                found = False
            if found:
                names.append(name)
        return sorted(names)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        return getattr(module, attr)


PHI_CHATTY_LOGGERS = ("peewee", "panoramisk")


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="dentalcall")
@click.option("--debug", is_flag=True, envvar="DENTALCALL_DEBUG", help="Verbose logs (still no PHI unless log_phi).")
def cli(debug: bool) -> None:
    """DentalCall: the AI phone CRM appliance for Korean dental clinics."""
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # Libraries whose debug lines carry call data (peewee: SQL with its parameters, numbers and transcripts;
    # panoramisk: raw AMI events with caller IDs) stay at INFO: --debug is our own code's detail, never PHI.
    for name in PHI_CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)


def main() -> None:
    cli(standalone_mode=True)


