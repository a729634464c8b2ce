#!/usr/bin/env python3
"""Classic-AGI entry point: ``AGI(/opt/dentalcall/agi_scripts/dentalcall_agi.py,inbound)``.

For dialplans that cannot use FastAGI directly. It is only a relay: pyst2 reads the AGI environment from
Asterisk, then every line is passed between Asterisk (stdin/stdout) and the call engine's FastAGI port on
127.0.0.1, so the call is handled by the one long-running engine with its models already loaded. If the
engine is not there it exits at once, and the dialplan's fallback takes the caller to staff or voicemail.
"""

import os
import select
import socket
import sys


def main(script: str) -> int:
    from asterisk.agi import AGI  # pyst2

    with open(os.devnull, "w") as quiet:  # pyst2 prints the environment (caller ID: PHI) to stderr
        agi = AGI(stdin=sys.stdin, stdout=sys.stdout, stderr=quiet)
    port = int(os.environ.get("DENTALCALL_AGI_PORT", "4573"))
    try:
        engine = socket.create_connection(("127.0.0.1", port), timeout=2)
    except OSError:
        return 1
    env = dict(agi.env, agi_network="yes", agi_network_script=script)
    engine.sendall("".join(f"{k}: {v}\n" for k, v in env.items()).encode() + b"\n")
    stdin, stdout = sys.stdin.buffer.raw, sys.stdout.buffer
    engine_file = engine.makefile("rb")
    while True:
        ready, _, _ = select.select([engine, stdin], [], [])
        if engine in ready:
            line = engine_file.readline()
            if not line:
                return 0
            stdout.write(line)
            stdout.flush()
        if stdin in ready:
            data = os.read(stdin.fileno(), 4096)
            if not data:
                return 0
            engine.sendall(data)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "inbound"))
