"""Telephony: Asterisk lifecycle and generated config, FastAGI, AMI, AudioSocket, sipp test/demo calls."""
