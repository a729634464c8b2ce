"""Backups: one archive (``archive``) holding an online copy of the CRM (``crm_dump``), the configuration, the
secrets sealed with the installer's passphrase (``secret_box``), the prompt packs and the clinic facts
(``create``); checked by ``verify``, put back by ``restore``; kept and copied by ``retention``; run nightly by
``schedule``. Commands in ``cli``.
"""
