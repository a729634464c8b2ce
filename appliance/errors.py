"""Domain errors. The CLI turns them into clear messages; calls turn them into a fallback to staff."""


class ApplianceError(Exception):
    """Base class for every error the appliance raises on purpose."""


class ConfigError(ApplianceError):
    """The configuration is missing, unreadable or invalid."""


class AsteriskError(ApplianceError):
    """Asterisk could not be installed, started, reached or configured."""


class CallerHungUp(ApplianceError):
    """The caller hung up; stop talking to the channel."""


class SpeechUnavailable(ApplianceError):
    """A speech model (STT/TTS) is missing, crashed or timed out."""


class ModelMissing(ApplianceError):
    """A model file the appliance needs has not been installed."""


class EMRUnavailable(ApplianceError):
    """The clinic's EMR database cannot be reached or a query failed."""
