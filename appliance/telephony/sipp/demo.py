"""The bundled Korean demo speech clip (``appliance/telephony/demo_audio/``) or the shared-dir copy."""

from __future__ import annotations

from pathlib import Path


DEMO_CLIP = "ko_rhino_light_blue_8k_ulaw.wav"
_BUNDLED = Path(__file__).resolve().parent.parent / "demo_audio"


def demo_clip(config=None, name: str = DEMO_CLIP) -> Path:
    """A Korean speech clip for demo calls: ``<shared_dir>/data/speech-ko/<name>`` if present, else the
    bundled copy (Apache-2.0, Picovoice; see demo_audio/SOURCES.md)."""
    if config is None:
        try:
            from appliance import settings

            config = settings.load()
        except Exception:  # noqa: BLE001 - a broken config must not break the fallback
            config = None
    shared = config.shared_dir if config is not None else None
    if shared:
        candidate = Path(shared) / "data" / "speech-ko" / name
        if candidate.is_file():
            return candidate
    bundled = _BUNDLED / name
    if bundled.is_file():
        return bundled
    return _BUNDLED / DEMO_CLIP
