#!/usr/bin/env bash
# DentalCall installer (Debian 12 / Debian testing / Ubuntu 24.04), as root. Idempotent: a second run on an
# installed box only checks and takes seconds.
#
#   sudo ./install.sh [--no-models] [--with-test-deps]     install, or upgrade to this checkout
#   sudo ./install.sh --rollback                           return to the release before the last upgrade
#
# Steps: OS packages -> Asterisk (the OS package where it has Asterisk >= 20, else Asterisk 22 in a Debian
# rootfs under /var/cache/dentalcall) -> dentalcall user/group and folders -> venv (a release venv per version;
# editable and updated in place with --with-test-deps) -> generated Asterisk config -> CRM migrated -> systemd
# units (where systemd runs) -> every install.d/*.sh in order -> logs, backup schedule -> engine restarted
# only once no call is in progress (drain) -> summary. Upgrades keep the previous venv for --rollback.
#
# Environment: DENTALCALL_VENV (default /opt/dentalcall/venv), DENTALCALL_NO_MODELS=1, DENTALCALL_WITH_TEST_DEPS=1,
# DENTALCALL_NO_START=1 (install the units but start nothing), DENTALCALL_HOME (an instance root with etc/ and
# var/ instead of /etc/dentalcall and /var/lib/dentalcall: upgrade tests), DENTALCALL_EDITABLE=1 (editable venv),
# DENTALCALL_VENV_SEED=VENV (dev/test: new venvs see VENV's packages instead of downloading them again).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${DENTALCALL_VENV:-/opt/dentalcall/venv}"
NO_MODELS="${DENTALCALL_NO_MODELS:-0}"
WITH_TEST_DEPS="${DENTALCALL_WITH_TEST_DEPS:-0}"
CACHE_DIR="${DENTALCALL_CACHE_DIR:-/var/cache/dentalcall}"
ETC_DIR=/etc/dentalcall
DATA_DIR=/var/lib/dentalcall
INSTANCE_HOME="${DENTALCALL_HOME:-}"
if [[ -n "${INSTANCE_HOME}" ]]; then  # same layout as appliance/settings.py for a home
    ETC_DIR="${INSTANCE_HOME}/etc"
    DATA_DIR="${INSTANCE_HOME}/var"
fi
ROLLBACK=0
STARTED_AT=$(date +%s)

usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-models) NO_MODELS=1 ;;
        --with-test-deps) WITH_TEST_DEPS=1 ;;
        --rollback) ROLLBACK=1 ;;
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

