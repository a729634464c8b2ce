"""CLI commands that wire the layers together (init, doctor, serve, calls, demo)."""
