#!/bin/sh
# Builds the snapshot and publishes it to a static host with rsync (docs/PUBLISHING.md).
# Run from cron, e.g. every 15 minutes during the edition and hourly otherwise:
#
#   */15 * 16-22 11 *  sdi  /opt/sdi/publish-snapshot.sh >> /var/log/sdi-snapshot.log 2>&1
#   7 * * * *          sdi  /opt/sdi/publish-snapshot.sh >> /var/log/sdi-snapshot.log 2>&1
#
# Settings (environment, or /etc/default/sdi-snapshot, readable by the cron user only):
#   SDI_OA_KEY      OpenAgenda public read key (never on the command line: `ps` shows it)
#   SDI_AGENDA      agenda uid                               (default 9464342)
#   SDI_BUILD_ARGS  more builder flags, e.g. "--edition 15 --year 2026 --start 2026-11-16 --end 2026-11-22"
#   SDI_API         API base or proxy                        (default: the builder's, OpenAgenda)
#   SDI_DEST        rsync destination, e.g. deploy@static.example.org:/srv/www/sdi/snapshot/
#   SDI_WORK        working folder (build + mirror)         (default /var/lib/sdi-snapshot)
#   SDI_SNAPSHOT    builder command                          (default: npx --no-install sdi-snapshot)
#
# `publish-snapshot.sh --rollback` puts the previous snapshot back online (pause the cron job
# first, or its next run publishes a fresh one).
#
# Exit codes: the builder's (0 ok, 1 error, 2 usage, 3 API refused, 4 API unreachable, 5 the
# agenda reads empty and the published snapshot was kept), 6 another run holds the lock,
# 10 mirror failed, 11 upload failed. Nothing is uploaded unless the build succeeded.
set -u

[ -r /etc/default/sdi-snapshot ] && . /etc/default/sdi-snapshot
WORK=${SDI_WORK:-/var/lib/sdi-snapshot}
AGENDA=${SDI_AGENDA:-9464342}
SNAPSHOT=${SDI_SNAPSHOT:-npx --no-install sdi-snapshot}
HERE=$(cd "$(dirname "$0")" && pwd)
: "${SDI_DEST:?set SDI_DEST to the rsync destination}"

log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) publish-snapshot: $*"; }

mkdir -p "$WORK" || exit 1
# One run at a time: an hourly run must not overlap a slow quarter-hourly one.
exec 9>"$WORK/.lock"
if ! flock -n 9; then log "another run is in progress"; exit 6; fi

upload() {
  # Content-hashed files first, then index.json (which names them), then the deletions the
  # mirror decided: a visitor never gets an index whose files are not there yet.
  rsync -rt --chmod=D755,F644 --exclude=/index.json --exclude=/.history/ "$WORK/mirror/" "$SDI_DEST" &&
    rsync -t --chmod=F644 "$WORK/mirror/index.json" "$SDI_DEST" &&
    rsync -rt --delete --exclude=/index.json --exclude=/.history/ "$WORK/mirror/" "$SDI_DEST"
}

if [ "${1:-}" = "--rollback" ]; then
  node "$HERE/mirror-snapshot.mjs" rollback "$WORK/mirror" || exit 10
  upload || { log "upload failed"; exit 11; }
  log "previous snapshot back online"
  exit 0
fi

# shellcheck disable=SC2086 # SDI_BUILD_ARGS and SNAPSHOT are word lists on purpose
$SNAPSHOT --agenda "$AGENDA" --out "$WORK/build" ${SDI_API:+--api "$SDI_API"} ${SDI_BUILD_ARGS:-} --quiet
code=$?
case $code in
  0) ;;
  5) log "the agenda reads empty: the published snapshot is kept (exit 5)"; exit 5 ;;
  *) log "the builder failed (exit $code): nothing published"; exit "$code" ;;
esac

node "$HERE/mirror-snapshot.mjs" publish "$WORK/build" "$WORK/mirror" --keep 3 || exit 10
upload || { log "upload failed: the host still has a complete snapshot (the previous or this one); the next run retries"; exit 11; }
log "published"
