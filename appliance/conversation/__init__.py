"""Conversation: call flows as state machines, independent of Asterisk and of model libraries."""
