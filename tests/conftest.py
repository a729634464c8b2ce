pytest_plugins = [
    "tests.plugins.asterisk",
]
