"""The staff console: a small web application on the clinic LAN (Starlette + Jinja2, served by uvicorn).

    app.py         routes, templates, security headers, background services (voicemail, notifications)
    web.py         login required, CSRF on every form, roles, rendering, the access log
    accounts.py    staff accounts (argon2id), throttled login      sessions.py  cookie sessions, idle logout
    models.py      the console's CRM tables (migrations 20, 23)     live.py      SSE live updates
    workqueue.py   what is waiting, in working order                actions.py   done / approve / reject
    booking_approval.py  a booking request into the EMR             patients.py  names from the EMR, cached
    formatting.py  clinic-local times, Korean labels, charts        tls.py       the HTTPS certificate
    pages/         one module per page group                        templates/, static/
    cli.py         ``dentalcall console`` and ``dentalcall staff``  demo.py      ``--demo`` data
    privacy.py     the console's tables as holders of personal data, their retention
    patient_history.py  one patient's calls, texts, items, consent and campaigns (the patient page)
    server.py      uvicorn, a request log without query strings or patient ids
"""
