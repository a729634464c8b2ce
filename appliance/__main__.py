"""``python -m appliance`` is the same as the ``dentalcall`` command."""

from appliance.cli import main

main()
