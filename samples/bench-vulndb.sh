#!/usr/bin/env bash
# Vulnerability database benchmark (run by hand after ./mvnw -q install -DskipTests).
#
#   bash samples/bench-vulndb.sh [RECORDS] [IMPORT_MB]
#
# 1. Generates RECORDS (default 300000) synthetic-but-realistic OSV records (GHSA-shaped: aliases, summary, details,
#    CVSS v3 vector, 1–3 affected entries with ECOSYSTEM ranges, references, database_specific) as osv.dev lays
#    them out, <Ecosystem>/all.zip for Maven, npm, PyPI and Go (OsvBenchCorpus, test scope; cached per RECORDS).
# 2. Import target: takes the first zips up to IMPORT_MB (default 100) MB from a second, smaller corpus and
#    imports them with -Xmx512m, printing the floor (read + inflate every entry once, same JVM, same input), the
#    import time and the peak heap. Targets: < 60 s for 100 MB of zips, < 512 MiB heap.
# 3. Imports the whole RECORDS corpus (-Xmx512m) and times matching a 1,000-package image against it after the
#    database is open, beside the store lookups alone for the same keys. Target: < 100 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${1:-300000}"
IMPORT_MB="${2:-100}"
cd "$ROOT"
M2=()
[[ -n "${MAVEN_REPO:-}" ]] && M2=("-Dmaven.repo.local=$MAVEN_REPO")
./mvnw -q -B -o "${M2[@]}" -pl api test-compile
CP="api/target/classes:api/target/test-classes:$(./mvnw -q -B -o "${M2[@]}" -pl api dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
CACHE="$ROOT/samples/cache/vulndb-bench"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

corpus() { # RECORDS -> directory with <Ecosystem>/all.zip
  local dir="$CACHE/osv-$1"
  if [[ ! -f "$dir/done" ]]; then
    rm -rf "$dir"
    java -cp "$CP" dev.strata.app.vulndb.OsvBenchCorpus "$dir" "$1" >&2
    touch "$dir/done"
  fi
  echo "$dir"
}

# ~1 KB of zip per record: IMPORT_MB MB of zips is about IMPORT_MB * 1000 records
small="$(corpus $((IMPORT_MB * 1000)))"
echo "== import ${IMPORT_MB} MB of OSV zips (-Xmx512m)"
java -Xmx512m -cp "$CP" dev.strata.app.vulndb.VulnDbBench import "$TMP/import" "$small"/*/all.zip

big="$(corpus "$RECORDS")"
echo "== database of $RECORDS records (-Xmx512m)"
java -Xmx512m -cp "$CP" dev.strata.app.vulndb.VulnDbBench import "$TMP/big" "$big"/*/all.zip
echo "== match a 1,000-package image"
java -Xmx512m -cp "$CP" dev.strata.app.vulndb.VulnDbBench match "$TMP/big" 1000 30
