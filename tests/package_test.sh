#!/usr/bin/env bash
# The Debian package (docs/operations.md, "Install"), as far as a machine without systemd as
# PID 1 can check it: builds it from the build tree with `cpack -G DEB` into a temporary
# directory, checks its fields, files, modes, conffiles and maintainer scripts, verifies the
# unit with systemd-analyze, then runs the PACKAGED binary with the PACKAGED configuration and
# logs in through it.
#
# usage: package_test.sh BUILD_DIR VERSION [lintian]
#   lintian: only run lintian on the package; exit 77 (skipped) when lintian is not installed.
set -euo pipefail

build=$1
version=$2
mode=${3:-package}

if [ "$mode" = lintian ] && ! command -v lintian >/dev/null; then
  echo "lintian is not installed: skipped"
  exit 77
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION COMMAND...: a failed COMMAND is a failure, the test goes on.
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else fail "$what"; fi
}

# --- The package, built as a user builds it ---------------------------------------------------
start=$(date +%s%N)
if ! (cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log" 2>&1); then
  cat "$work/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
fi
seconds=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
arch=$(dpkg --print-architecture)
deb="$work/out/saqme_${version}-1_${arch}.deb"
[ -f "$deb" ] || { ls -l "$work/out"; echo "FAIL: no $deb"; exit 1; }
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes, built in ${seconds} s"

if [ "$mode" = lintian ]; then
  # Errors fail; warnings and notes are printed for the reader.
  lintian --fail-on error --display-info "$deb"
  exit $?
fi

# --- Control fields ---------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
check "Package is saqme" test "$(field Package)" = saqme
check "Version is the project's with the Debian revision" test "$(field Version)" = "${version}-1"
check "Architecture is dpkg's ($arch)" test "$(field Architecture)" = "$arch"
check "Section and Priority" test "$(field Section)/$(field Priority)" = misc/optional
check "Maintainer has a name and an address" grep -Eq '^[^<]+ <[^@>]+@[^>]+>$' <<< "$(field Maintainer)"
check "Description has a summary and a long text" test "$(field Description | wc -l)" -ge 5
check "the long text does not repeat the summary" \
  test "$(field Description | sed -n 1p)" != "$(field Description | sed -n 2p | sed 's/^ //')"
depends=$(field Depends)
echo "Depends: $depends"
# has_dependency NAME...: Depends names one of the packages NAME (without a version).
has_dependency() {
  local name
  for name in "$@"; do
    awk -v RS=', ' -v want="$name" '{ sub(/ .*/, ""); sub(/\n$/, "") } $0 == want { found = 1 }
                                     END { exit !found }' <<< "$depends" && return 0
  done
  return 1
}
check "Depends names adduser" has_dependency adduser
# Each shared library the binary needs is named through its Debian package (or a name that
# package provides: libspdlog1.10 is depended on as libspdlog1.10-fmt9).
mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"
binary="$work/root/usr/bin/saqme"
for needed in $(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }'); do
  path=$(ldd "$binary" | awk -v so="$needed" '$1 == so { print $3 }')
  owner=$( (dpkg -S "$path" 2>/dev/null || dpkg -S "/usr$path" 2>/dev/null) | head -1 | cut -d: -f1)
  if [ -z "$owner" ]; then fail "no package owns $needed ($path)"; continue; fi
  provides=$(dpkg-query -W -f='${Provides}' "$owner" | sed 's/ ([^)]*)//g; s/,/ /g')
  # shellcheck disable=SC2086 # the provided names, one word each
  check "Depends names $owner (for $needed)" has_dependency "$owner" $provides
done

# --- Files, modes, owners ---------------------------------------------------------------------
# Every file the package holds (directories apart), with its mode and owner: nothing else.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $1, $2, $6 }' | sort > "$work/files"
sort > "$work/expected" <<'LIST'
-rwxr-xr-x root/root ./usr/bin/saqme
-rw-r--r-- root/root ./etc/saqme/saqme.conf
-rw-r--r-- root/root ./lib/systemd/system/saqme.service
-rw-r--r-- root/root ./usr/share/doc/saqme/copyright
-rw-r--r-- root/root ./usr/share/doc/saqme/changelog.Debian.gz
-rw-r--r-- root/root ./usr/share/doc/saqme/README.Debian
-rw-r--r-- root/root ./usr/share/doc/saqme/operations.md.gz
-rw-r--r-- root/root ./usr/share/man/man1/saqme.1.gz
LIST
check "the files, their modes and owners" diff "$work/expected" "$work/files"
check "directories are root's, 0755" test -z "$(dpkg-deb -c "$deb" | awk '$1 ~ /^d/ && ($1 != "drwxr-xr-x" || $2 != "root/root")')"
check "no /var in the package (postinst makes /var/lib/saqme)" test -z "$(dpkg-deb -c "$deb" | awk '$6 ~ /^\.\/var/')"
check "the binary is stripped" test -z "$(readelf -S "$binary" | grep -F .symtab)"
runs() { "$binary" --help > /dev/null; }
check "the binary runs" runs
conf="$work/root/etc/saqme/saqme.conf"
check "the packaged configuration keeps the data in /var/lib/saqme" grep -Eq '^data = /var/lib/saqme( |$)' "$conf"
check "the packaged configuration listens on 127.0.0.1:8080" grep -Eq '^listen = 127\.0\.0\.1:8080( |$)' "$conf"
doc="$work/root/usr/share/doc/saqme"
check "copyright is in Debian's machine-readable format" grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$doc/copyright"
check "the changelog's first entry is this version" grep -q "^saqme (${version}-1) " <(zcat "$doc/changelog.Debian.gz")
no_timestamp() { test "$(od -An -tx1 -j4 -N4 "$1" | tr -d ' ')" = 00000000; }
for gz in "$doc/changelog.Debian.gz" "$doc/operations.md.gz" "$work/root/usr/share/man/man1/saqme.1.gz"; do
  check "$(basename "$gz") has no time stamp (gzip -n)" no_timestamp "$gz"
done
check "the man page formats without warnings" test -z "$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$work/root/usr/share/man/man1/saqme.1.gz" 2>&1 >/dev/null)"

