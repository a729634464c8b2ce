#!/usr/bin/env bash
# DentalCall installer (Debian 12 / Debian testing / Ubuntu 24.04), as root. Idempotent: a second run on an
# installed box only checks and takes seconds.
#
#   sudo ./install.sh [--no-models] [--with-test-deps]
#
# Steps: OS packages -> Asterisk (the OS package where it has Asterisk >= 20, else Asterisk 22 in a Debian
# rootfs under /var/cache/dentalcall) -> venv (pip install -e REPO[test], skipped when setup.cfg is unchanged)
# -> dentalcall user/group and folders -> generated Asterisk config -> systemd units (where systemd runs)
# -> every install.d/*.sh in order -> services (re)started -> summary.
#
# Environment: DENTALCALL_VENV (default /opt/dentalcall/venv), DENTALCALL_NO_MODELS=1, DENTALCALL_WITH_TEST_DEPS=1,
# DENTALCALL_NO_START=1 (install the units but start nothing).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${DENTALCALL_VENV:-/opt/dentalcall/venv}"
NO_MODELS="${DENTALCALL_NO_MODELS:-0}"
WITH_TEST_DEPS="${DENTALCALL_WITH_TEST_DEPS:-0}"
CACHE_DIR="${DENTALCALL_CACHE_DIR:-/var/cache/dentalcall}"
ETC_DIR=/etc/dentalcall
DATA_DIR=/var/lib/dentalcall
STARTED_AT=$(date +%s)

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-models) NO_MODELS=1 ;;
        --with-test-deps) WITH_TEST_DEPS=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[[ ${EUID} -eq 0 ]] || die "run as root: sudo $0 $*"
command -v apt-get >/dev/null || die "needs a Debian or Ubuntu system (apt-get)"
export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------------------- OS packages
PACKAGES=(ca-certificates debootstrap sip-tester sox espeak-ng tshark zstd tar util-linux passwd tzdata
          python3 python3-venv python3-dev python3-pip build-essential fonts-nanum)
PACKAGES+=(fail2ban nftables python3-systemd)  # the SIP password-guessing guard (install.d/60-sip-guard.sh)
if [[ "${WITH_TEST_DEPS}" == "1" ]]; then
    PACKAGES+=(postgresql mariadb-server chromium chromium-driver poppler-utils)
fi

missing_packages() {
    local p status
    for p in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
        [[ "${status}" == "install ok installed" ]] || printf '%s\n' "$p"
    done
}

APT_UPDATED=0
apt_install() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if [[ ${APT_UPDATED} -eq 0 ]]; then
        apt-get update -q
        APT_UPDATED=1
    fi
    log "apt-get install ${missing[*]}"
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

log "OS packages"
apt_install "${PACKAGES[@]}"

# ---------------------------------------------------------------------------- Asterisk: native or rootfs
native_major() {
    [[ -x /usr/sbin/asterisk ]] || { echo 0; return; }
    /usr/sbin/asterisk -V 2>/dev/null | sed -n 's/^Asterisk \([0-9][0-9]*\).*/\1/p' | head -1 | grep . || echo 0
}