# ---------------------------------------------------------------------------- operations: helpers
HAVE_SYSTEMD=0
if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    HAVE_SYSTEMD=1
fi
UNITS_CHANGED=()
install_units() {  # install_units DIR: the systemd units of a release (daemon-reload only when asked: $2=reload)
    local dir="$1" unit target tmp
    UNITS_CHANGED=()
    for unit in "${dir}"/*.service "${dir}"/*.timer; do
        [[ -f "${unit}" ]] || continue
        target="/etc/systemd/system/$(basename "${unit}")"
        tmp="$(mktemp)"
        sed -e "s#@VENV@#${VENV}#g" -e "s#@REPO@#${REPO}#g" "${unit}" >"${tmp}"
        if ! cmp -s "${tmp}" "${target}"; then
            install -m 0644 "${tmp}" "${target}"
            UNITS_CHANGED+=("$(basename "${unit}")")
        fi
        rm -f "${tmp}"
    done
    if [[ ${#UNITS_CHANGED[@]} -gt 0 && "${2:-}" == "reload" ]]; then
        systemctl daemon-reload
    fi
    return 0
}
release_units_dir() {  # the systemd units a release venv was installed with
    local venv="$1" repo
    if [[ -d "${venv}/src/systemd" ]]; then
        echo "${venv}/src/systemd"
        return 0
    fi
    repo="$(cut -d' ' -f2- "${venv}/.dentalcall-install" 2>/dev/null || true)"
    if [[ -n "${repo}" && -d "${repo}/systemd" ]]; then
        echo "${repo}/systemd"
    fi
    return 0
}
ops_cli() {  # the dentalcall of the first of these venvs that has `ops` (a release before 0.2.0 has not)
    local v
    for v in "$@"; do
        if "${v}/bin/dentalcall" ops --help >/dev/null 2>&1; then
            echo "${v}/bin/dentalcall"
            return 0
        fi
    done
    die "none of $* has \`dentalcall ops\`"
}

# ---------------------------------------------------------------------------- operations: --rollback
# Back to the release before the last upgrade (${VENV}.previous): its systemd units, the engine restarted on it
# once no call is in progress (drain), then its Asterisk config. The CRM keeps its newer schema: migrations only
# add tables and columns, which the previous release ignores (the pre-upgrade copy is in the backup folder).
if [[ "${ROLLBACK}" == "1" ]]; then
    [[ -L "${VENV}" && -L "${VENV}.previous" && -x "${VENV}.previous/bin/dentalcall" ]] \
        || die "no previous release to return to (${VENV}.previous): rollback needs an upgrade by this install.sh"
    CURRENT="$(readlink -f "${VENV}")"
    PREVIOUS="$(readlink -f "${VENV}.previous")"
    log "rollback: ${CURRENT##*/} -> ${PREVIOUS##*/}"
    OPS="$(ops_cli "${CURRENT}" "${PREVIOUS}")"
    if [[ ${HAVE_SYSTEMD} -eq 1 && -z "${INSTANCE_HOME}" ]]; then
        units="$(release_units_dir "${PREVIOUS}")"
        [[ -n "${units}" ]] && install_units "${units}"  # loaded by the restart, after the engine stopped
    fi
    DENTALCALL_VENV="${VENV}" "${OPS}" ops restart --venv "${VENV}" --switch-venv "${PREVIOUS}"
    "${VENV}/bin/dentalcall" asterisk config >/dev/null
    log "rolled back to ${PREVIOUS##*/} (${CURRENT##*/} kept as ${VENV}.previous: --rollback again returns to it)"
    exit 0
fi

# ---------------------------------------------------------------------------- OS packages
PACKAGES=(ca-certificates debootstrap sip-tester sox espeak-ng tshark zstd tar util-linux passwd tzdata
          python3 python3-venv python3-dev python3-pip build-essential fonts-nanum)
PACKAGES+=(logrotate postgresql-client mariadb-client)  # operations: log limits, server-CRM backups
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
# operations: pid file, drain flag and start record (run/), the engine's own log without systemd (log/)
install -d -m 0750 -o dentalcall -g dentalcall "${DATA_DIR}/run" "${DATA_DIR}/log" "${CACHE_DIR}/llm-state"
[[ -z "${INSTANCE_HOME}" ]] && install -d -m 0700 -o root -g root /var/backups/dentalcall
if [[ "${ASTERISK_MODE}" != "native" && ! -f "${ETC_DIR}/dentalcall.ini" ]]; then
    printf '[dentalcall]\nasterisk_mode = rootfs\n' >"${ETC_DIR}/dentalcall.ini"
    chown root:dentalcall "${ETC_DIR}/dentalcall.ini"
    chmod 0640 "${ETC_DIR}/dentalcall.ini"
fi

# ---------------------------------------------------------------------------- venv (operations: release venvs)
# Production: each release gets its own venv, ${VENV}-releases/<version>-<hash>, holding a snapshot of the
# checkout (src/, installed from there), and ${VENV} is a symlink to the active one. A newer checkout builds
# the next venv beside the running one; the engine moves to it only after the drain (below), and
# ${VENV}.previous keeps the one before for --rollback. An install from before release venvs (${VENV} a
# directory) is adopted as the previous one.
# Dev (--with-test-deps or DENTALCALL_EDITABLE=1): one editable venv, updated in place as before.
EDITABLE="${DENTALCALL_EDITABLE:-${WITH_TEST_DEPS}}"
RELEASES="${VENV}-releases"
NEW_VENV=""  # a release venv this run built, which the engine switches to after the drain
want_stamp="$(cat "${REPO}/setup.cfg" "${REPO}/pyproject.toml" | sha256sum | cut -d' ' -f1) ${REPO}"

seed_venv() {  # dev/test only: a new venv sees DENTALCALL_VENV_SEED's packages instead of downloading them
    local venv="$1" seed own
    [[ -n "${DENTALCALL_VENV_SEED:-}" ]] || return 0
    seed="$("${DENTALCALL_VENV_SEED}/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    own="$("${venv}/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "${seed}" >"${own}/_dentalcall_seed.pth"
}
# a release holds a snapshot of this checkout (the code reads dialplan/, models/ ... beside appliance/), installed
# editable from there: what the venv runs can no longer change under it, whatever happens to the checkout
SOURCE_EXCLUDES=(--exclude=./.git --exclude=./tests --exclude=./bench --exclude=./build --exclude=./dist
                 --exclude='*.egg-info' --exclude=__pycache__ --exclude='*.pyc' --exclude=./.pytest_cache
                 --exclude=./var --exclude=./.ci)
source_id() {  # <version>-<hash of the snapshot a release venv would hold>
    local version hash
    version="$(sed -n 's/^version = *//p' "${REPO}/setup.cfg" | head -1)"
    hash="$(tar -C "${REPO}" "${SOURCE_EXCLUDES[@]}" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
        -cf - . | sha256sum | cut -c1-10)"
    echo "${version}-${hash}"
}
adopt_legacy_venv() {  # ${VENV} is a directory (installed before release venvs): make it a release
    local legacy
    legacy="${RELEASES}/legacy-$(date +%Y%m%d-%H%M%S)"
    log "keeping the installed venv as release ${legacy##*/}"
    if [[ "$(cut -d' ' -f2- "${VENV}/.dentalcall-install" 2>/dev/null)" == "${REPO}" ]]; then
        echo "   note: it was installed (editable) from this same folder, which now holds the new code:"
        echo "   --rollback can return to its venv but not to its code. Keep each release in a folder of its own."
    fi
    mkdir -p "${RELEASES}"
    mv -T "${VENV}" "${legacy}"
    # console scripts and activate name the venv's path: point them at its new place
    grep -rlIF --null "${VENV}" "${legacy}/bin" | xargs -0 -r sed -i "s#${VENV}\([/\"' ]\|\$\)#${legacy}\1#g"
    ln -s "${legacy}" "${VENV}"
}
build_release_venv() {  # build_release_venv DIR: a venv with the checkout's snapshot in DIR/src
    local target="$1"
    log "release venv ${target##*/} (a snapshot of ${REPO}, pip install -e DIR/src[test])"
    rm -rf "${target}"
    mkdir -p "$(dirname "${target}")"
    if ! { python3 -m venv "${target}" && seed_venv "${target}" && mkdir -p "${target}/src" \
            && tar -C "${REPO}" "${SOURCE_EXCLUDES[@]}" -cf - . | tar -C "${target}/src" -xf - \
            && "${target}/bin/python" -m pip install -q -e "${target}/src[test]"; }; then
        rm -rf "${target}"
        die "building the release venv failed; nothing was switched: the running release is untouched"
    fi
    printf '%s\n' "${want_stamp}" >"${target}/.dentalcall-install"
}
prune_releases() {  # keep the active, the previous and the new release venvs only
    local keep=() dir
    for dir in "${VENV}" "${VENV}.previous"; do
        [[ -L "${dir}" ]] && keep+=("$(readlink -f "${dir}")")
    done
    [[ -n "${NEW_VENV}" ]] && keep+=("${NEW_VENV}")
    shopt -s nullglob
    for dir in "${RELEASES}"/*; do
        if [[ ! " ${keep[*]} " == *" ${dir} "* ]]; then
            log "removing old release venv ${dir##*/}"
            rm -rf "${dir}"
        fi
    done
    shopt -u nullglob
}

