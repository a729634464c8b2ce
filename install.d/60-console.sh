#!/usr/bin/env bash
# 60-console: the staff console's HTTPS certificate and its systemd unit (started with the engine).
#
# The certificate is self-signed for every address of this box (and console_bind, the host name, localhost)
# unless the clinic set console_cert/console_key to its own; its SHA-256 fingerprint is printed for the
# installer to read to the staff (the browser shows the same the first time). Idempotent: an existing
# certificate is kept (`dentalcall console cert --force` replaces it).
set -euo pipefail

DENTALCALL="${DENTALCALL_VENV:-/opt/dentalcall/venv}/bin/dentalcall"
ETC_DIR=/etc/dentalcall

# as the service's own user where it exists: a CRM or secret this step touches stays the service's
as_service() {
    if [[ ${EUID} -eq 0 ]] && id -u dentalcall >/dev/null 2>&1 && [[ -z "${DENTALCALL_HOME:-}" ]]; then
        runuser -u dentalcall -- "$@"
    else
        "$@"
    fi
}

echo "60-console: HTTPS certificate"
"${DENTALCALL}" console cert | sed 's/^/   /'
# the webhook signing secret is made now: the service cannot write /etc (ProtectSystem=full)
"${DENTALCALL}" console webhook-secret >/dev/null
if [[ -d "${ETC_DIR}/console" ]] && getent group dentalcall >/dev/null; then
    chown -R dentalcall:dentalcall "${ETC_DIR}/console"
    chmod 0750 "${ETC_DIR}/console"
    find "${ETC_DIR}/console" -name '*key*.pem' -exec chmod 0600 {} +
fi

if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    systemctl enable --quiet dentalcall-console.service
    if [[ "${DENTALCALL_NO_START:-0}" != "1" ]]; then
        systemctl restart dentalcall-console.service || echo "   dentalcall-console did not start: journalctl -u dentalcall-console"
    fi
else
    echo "   no systemd: start it with 'dentalcall console' beside 'dentalcall serve'"
fi

if ! as_service "${DENTALCALL}" staff list 2>/dev/null | grep -q ' admin '; then
    echo "   no console admin yet: dentalcall staff add NAME --role admin --extension 201"
fi
echo "   console: https://$("${DENTALCALL}" console address 2>/dev/null || echo 'console_bind:console_port')/"
echo "   fingerprint again: dentalcall console fingerprint"
