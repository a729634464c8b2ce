"""The pipeline of one call: ear → transcript → dialog turn → voice → wire.

    frames.py       the typed frames that pass between the stages (Utterance, Dtmf, Hangup, Transcript ...)
    ear.py          the caller's audio → endpointing frames (barge-in, speculative pause, utterance, keys)
    stt_policy.py   when a transcript is accepted or rejected, and how confident it is
    end_of_turn.py  when the caller's turn is over (setting end_of_turn: Korean sentence ending + meaning, or silence)
    korean_endings.py  does a transcript end like a finished Korean sentence or one that goes on
    speech.py       the speech runtime, loaded once per engine: the voice (Say → audio) and the ears (STT)
    runner.py       one dialog over one call: speaks with barge-in, listens, acknowledges, times each turn
    recorder.py     the call log's writes, on one writer thread: nothing on the audio loop waits for SQL
    pipeline.py     the parts calls share (speech, pools, CRM writer) and ``converse``: one dialog over one call

Below it: ``telephony`` (the wire: AudioSocket, FastAGI), ``speech`` (models), ``conversation`` (dialogs),
``data.calllog`` (the CRM rows). Above it: ``engine`` (routes, start-up) and the routes' own modules.
"""
