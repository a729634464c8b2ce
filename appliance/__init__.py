"""DentalCall: an on-premise AI phone CRM appliance for Korean dental clinics.

Layers (each a sub-package):
- ``telephony``   Asterisk: rootfs/native lifecycle, generated config, FastAGI, AMI, AudioSocket, sipp.
- ``conversation`` the call flows (inbound receptionist, outbound campaigns' dialogues) as state machines.
- ``speech``      STT engines, the layered Korean voice (prompt packs, fragments, piper), VAD.
- ``language``    Korean understanding (intents, dates, times, treatments) and speech normalisation.
- ``data``        the CRM store (call log, opt-outs, callbacks) and the EMR connector, clinic facts, schedule.
- ``outbound``    campaigns, targeting and the dialer.
"""

__version__ = "0.2.0"
