"""The console's pages, one module per group: auth, today, work, voicemail, calls, texts, campaigns,
campaign_calendar, optouts, health, admin. Each exposes Starlette endpoints made with ``web.page`` /
``web.action``."""
