"""Clinic facts (hours, lunch, holidays, doctors, chairs, durations, prices, directions) and the slot finder.

    from appliance.data.clinic import facts, slots
    f = facts.load_for(config)                   # validated clinic.toml (setting clinic_file)
    slots.find_slots("scaling", d0, d1, "afternoon", facts=f, emr=emr)
"""
