"""The clinic's voicemail: Asterisk's spool read into the CRM, each message transcribed as soon as it lands.

    spool.py       reading the box (``msgNNNN.txt`` + ``.wav``), messages known by their ``msg_id``
    store.py       the ``voicemail`` table (migration 21), ingest and transcript state
    transcribe.py  the installed STT in its own low-priority process
    watcher.py     the background loop (runs in the console process)
"""
