pytest_plugins = [
    "tests.plugins.databases",
    "tests.plugins.asterisk",
    "tests.plugins.engine",
    "tests.plugins.tiers",
    "tests.console_support",  # the console fixtures (console_home, client) for every console test
    "tests.outbound_support",  # the dialer tests' CRM (crm_store)
    "tests.outbound_e2e_support",  # the outbound e2e lab (outbound_lab): dialer → Asterisk → sipp callee
]
