#!/bin/sh
# Starts Chromium with its profile folder on a RAM disk of its own (size $HC_DISK_SIZE, 64m if unset),
# in a private mount namespace, so a test can fill that disk for real (storage-quota.spec.ts).
# Writes the browser's process id next to the profile folder, so the test can reach the disk
# through /proc/<pid>/root.
for arg in "$@"; do
  case "$arg" in --user-data-dir=*) dir="${arg#--user-data-dir=}";; esac
done
if [ -z "$dir" ]; then echo "chromium-small-disk.sh: no --user-data-dir" >&2; exit 2; fi
exec unshare --user --map-root-user --mount sh -c '
  mount -t tmpfs -o "size=$0" tmpfs "$1" || exit 3
  echo $$ > "$1.pid"
  dir="$1"; shift 2
  exec "${CHROMIUM_REAL:-/usr/bin/chromium}" "$@"
' "${HC_DISK_SIZE:-64m}" "$dir" "$@"
