"""Personal data: who holds what, for how long, and one person's data on request (개인정보 열람·삭제 요구).

- ``registry``  the holders of personal data: each data module registers how to export and delete one
                person's data (``register(Holder(...))``; modules listed in ``HOLDER_MODULES`` are loaded).
- ``holders``   the core holders: call log and transcripts, recordings, callbacks, booking requests, notes,
                opt-outs (kept), dial tasks, the access log (kept), voicemail, Asterisk's CDR lines.
- ``retention`` how long each kind of data is kept (settings ``*_retention_days``) and the daily purge.
- ``files``     rewriting Asterisk's append-only text files (CDR, logs) without their old or one person's lines.
- ``checks``    ``doctor`` checks: config files the engine can read, the retention settings.
- ``cli``       ``dentalcall privacy export|delete|purge|holders`` and ``dentalcall access-log``.

See docs/privacy.md for the policy these implement.
"""