if [[ "${EDITABLE}" == "1" ]]; then
    STAMP="${VENV}/.dentalcall-install"
    if [[ ! -x "${VENV}/bin/python" ]]; then
        log "venv ${VENV}"
        mkdir -p "$(dirname "${VENV}")"
        python3 -m venv "${VENV}"
        seed_venv "${VENV}"
    fi
    if [[ ! -x "${VENV}/bin/dentalcall" || ! -f "${STAMP}" || "$(cat "${STAMP}")" != "${want_stamp}" ]]; then
        log "pip install -e ${REPO}[test]"
        "${VENV}/bin/python" -m pip install -q -e "${REPO}[test]"
        printf '%s\n' "${want_stamp}" >"${STAMP}"
    else
        log "venv up to date"
    fi
else
    WANT_ID="$(source_id)"
    TARGET="${RELEASES}/${WANT_ID}"
    if [[ -d "${VENV}" && ! -L "${VENV}" ]]; then
        adopt_legacy_venv
    fi
    ACTIVE="$(readlink -f "${VENV}" 2>/dev/null || true)"
    if [[ -L "${VENV}" && "${ACTIVE}" == "${TARGET}" && -x "${TARGET}/bin/dentalcall" ]]; then
        log "venv up to date (release ${WANT_ID})"
    else
        if [[ -x "${TARGET}/bin/dentalcall" && -f "${TARGET}/.dentalcall-install" ]]; then
            log "release venv ${WANT_ID} already built"
        else
            build_release_venv "${TARGET}"
        fi
        if [[ -L "${VENV}" ]]; then
            NEW_VENV="${TARGET}"  # an upgrade: switched after the drain
        else
            ln -s "${TARGET}" "${VENV}"  # a fresh install: nothing runs yet
        fi
    fi
    prune_releases
