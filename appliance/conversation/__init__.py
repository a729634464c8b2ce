"""Conversation: call flows as state machines, independent of Asterisk and of model libraries.

``asker`` (the shared asker: one open question, re-asking, keypad fallback) runs flows that declare their
questions in state tables: the inbound ``receptionist`` (``booking``, ``changes``, ``answers``, ``care``,
``questionnaire``, ``optout``), the campaign calls in ``campaigns``, and the shared ``identity`` step (a
birth date before any patient detail) and ``handover`` (staff, emergencies). ``phrases`` is the one table of
fixed sentences; ``graph`` reads the state graphs from the tables.
"""
