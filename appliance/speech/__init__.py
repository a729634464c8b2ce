"""Speech: STT engines, VAD, and the layered Korean voice (prompt packs, fragments, piper)."""