fi
BIN_VENV="${NEW_VENV:-${VENV}}"
export PATH="${BIN_VENV}/bin:${PATH}"
DENTALCALL="${BIN_VENV}/bin/dentalcall"

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

# ---------------------------------------------------------------------------- CRM (operations)
# An upgrade first copies the CRM (the nightly backups hold the rest), then every migration of this release runs
# while the old engine still takes calls: migrations only add, so the old engine keeps working on the new schema.
if [[ -n "${NEW_VENV}" ]]; then
    log "CRM copy before the upgrade"
    "${DENTALCALL}" backup --crm-only --label pre-upgrade \
        || die "could not copy the CRM before the upgrade; nothing was switched (the running release is untouched)"
fi
log "CRM migrations"
"${DENTALCALL}" ops migrate
# a CRM created just now by root belongs to the engine's user, like data_dir
chown --reference="${DATA_DIR}" "${DATA_DIR}"/crm.sqlite* 2>/dev/null || true

# ---------------------------------------------------------------------------- systemd units
if [[ ${HAVE_SYSTEMD} -eq 1 ]]; then
    # while an old engine runs, the new units are loaded by its restart (after the drain), not now
    if [[ -n "${NEW_VENV}" ]] && systemctl is-active --quiet dentalcall.service; then
        install_units "${REPO}/systemd"
    else
        install_units "${REPO}/systemd" reload
    fi
    systemctl enable --quiet dentalcall-asterisk.service dentalcall.service dentalcall-backup.timer
fi

