#!/usr/bin/env bash
# 50-test-databases: real PostgreSQL and MariaDB servers (and sqlglot) for the EMR connector tests.
#
# Only with --with-test-deps (DENTALCALL_WITH_TEST_DEPS=1): a clinic appliance never runs these servers;
# tests/plugins/databases.py starts throwaway instances on 127.0.0.1 in temporary folders. The distro
# services are disabled right after install so nothing listens on 5432/3306 by default.
set -euo pipefail

if [[ "${DENTALCALL_WITH_TEST_DEPS:-0}" != "1" ]]; then
    echo "50-test-databases: no --with-test-deps, skipping"
    exit 0
fi

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 || need+=(mariadb-server)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
if (( ${#need[@]} )); then
    echo "50-test-databases: installing ${need[*]}"
    apt-get update -qq
    # policy-rc.d keeps the packages from starting their own services in containers
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
    for svc in postgresql mariadb; do
        (command -v systemctl >/dev/null && systemctl disable --now "$svc" >/dev/null 2>&1) || true
    done
else
    echo "50-test-databases: PostgreSQL and MariaDB already installed"
fi

PY="${PYTHON:-python}"
if ! "${PY}" -c "import sqlglot" >/dev/null 2>&1; then
    "${PY}" -m pip install -q "sqlglot>=25"   # T-SQL syntax check of the DentWeb profile
fi
