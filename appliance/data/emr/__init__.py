"""The clinic's EMR: canonical model, declarative profiles, connector, caller lookup, booking, demo data.

Call flows and campaigns use::

    from appliance.data.emr import EMR, CallerLookup, book
    emr = EMR.from_config(config)              # raises ConfigError when no EMR is connected
    CallerLookup(emr).lookup("01012345678")    # -> LookupResult(patients=[...], source=...)
    emr.recall_candidates(months=6)            # outbound target lists -> [Candidate]
    book(key=..., patient_id=..., start=..., treatment="scaling", facts=facts, emr=emr)
"""

from appliance.data.emr.model import (  # noqa: F401
    Appointment, Candidate, Chair, Doctor, ImplantSurgery, Patient, ScalingUse, Treatment, Visit, TREATMENTS,
)

__all__ = ["EMR", "CallerLookup", "book", "BookingResult", "emr_health", "Patient", "Appointment", "Candidate"]


def __getattr__(name: str):  # lazy: importing the model must not import drivers
    if name == "EMR":
        from appliance.data.emr.connector import EMR
        return EMR
    if name in ("CallerLookup", "LookupResult"):
        from appliance.data.emr import lookup
        return getattr(lookup, name)
    if name in ("book", "BookingResult"):
        from appliance.data.emr import booking
        return getattr(booking, name)
    if name == "emr_health":
        from appliance.data.emr.health import emr_health
        return emr_health
    raise AttributeError(name)
