"""Data: the CRM store (call log, opt-outs, callbacks, requests) and the EMR connector, clinic facts, schedule."""
