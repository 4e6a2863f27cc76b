#!/usr/bin/env bash
# Run by the build (api/pom.xml, package phase) after the jar is shaded: installs the launcher next to
# strata.jar and makes strata.jsa, a class-data-sharing archive of the classes Strata's commands load.
# Training, offline, in a throw-away data directory: import samples/advisories, scan samples/demo/demo.tar
# (a fresh scan with matching), scan it again (the stored report), and --help. Each run lists the classes it
# loaded; one static archive is dumped from the merged list.
# A failure here only means no archive: the build goes on and the launcher starts without one.
#
#   train-cds.sh TARGET_DIR SAMPLES_DIR
set -uo pipefail
target="$1" samples="$2"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
install -m 0755 "$(dirname "$0")/strata" "$target/strata"
jar="$(readlink -f "$target/strata.jar")" jsa="$(readlink -f "$target")/strata.jsa"
work="$(mktemp -d "$target/cds-training.XXXXXX")"
trap 'rm -rf "$work" "$jsa.tmp"' EXIT
rm -f "$jsa"
n=0
run() {
  n=$((n + 1))
  "$java" -XX:+UseParallelGC -Xshare:off -XX:DumpLoadedClassList="$work/classes.$n" -jar "$jar" "$@" \
    > /dev/null 2> "$work/err.$n" || { echo "[cds] training run failed: strata $*" >&2; tail -3 "$work/err.$n" >&2; return 1; }
}
if run db import --data "$work/data" "$samples/advisories" \
    && run scan --data "$work/data" -q --format json "$samples/demo/demo.tar" \
    && run scan --data "$work/data" -q "$samples/demo/demo.tar" \
    && run --help \
    && awk '!seen[$0]++' "$work"/classes.* > "$work/classes.lst" \
    && "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$jsa.tmp" \
         -cp "$jar" > "$work/dump.log" 2>&1 \
    && [[ -s "$jsa.tmp" ]]; then
  mv "$jsa.tmp" "$jsa"
  echo "[cds] $jsa: $(wc -l < "$work/classes.lst") classes, $(( $(stat -c %s "$jsa") / 1048576 )) MiB"
else
  [[ -f "$work/dump.log" ]] && tail -3 "$work/dump.log" >&2
  echo "[cds] WARNING: no class-data-sharing archive made; the launcher runs without one" >&2
fi
exit 0
