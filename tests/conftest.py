pytest_plugins = [
    "tests.plugins.databases",
    "tests.plugins.asterisk",
    "tests.plugins.engine",
    "tests.plugins.tiers",
]
