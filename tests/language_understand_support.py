"""The moments the ``understand`` tests hear their sentences at: dates and times resolve against them."""

import datetime as dt

MON = dt.datetime(2026, 11, 23, 10, 0)  # Monday
SAT = dt.datetime(2026, 11, 28, 9, 0)
SUN = dt.datetime(2026, 11, 29, 11, 0)
YEAR_END = dt.datetime(2026, 12, 30, 11, 0)  # Wednesday
FEB = dt.datetime(2027, 2, 26, 9, 30)  # Friday
