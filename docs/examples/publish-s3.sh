#!/bin/sh
# Builds the snapshot, then publishes it to S3-compatible object storage with
# `sdi-snapshot publish` (docs/PUBLISHING.md, "Publishing to S3-compatible object storage").
# Run it from the systemd timer beside this file (sdi-snapshot.service / .timer), or from cron:
#
#   18,33,48 * 16-22 11 *  sdi  /opt/sdi/publish-s3.sh >> /var/log/sdi-snapshot.log 2>&1
#   3 * * * *              sdi  /opt/sdi/publish-s3.sh >> /var/log/sdi-snapshot.log 2>&1
#
# Settings (environment, or /etc/default/sdi-snapshot, readable by the service user only):
#   SDI_OA_KEY             OpenAgenda public read key
#   SDI_AGENDA             agenda uid                                     (default 9464342)
#   SDI_BUILD_ARGS         more builder flags, e.g. "--edition 15 --year 2026 --start 2026-11-16 --end 2026-11-22"
#   SDI_TO                 destination, e.g. s3://sdi-static/sdi
#   SDI_PUBLISH_ARGS       more publish flags, e.g. "--precompress --keep 5"
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL_S3 (OVHcloud,
#                          Scaleway, Outscale: the provider's S3 endpoint)
#   SDI_WORK               working folder                                 (default /var/lib/sdi-snapshot)
#   SDI_SNAPSHOT           the CLI                                        (default: npx --no-install sdi-snapshot)
#
# `publish-s3.sh --rollback` puts the previous index back online (stop the timer first, or its
# next run publishes a fresh snapshot).
#
# Exit codes: the builder's (1 error, 2 usage, 3 API refused, 4 API unreachable, 5 the agenda
# reads empty and nothing was published), 6 another run holds the lock, and publish's, plus 20:
#   20 + publish code: 22 usage, 23 storage refused the credentials, 24 storage unreachable,
#   27 bucket missing, 28 upload interrupted (the previous index stays online), 29 published but
#   the clean-up failed, 30 nothing to roll back to, 32 @aws-sdk/client-s3 missing.
set -u

[ -r /etc/default/sdi-snapshot ] && . /etc/default/sdi-snapshot
WORK=${SDI_WORK:-/var/lib/sdi-snapshot}
AGENDA=${SDI_AGENDA:-9464342}
SNAPSHOT=${SDI_SNAPSHOT:-npx --no-install sdi-snapshot}
: "${SDI_TO:?set SDI_TO to the destination, e.g. s3://bucket/prefix}"

log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) publish-s3: $*"; }

mkdir -p "$WORK" || exit 1
exec 9>"$WORK/.lock"
if ! flock -n 9; then log "another run is in progress"; exit 6; fi

if [ "${1:-}" = "--rollback" ]; then
  # shellcheck disable=SC2086
  $SNAPSHOT rollback --to "$SDI_TO"
  code=$?
  [ $code -eq 0 ] || { log "rollback failed (exit $code)"; exit $((20 + code)); }
  exit 0
fi

# shellcheck disable=SC2086 # SDI_BUILD_ARGS, SDI_PUBLISH_ARGS and SNAPSHOT are word lists on purpose
$SNAPSHOT --agenda "$AGENDA" --out "$WORK/build" ${SDI_BUILD_ARGS:-} --quiet
code=$?
case $code in
  0) ;;
  5) log "the agenda reads empty: the published snapshot is kept (exit 5)"; exit 5 ;;
  *) log "the builder failed (exit $code): nothing published"; exit "$code" ;;
esac

# shellcheck disable=SC2086
$SNAPSHOT publish --to "$SDI_TO" --snapshot "$WORK/build" ${SDI_PUBLISH_ARGS:-}
code=$?
[ $code -eq 0 ] || { log "publish failed (exit $code)"; exit $((20 + code)); }