# ---------------------------------------------------------------------------- install.d steps
# during an upgrade the steps run the new release (BIN_VENV): ${VENV} still points at the running one
export DENTALCALL_REPO="${REPO}" DENTALCALL_VENV="${BIN_VENV}" DENTALCALL_CACHE_DIR="${CACHE_DIR}"
export DENTALCALL_NO_MODELS="${NO_MODELS}" DENTALCALL_WITH_TEST_DEPS="${WITH_TEST_DEPS}"
shopt -s nullglob
for step in "${REPO}"/install.d/*.sh; do
    log "install.d/$(basename "${step}")"
    bash "${step}"
done
shopt -u nullglob

# ---------------------------------------------------------------------------- logs and backups (operations)
log "log rotation and limits"
"${DENTALCALL}" ops logs --write >/dev/null
if [[ -z "${INSTANCE_HOME}" ]]; then
    DENTALCALL_VENV="${VENV}" "${DENTALCALL}" backup schedule || echo "   the nightly backup is not scheduled: see above"
fi

# ---------------------------------------------------------------------------- start (operations: drained restart)
# The engine restarts only once no call is in progress: new calls go to staff meanwhile (drain), live ones
# finish (at most drain_max_seconds), then it stops, moves to the new release venv and starts again.
RESTART_ARGS=(--venv "${VENV}")
[[ -n "${NEW_VENV}" ]] && RESTART_ARGS+=(--switch-venv "${NEW_VENV}")
if [[ "${DENTALCALL_NO_START:-0}" == "1" ]]; then
    [[ -n "${NEW_VENV}" ]] && "${DENTALCALL}" ops switch-venv "${NEW_VENV}" --venv "${VENV}"
elif [[ ${HAVE_SYSTEMD} -eq 1 && -z "${INSTANCE_HOME}" ]]; then
    log "services"
    systemctl is-active --quiet dentalcall-asterisk.service || systemctl start dentalcall-asterisk.service
    if [[ " ${UNITS_CHANGED[*]} " == *" dentalcall-asterisk.service "* ]] \
            && systemctl is-active --quiet dentalcall-asterisk.service; then
        echo "   dentalcall-asterisk.service changed: it applies at Asterisk's next restart (when the phones are quiet:"
        echo "   systemctl restart dentalcall-asterisk)"
    fi
    if systemctl is-active --quiet dentalcall.service; then
        if [[ -n "${NEW_VENV}" || "${EDITABLE}" == "1" || " ${UNITS_CHANGED[*]} " == *" dentalcall.service "* ]]; then
            "${DENTALCALL}" ops restart "${RESTART_ARGS[@]}"
        fi
    else
        [[ -n "${NEW_VENV}" ]] && "${DENTALCALL}" ops switch-venv "${NEW_VENV}" --venv "${VENV}"
        systemctl start dentalcall.service || echo "   dentalcall.service did not start: journalctl -u dentalcall"
    fi
else
    # no systemd (or a test instance): a running engine is restarted the same way, detached, as its own user
    "${DENTALCALL}" ops restart "${RESTART_ARGS[@]}"
fi
[[ -n "${NEW_VENV}" ]] && DENTALCALL="${VENV}/bin/dentalcall"

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
  release:   $(readlink -f "${VENV}" | xargs basename)$([[ -L "${VENV}.previous" ]] && echo " (previous: $(readlink -f "${VENV}.previous" | xargs basename); install.sh --rollback returns to it)")
  config:    ${ETC_DIR}   data: ${DATA_DIR}   cache: ${CACHE_DIR}
  services:  $([[ ${HAVE_SYSTEMD} -eq 1 ]] && echo "dentalcall-asterisk, dentalcall (systemd)" || echo "no systemd: start with 'dentalcall asterisk start' and 'dentalcall serve'")
  models:    $([[ "${NO_MODELS}" == "1" ]] && echo "skipped (--no-models)" || echo "installed by install.d")
  test deps: $([[ "${WITH_TEST_DEPS}" == "1" ]] && echo "yes" || echo "no (--with-test-deps)")
Next: dentalcall trunk add NAME --host ... --username ... ; dentalcall extension add 201 --name ...
EOF
