#!/usr/bin/env bash
# The package's maintainer scripts run for real (the real adduser and deb-systemd-helper), in a
# private mount namespace so that nothing of the machine changes: a copy of /etc, empty /var/lib,
# /var/log and /run (so no systemd is seen running: none is started), and the packaged unit as
# the only one in /lib/systemd/system. Called by package_test.sh as
#   unshare -m --propagation private package_scripts.sh CONTROL_DIR UNIT_FILE
# Prints "ok: …" or "FAIL: …" a line; exits 1 when anything failed.
set -euo pipefail
control=$1
unit=$2
scratch=$(mktemp -d)
cp -a /etc "$scratch/etc"
mount --bind "$scratch/etc" /etc
mkdir "$scratch/systemd"
cp "$unit" "$scratch/systemd/saqme.service"
mount --bind "$scratch/systemd" /lib/systemd/system
for dir in /var/lib /var/log /run; do mount -t tmpfs tmpfs "$dir"; done

failures=0
check() {
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
# As dpkg runs a maintainer script (deb-systemd-helper refuses to run otherwise).
run() {
  check "$*" env DPKG_MAINTSCRIPT_PACKAGE=saqme DPKG_MAINTSCRIPT_NAME="$1" \
    DPKG_MAINTSCRIPT_ARCH="$(dpkg --print-architecture)" "$control/$1" "${@:2}"
}
wants=/etc/systemd/system/multi-user.target.wants/saqme.service

check "no user saqme before" test -z "$(getent passwd saqme)"
run postinst configure
check "the system user saqme, group saqme, home /var/lib/saqme, no login" \
  test "$(getent passwd saqme | cut -d: -f4,6,7)" = "$(getent group saqme | cut -d: -f3):/var/lib/saqme:/usr/sbin/nologin"
check "a system uid" test "$(id -u saqme)" -lt 1000
check "/var/lib/saqme is saqme's, 0700" test "$(stat -c '%U:%G %a' /var/lib/saqme)" = "saqme:saqme 700"
check "the unit is enabled (multi-user.target wants it)" test -L "$wants"
# Again, as an upgrade's configure: nothing changes, nothing fails.
uid=$(id -u saqme)
touch /var/lib/saqme/users.txt
run postinst configure 0.1.0-1
check "the same user after a second configure" test "$(id -u saqme)" = "$uid"
check "one user saqme" test "$(grep -c '^saqme:' /etc/passwd)" = 1
check "the data directory kept" test -f /var/lib/saqme/users.txt
run prerm remove
rm "$scratch/systemd/saqme.service"  # dpkg removes the package's files between the two
run postrm remove
check "remove masks the unit (until a reinstall)" \
  test "$(readlink /etc/systemd/system/saqme.service)" = /dev/null
run postrm purge
check "purge keeps /var/lib/saqme" test -f /var/lib/saqme/users.txt
check "purge keeps the user" test "$(id -u saqme)" = "$uid"
check "purge forgets the unit's enablement and mask" \
  test ! -e "$wants" -a ! -L /etc/systemd/system/saqme.service
rm -rf "$scratch"
exit $((failures != 0))