# --- Control files and maintainer scripts -----------------------------------------------------
dpkg-deb -e "$deb" "$work/control"
check "conffiles lists /etc/saqme/saqme.conf alone" test "$(cat "$work/control/conffiles")" = /etc/saqme/saqme.conf
check "md5sums covers every file" test "$(wc -l < "$work/control/md5sums")" = "$(wc -l < "$work/expected")"
for script in postinst prerm postrm; do
  file="$work/control/$script"
  check "$script is 0755" test "$(stat -c %a "$file")" = 755
  check "$script is /bin/sh with set -e" grep -qx 'set -e' "$file"
  check "$script parses (sh -n)" sh -n "$file"
  check "$script parses (dash -n)" dash -n "$file"
  if command -v shellcheck >/dev/null; then
    check "$script passes shellcheck" shellcheck -s sh "$file"
  fi
done
postinst="$work/control/postinst"
check "postinst makes the system user and group saqme" grep -Eq 'adduser --system .*--ingroup saqme --home /var/lib/saqme --no-create-home' "$postinst"
check "postinst makes /var/lib/saqme 0700" grep -q 'mkdir -m 0700 /var/lib/saqme' "$postinst"
check "postinst starts the unit only where systemd runs" grep -q '\[ -d /run/systemd/system \]' "$postinst"
# Outside comments and the message (quoted), postrm removes no file and no user.
check "postrm keeps /var/lib/saqme and the user on purge" \
  test -z "$(grep -Ev '^[[:space:]]*#|"' "$work/control/postrm" | grep -Ew 'rm|deluser|userdel')"

# --- The unit ---------------------------------------------------------------------------------
unit="$work/root/lib/systemd/system/saqme.service"
check "the unit runs the packaged binary with the packaged configuration" \
  grep -qx 'ExecStart=/usr/bin/saqme serve --config /etc/saqme/saqme.conf' "$unit"
check "the unit runs as saqme:saqme" grep -qx 'User=saqme' "$unit"
check "exit 2 (refused start) is not restarted" grep -qx 'RestartPreventExitStatus=2' "$unit"
# systemd-analyze verify needs ExecStart's program to exist: a copy points at the extracted one.
mkdir "$work/unit"
sed "s|^ExecStart=/usr/bin/saqme |ExecStart=$binary |" "$unit" > "$work/unit/saqme.service"
verify_output=$(systemd-analyze verify --man=no "$work/unit/saqme.service" 2>&1) && verified=1 || verified=0
echo "$verify_output"
check "systemd-analyze verify: no error and no warning" test "$verified$verify_output" = 1
# Every setting of the unit is one systemd knows (verify only warns of unknown ones: above).
security=$(systemd-analyze security --offline=yes --threshold=15 "$work/unit/saqme.service" 2>&1) \
  && secure=1 || secure=0
grep 'Overall exposure level' <<< "$security" || true
check "systemd-analyze security: exposure 1.5 or lower" test "$secure" = 1

# The maintainer scripts run for real, in a private mount namespace (package_scripts.sh): only
# root may make one; elsewhere this part is left out, and said so.
if unshare -m --propagation private true 2>/dev/null; then
  if unshare -m --propagation private "$(dirname "$0")/package_scripts.sh" "$work/control" "$unit"
  then echo "ok: the maintainer scripts, run"; else fail "the maintainer scripts, run"; fi
else
  echo "not run: the maintainer scripts (unshare -m needs root)"
fi