candidate_major() {
    # major version of the asterisk package this OS offers (0 = none); Debian 12 has none
    local v
    v="$(apt-cache policy asterisk 2>/dev/null | awk '/Candidate:/ {print $2}')"
    [[ -z "$v" || "$v" == "(none)" ]] && { echo 0; return; }
    v="${v#*:}"
    echo "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

ASTERISK_MODE=rootfs
if [[ "$(native_major)" -ge 20 ]]; then
    ASTERISK_MODE=native
elif [[ -f "${CACHE_DIR}/asterisk-root/.dentalcall-rootfs" ]]; then
    ASTERISK_MODE=rootfs  # decided on the first run: no package index lookups again
else
    if [[ "$(candidate_major)" == "0" && ${APT_UPDATED} -eq 0 ]]; then
        apt-get update -q && APT_UPDATED=1
    fi
    if [[ "$(candidate_major)" -ge 20 ]]; then
        log "Asterisk from the OS packages"
        apt_install asterisk asterisk-modules asterisk-core-sounds-en
        ASTERISK_MODE=native
    fi
fi
if [[ "${ASTERISK_MODE}" == "native" ]] && command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    # the distribution's unit runs /etc/asterisk on our ports: dentalcall-asterisk.service replaces it
    if systemctl is-enabled --quiet asterisk.service 2>/dev/null || systemctl is-active --quiet asterisk.service; then
        log "disabling the distribution's asterisk.service (dentalcall-asterisk.service replaces it)"
        systemctl disable --now asterisk.service >/dev/null 2>&1 || true
    fi
fi

# ---------------------------------------------------------------------------- users and folders
log "users and folders"
getent group dentalcall >/dev/null || groupadd --system dentalcall
id -u dentalcall >/dev/null 2>&1 || useradd --system --gid dentalcall --home-dir "${DATA_DIR}" --no-create-home \
    --shell /usr/sbin/nologin --comment "DentalCall engine" dentalcall
id -u asterisk >/dev/null 2>&1 || useradd --system --user-group --home-dir /nonexistent --no-create-home \
    --shell /usr/sbin/nologin --comment "Asterisk (DentalCall)" asterisk
id -nG asterisk | tr ' ' '\n' | grep -qx dentalcall || usermod -aG dentalcall asterisk

install -d -m 0750 -o root -g dentalcall "${ETC_DIR}"
install -d -m 0750 -o dentalcall -g dentalcall "${DATA_DIR}"
install -d -m 2770 -o asterisk -g dentalcall "${DATA_DIR}/spool" "${DATA_DIR}/spool/prompts" "${DATA_DIR}/spool/recordings"
install -d -m 0755 -o root -g root "${CACHE_DIR}"
if [[ "${ASTERISK_MODE}" != "native" && ! -f "${ETC_DIR}/dentalcall.ini" ]]; then
    printf '[dentalcall]\nasterisk_mode = rootfs\n' >"${ETC_DIR}/dentalcall.ini"
    chown root:dentalcall "${ETC_DIR}/dentalcall.ini"
    chmod 0640 "${ETC_DIR}/dentalcall.ini"
fi

# ---------------------------------------------------------------------------- venv
STAMP="${VENV}/.dentalcall-install"
want_stamp="$(cat "${REPO}/setup.cfg" "${REPO}/pyproject.toml" | sha256sum | cut -d' ' -f1) ${REPO}"
if [[ ! -x "${VENV}/bin/python" ]]; then
    log "venv ${VENV}"
    mkdir -p "$(dirname "${VENV}")"
    python3 -m venv "${VENV}"
fi
if [[ ! -x "${VENV}/bin/dentalcall" || ! -f "${STAMP}" || "$(cat "${STAMP}")" != "${want_stamp}" ]]; then
    log "pip install -e ${REPO}[test]"
    "${VENV}/bin/python" -m pip install -q -e "${REPO}[test]"
    printf '%s\n' "${want_stamp}" >"${STAMP}"
else
    log "venv up to date"
fi
export PATH="${VENV}/bin:${PATH}"
DENTALCALL="${VENV}/bin/dentalcall"

# ---------------------------------------------------------------------------- Asterisk rootfs and config
if [[ "${ASTERISK_MODE}" == "rootfs" ]]; then
    log "Asterisk rootfs (first time: about a minute; then cached in ${CACHE_DIR})"
    DENTALCALL_ASTERISK_MODE=rootfs "${DENTALCALL}" asterisk install
fi
log "Asterisk configuration"
"${DENTALCALL}" asterisk config >/dev/null
# the engine (user dentalcall) reads the generated AMI secret; root keeps it 0600
if [[ -f "${ETC_DIR}/secrets.ini" ]]; then
    chown dentalcall:dentalcall "${ETC_DIR}/secrets.ini"
    chmod 0600 "${ETC_DIR}/secrets.ini"
fi

# ---------------------------------------------------------------------------- systemd units
HAVE_SYSTEMD=0
if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    HAVE_SYSTEMD=1
    changed=0
    for unit in "${REPO}"/systemd/*.service; do
        target="/etc/systemd/system/$(basename "${unit}")"
        tmp="$(mktemp)"
        sed -e "s#@VENV@#${VENV}#g" -e "s#@REPO@#${REPO}#g" "${unit}" >"${tmp}"
        if ! cmp -s "${tmp}" "${target}"; then
            install -m 0644 "${tmp}" "${target}"
            changed=1
        fi
        rm -f "${tmp}"
    done
    [[ ${changed} -eq 1 ]] && systemctl daemon-reload
    systemctl enable --quiet dentalcall-asterisk.service dentalcall.service
fi

# ---------------------------------------------------------------------------- install.d steps
export DENTALCALL_REPO="${REPO}" DENTALCALL_VENV="${VENV}" DENTALCALL_CACHE_DIR="${CACHE_DIR}"
export DENTALCALL_NO_MODELS="${NO_MODELS}" DENTALCALL_WITH_TEST_DEPS="${WITH_TEST_DEPS}"
shopt -s nullglob
for step in "${REPO}"/install.d/*.sh; do
    log "install.d/$(basename "${step}")"
    bash "${step}"
done
shopt -u nullglob

# ---------------------------------------------------------------------------- start
if [[ ${HAVE_SYSTEMD} -eq 1 && "${DENTALCALL_NO_START:-0}" != "1" ]]; then
    log "services"
    systemctl restart dentalcall-asterisk.service
    systemctl restart dentalcall.service || echo "   dentalcall.service did not start: journalctl -u dentalcall"
fi

# ---------------------------------------------------------------------------- summary
asterisk_version="$("${DENTALCALL}" asterisk status --json 2>/dev/null | sed -n 's/.*"version": "\(Asterisk [^ "]*\).*/\1/p' || true)"
if [[ -z "${asterisk_version}" && "${ASTERISK_MODE}" == "rootfs" ]]; then
    asterisk_version="Asterisk $(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "${CACHE_DIR}/asterisk-root/.dentalcall-rootfs" 2>/dev/null) (not running)"
elif [[ -z "${asterisk_version}" ]]; then
    asterisk_version="$(/usr/sbin/asterisk -V 2>/dev/null) (not running)"
fi
cat <<EOF

DentalCall installed in $(( $(date +%s) - STARTED_AT )) s
  Asterisk:  ${asterisk_version} (${ASTERISK_MODE})
  venv:      ${VENV}  (dentalcall: ${DENTALCALL})
  config:    ${ETC_DIR}   data: ${DATA_DIR}   cache: ${CACHE_DIR}
  services:  $([[ ${HAVE_SYSTEMD} -eq 1 ]] && echo "dentalcall-asterisk, dentalcall (systemd)" || echo "no systemd: start with 'dentalcall asterisk start' and 'dentalcall serve'")
  models:    $([[ "${NO_MODELS}" == "1" ]] && echo "skipped (--no-models)" || echo "installed by install.d")
  test deps: $([[ "${WITH_TEST_DEPS}" == "1" ]] && echo "yes" || echo "no (--with-test-deps)")
Next: dentalcall trunk add NAME --host ... --username ... ; dentalcall extension add 201 --name ...
EOF
