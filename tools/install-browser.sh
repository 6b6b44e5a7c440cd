#!/usr/bin/env bash
# tools/install-browser.sh - make Debian's headless Chromium (and ChromeDriver) available for the browser tests.
# Idempotent and quiet: prints exactly one line. Never fails (exit 0): the tests decide what a
# missing browser means (skip locally, fail when CI=true).
#   BROWSER_PKGS  packages to install (default: chromium fonts-liberation; Playwright drives it)
set -u
PKGS=${BROWSER_PKGS:-chromium fonts-liberation}
say() { echo "install-browser: $*"; }

have_all() {
    [ -x /usr/bin/chromium ] || return 1
    case " $PKGS " in *" chromium-driver "*) [ -x /usr/bin/chromedriver ] || return 1 ;; esac
    return 0
}
version() { /usr/bin/chromium --version 2>/dev/null | head -n1; }

if have_all; then
    say "already present: $(version)"
    exit 0
fi

if [ "$(id -u)" = 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO=(sudo -n)
else
    say "SKIPPED: /usr/bin/chromium missing and not root (no passwordless sudo); run as root: apt-get install chromium"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "SKIPPED: /usr/bin/chromium missing and no apt-get on this machine"
    exit 0
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
# 'update' is cheap (~1 s) and needed: the image's lists may be stale (old candidate or 404) and
# lack bookworm-security, where Debian ships current Chromium.
# shellcheck disable=SC2086
if "${apt[@]}" update >"$log" 2>&1 &&
    "${apt[@]}" install --no-install-recommends $PKGS >>"$log" 2>&1 && have_all; then
    say "installed $(version) in ${SECONDS}s"
else
    say "FAILED after ${SECONDS}s (exit 0 anyway): $(grep -E '^(E|W):' "$log" | tail -n1 || true)"
fi
exit 0