# served_port LOG SCHEME: the port `saqme serve` (pid $server) says it serves SCHEME on in LOG,
# waited for up to 30 s; empty when it stops or never says.
served_port() {
  local found=
  for _ in $(seq 1 300); do
    found=$(grep -Eo "$2://127\.0\.0\.1:[0-9]+" "$1" | head -1 | sed 's/.*://') || true
    [ -n "$found" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "$found"
}

# --- The packaged binary with the packaged configuration -------------------------------------
# Data directory and port from the command line (a flag wins over the file); all else is the
# packaged file's: the demonstration chart, interactive password hashing, the default limits.
data="$work/data"
mkdir -m 0700 "$data"  # as the postinst leaves /var/lib/saqme: there, empty
"$binary" serve --config "$conf" --data "$data" --listen 127.0.0.1:0 > "$work/serve.log" 2>&1 &
server=$!
port=$(served_port "$work/serve.log" 'https?')
if [ -z "$port" ]; then cat "$work/serve.log"; echo "FAIL: the packaged binary did not serve"; exit 1; fi
base="http://127.0.0.1:$port"
check "GET /health is 200" curl -sf -o /dev/null "$base/health"
console=$(curl -sf "$base/" || true)
check "GET / is the console's page" grep -qi '<!doctype html' <<< "$console"
password=$(grep -E $'^[[:space:]]*org-records[[:space:]]+([a-z0-9]{4}-){3}[a-z0-9]{4}$' "$work/serve.log" | awk '{ print $2 }' | head -1)
check "the first start printed the demonstration clerk's one-time password" test -n "$password"
jar="$work/cookies"
login=$(curl -s -c "$jar" -H 'Content-Type: application/json' \
  -d "{\"login\":\"org-records\",\"password\":\"$password\"}" -w '\n%{http_code}' "$base/v1/session")
check "login with the one-time password is 200 and must change it" \
  grep -q '"must_change_password":true' <<< "$login"
csrf=$(sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p' <<< "$login" | head -1)
changed=$(curl -s -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
  -d "{\"password\":\"$password\",\"new_password\":\"a packaged password\"}" -w '\n%{http_code}' \
  "$base/v1/session/password")
check "the new password is taken" grep -q '"must_change_password":false' <<< "$changed"
me=$(curl -s -b "$jar" -w '\n%{http_code}' "$base/v1/me")
check "GET /v1/me is the clerk's, 200" grep -q 'org-records' <<< "$me"
check "GET /v1/me answered 200" test "$(tail -1 <<< "$me")" = 200
kill -TERM "$server"
status=0; wait "$server" || status=$?
server=
check "SIGTERM stops it with exit 0" test "$status" = 0
check "saqme check: the live views equal a rebuild" "$binary" check --data "$data"

# --- Over HTTPS, as docs/operations.md ("HTTPS with the package") sets it up -----------------
# tls-cert and tls-key in (a copy of) the packaged saqme.conf, a self-signed certificate for
# 127.0.0.1; the same directory, the password chosen above.
tls="$work/tls"
mkdir -m 0750 "$tls"
if openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$tls/privkey.pem" -out "$tls/fullchain.pem" \
    > "$work/openssl.log" 2>&1; then
  chmod 0640 "$tls"/*.pem
  cp "$conf" "$work/saqme-tls.conf"
  printf 'tls-cert = %s\ntls-key = %s\n' "$tls/fullchain.pem" "$tls/privkey.pem" \
    >> "$work/saqme-tls.conf"
  "$binary" serve --config "$work/saqme-tls.conf" --data "$data" --listen 127.0.0.1:0 \
    > "$work/serve-tls.log" 2>&1 &
  server=$!
  port=$(served_port "$work/serve-tls.log" https)
  check "the packaged binary serves HTTPS with tls-cert and tls-key in its file" test -n "$port"
  if [ -n "$port" ]; then
    base="https://127.0.0.1:$port"
    secure=(curl -s --cacert "$tls/fullchain.pem")
    check "GET / over HTTPS is the console's page" \
      grep -qi '<!doctype html' <<< "$("${secure[@]}" "$base/" || true)"
    headers=$("${secure[@]}" -D - -o /dev/null -c "$work/tls-cookies" \
      -H 'Content-Type: application/json' \
      -d '{"login":"org-records","password":"a packaged password"}' "$base/v1/session" || true)
    check "login over HTTPS is 200" grep -q '^HTTP/1.1 200' <<< "$headers"
    check "its cookie is Secure and HttpOnly" grep -Eiq '^set-cookie:.*; Secure.*HttpOnly|^set-cookie:.*HttpOnly.*; Secure' <<< "$headers"
    check "the answer carries Strict-Transport-Security" grep -qi '^strict-transport-security: max-age=' <<< "$headers"
    me=$("${secure[@]}" -b "$work/tls-cookies" -w '\n%{http_code}' "$base/v1/me" || true)
    check "GET /v1/me over HTTPS is the clerk's, 200" test "$(tail -1 <<< "$me")" = 200
    check "plain HTTP to the HTTPS port gets no answer" \
      test -z "$(curl -s --max-time 5 "http://127.0.0.1:$port/health" || true)"
  else
    cat "$work/serve-tls.log"
  fi
  kill -TERM "$server" 2>/dev/null || true
  status=0; wait "$server" || status=$?
  server=
  check "over HTTPS too, SIGTERM stops it with exit 0" test "$status" = 0
else
  cat "$work/openssl.log"
  fail "openssl could not make the test certificate"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
