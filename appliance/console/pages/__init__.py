"""The console's pages, one module per group: auth, today, work, voicemail, calls, campaigns, optouts,
health, admin. Each exposes Starlette endpoints made with ``web.page`` / ``web.action``."""
