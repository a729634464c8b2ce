#!/usr/bin/env bash
# The guard against SIP password guessing: a fail2ban jail on this appliance's Asterisk log (failed
# registrations, unknown accounts, ACL refusals) that drops the guesser's SIP packets with nftables.
# The jail is rendered from the settings (log path, SIP port) by `dentalcall asterisk guard`.
set -euo pipefail

if [[ -n "${DENTALCALL_HOME:-}" ]]; then  # an instance root (upgrade tests): the system's jail stays as it is
    echo "60-sip-guard: DENTALCALL_HOME instance, the system's fail2ban jail is not touched"
    exit 0
fi
DENTALCALL="${DENTALCALL_VENV}/bin/dentalcall"
JAIL=/etc/fail2ban/jail.d/dentalcall.conf
LOG=/var/lib/dentalcall/asterisk/log/messages.log

command -v fail2ban-client >/dev/null || { echo "fail2ban is not installed (install.sh PACKAGES)" >&2; exit 1; }
# fail2ban refuses a jail whose log does not exist yet: create it as Asterisk would (group dentalcall, 0660)
install -d -m 2750 -o asterisk -g dentalcall "$(dirname "${LOG}")"
[[ -f "${LOG}" ]] || install -m 0660 -o asterisk -g dentalcall /dev/null "${LOG}"

# Debian 12 has no /var/log/auth.log without rsyslog, and fail2ban's default sshd jail then stops the whole
# service from starting: read sshd's failures from the journal instead (python3-systemd)
if [[ ! -f /var/log/auth.log && ! -f /etc/fail2ban/jail.d/dentalcall-sshd-journal.conf ]]; then
    printf '# written by DentalCall install.d/60-sip-guard.sh: no auth.log on this system\n[sshd]\nbackend = systemd\n' \
        >/etc/fail2ban/jail.d/dentalcall-sshd-journal.conf
fi

before="$(cat "${JAIL}" 2>/dev/null || true)"
"${DENTALCALL}" asterisk guard --write "${JAIL}" >/dev/null
if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    systemctl enable --quiet fail2ban.service
    if ! systemctl is-active --quiet fail2ban.service; then
        systemctl start fail2ban.service
    elif [[ "$(cat "${JAIL}")" != "${before}" ]]; then
        fail2ban-client reload >/dev/null
    fi
    echo "   fail2ban jail dentalcall-sip active: $(fail2ban-client status dentalcall-sip >/dev/null 2>&1 && echo yes || echo NO)"
elif fail2ban-client ping >/dev/null 2>&1; then
    fail2ban-client reload >/dev/null
else
    echo "   no systemd: start the SIP guard with 'fail2ban-client start' (jail ${JAIL})"
fi
