"""The one place where the ``dentalcall`` command turns an ApplianceError into a clear message.

The top-level ``dentalcall`` group is an :class:`ApplianceErrorGroup`, so an ApplianceError (or a subclass) that
any command raises is shown as ``Error: <message>`` on stderr with exit code 1, instead of a traceback. The layer
groups use it too, so that they say the same when run on their own. Commands only catch an ApplianceError
themselves when they add context to the message or fall back to something else.
"""

from __future__ import annotations

from typing import Any

import click

from appliance.errors import ApplianceError


class ApplianceErrorGroup(click.Group):
    """A click group whose commands' ApplianceErrors become click's own ``Error: ...`` message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ApplianceError as exc:
            raise click.ClickException(str(exc)) from None
