"""``dentalcall serve``: run the call engine in the foreground (systemd runs exactly this)."""

from __future__ import annotations

import asyncio

import click

from appliance import settings


@click.command()
def serve() -> None:
    """Run the call engine: FastAGI, AudioSocket and AMI on 127.0.0.1, models loaded once."""
    from appliance.engine import Engine

    config = settings.load()
    asyncio.run(Engine(config).serve_forever())
