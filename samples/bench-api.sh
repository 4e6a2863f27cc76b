#!/usr/bin/env bash
# Load benchmark of the scan service (`strata serve`), run by hand; all traffic stays on 127.0.0.1.
#
#   bash samples/bench-api.sh
#
# Needs: wrk (Debian package `wrk`), curl, jq, the packaged jar (./mvnw -q package -DskipTests) and the
# fixtures of samples/build.sh (samples/build/current).
#
# (0) baseline: GET /health on the same server = what the HTTP stack of this machine serves at most
# (a) 10 stored reports (7 distinct images: the samples/build fixtures and samples/demo/demo.tar, three of
#     them posted twice, answered from the index): GET /api/v1/scans/{id}/report rotating over the 10;
#     target >= 2,000 req/s, p99 < 50 ms, no errors
# (b) 4 scans of 4 generated images (one uncompressed random layer of BENCH_SCAN_MIB MiB each, default 512)
#     run at once on 4 scan workers while wrk asks GET /api/v1/scans/{id} and …/report; target p99 < 200 ms
#
# Env: STRATA_JAR (default api/target/strata.jar), JAVA (default java), BENCH_SECONDS (default 15),
#      BENCH_CONNECTIONS (default 16), BENCH_SCAN_MIB (default 512), BENCH_KEEP=1 keeps the work directory.
# Exit: 0 all ran and met the targets; 1 a target missed or a step failed; 2 a prerequisite is missing.
set -euo pipefail
export LC_ALL=C

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLES")"
JAR="${STRATA_JAR:-$ROOT/api/target/strata.jar}"
JAVA="${JAVA:-java}"
SECONDS_RUN="${BENCH_SECONDS:-15}"
CONN="${BENCH_CONNECTIONS:-16}"
SCAN_MIB="${BENCH_SCAN_MIB:-512}"
FIX="$SAMPLES/build/current/fixtures.json"

for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "bench-api: $tool missing (apt-get install $tool)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "bench-api: $JAR missing: ./mvnw -q package -DskipTests" >&2; exit 2; }
[ -f "$FIX" ] || { echo "bench-api: $FIX missing: bash samples/build.sh" >&2; exit 2; }

WORK="$(mktemp -d /tmp/strata-bench-api.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/strata.yaml" <<YAML
allowLocalPaths: true
scans: {concurrency: 4, queue: 64}
apiWorkers: 4
YAML
"$JAVA" -jar "$JAR" serve --port 0 --data "$WORK/data" --config "$WORK/strata.yaml" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 200); do
  grep -q 'serving on' "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
PORT="$(sed -n 's/.*serving on http:\/\/[^:]*:\([0-9]*\) .*/\1/p' "$WORK/serve.out")"
[ -n "$PORT" ] || { echo "bench-api: server did not start:"; cat "$WORK/serve.err"; exit 1; }
BASE="http://127.0.0.1:$PORT"
echo "server: $BASE (pid $SERVER_PID), $(nproc) cores, wrk -t2 -c$CONN -d${SECONDS_RUN}s"

post_scan() { # IMAGE → job id
  curl -sf -X POST "$BASE/api/v1/scans" -H 'Content-Type: application/json' \
    -d "$(jq -cn --arg i "$1" '{image: $i}')" | jq -r .id
}
wait_done() { # ID
  local s
  for _ in $(seq 1 3000); do
    s="$(curl -sf "$BASE/api/v1/scans/$1" | jq -r .status)"
    case "$s" in done) return 0 ;; failed) curl -s "$BASE/api/v1/scans/$1" >&2; return 1 ;; esac
    sleep 0.1
  done
  return 1
}

cat > "$WORK/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

run_wrk() { # NAME PATHS-FILE DURATION → prints a summary line, leaves $WORK/NAME.wrk
  BENCH_PATHS="$2" wrk -t2 -c"$CONN" -d"$3" --latency -s "$WORK/paths.lua" "$BASE" > "$WORK/$1.wrk"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99_ms() { awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}' "$1"; }
errors() { awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(/,/,""); n+=$4+$6+$8+$10} END {print n+0}' "$1"; }
summary() { echo "$1: $(rps "$WORK/$1.wrk") req/s, p99 $(p99_ms "$WORK/$1.wrk") ms, errors $(errors "$WORK/$1.wrk")"; }

# --- (a) 10 stored reports
mapfile -t REFS < <(jq -r '.fixtures[].reference' "$FIX")
REFS+=("docker-archive:$SAMPLES/demo/demo.tar")
IDS=()
for ref in "${REFS[@]}"; do IDS+=("$(post_scan "$ref")"); done
for id in "${IDS[@]}"; do wait_done "$id"; done
while [ "${#IDS[@]}" -lt 10 ]; do # the same image again: answered at once from the index
  id="$(post_scan "${REFS[${#IDS[@]} % ${#REFS[@]}]}")"; wait_done "$id"; IDS+=("$id")
done
: > "$WORK/reports.txt"
for id in "${IDS[@]}"; do echo "/api/v1/scans/$id/report" >> "$WORK/reports.txt"; done
echo "/health" > "$WORK/health.txt"
bytes=0; for id in "${IDS[@]}"; do bytes=$((bytes + $(curl -sf "$BASE/api/v1/scans/$id/report" | wc -c))); done
echo "stored: ${#IDS[@]} reports, $((bytes / 1024)) KiB in all"

run_wrk warmup "$WORK/reports.txt" 5s
run_wrk health "$WORK/health.txt" "${SECONDS_RUN}s"
run_wrk reports "$WORK/reports.txt" "${SECONDS_RUN}s"
summary health
summary reports

# --- (b) API latency while 4 scans run
for n in 1 2 3 4; do
  d="$WORK/img$n"; mkdir -p "$d/layer"
  head -c "$((SCAN_MIB * 1024 * 1024))" /dev/urandom > "$d/layer/blob-$n.bin"
  tar -C "$d/layer" -cf "$d/layer.tar" "blob-$n.bin"
  diff="sha256:$(sha256sum "$d/layer.tar" | cut -d' ' -f1)"
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["%s"]},"history":[{"created_by":"bench"}]}' \
    "$diff" > "$d/config.json"
  printf '[{"Config":"config.json","RepoTags":["bench/scan%s:1"],"Layers":["layer.tar"]}]' "$n" > "$d/manifest.json"
  tar -C "$d" -cf "$WORK/scan$n.tar" manifest.json config.json layer.tar
  rm -rf "$d"
done
SCANS=()
start=$(date +%s.%N)
for n in 1 2 3 4; do SCANS+=("$(post_scan "docker-archive:$WORK/scan$n.tar")"); done
: > "$WORK/during.txt"
for id in "${SCANS[@]}"; do echo "/api/v1/scans/$id" >> "$WORK/during.txt"; done
cat "$WORK/reports.txt" >> "$WORK/during.txt"
BENCH_PATHS="$WORK/during.txt" wrk -t2 -c"$CONN" -d120s --latency -s "$WORK/paths.lua" "$BASE" > "$WORK/during.wrk" &
WRK_PID=$!
for id in "${SCANS[@]}"; do wait_done "$id"; done
scans_s=$(echo "$(date +%s.%N) - $start" | bc)
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" || true
echo "4 scans of ${SCAN_MIB} MiB each finished in ${scans_s} s; during them:"
summary during
for id in "${SCANS[@]}"; do
  curl -sf "$BASE/api/v1/scans/$id/report" | jq -r '"  scan \(.image.repoTags[0]): \(.stats.elapsedMillis) ms, \(.stats.bytesRead) bytes read"'
done
sha_start=$(date +%s.%N)
sha256sum "$WORK"/scan?.tar > /dev/null
echo "physical limit: sha256sum of the 4 archives one after another: $(echo "$(date +%s.%N) - $sha_start" | bc) s"

fail=0
awk -v r="$(rps "$WORK/reports.wrk")" 'BEGIN {exit !(r >= 2000)}' || { echo "MISSED: report req/s < 2000"; fail=1; }
awk -v p="$(p99_ms "$WORK/reports.wrk")" 'BEGIN {exit !(p < 50)}' || { echo "MISSED: report p99 >= 50 ms"; fail=1; }
[ "$(errors "$WORK/reports.wrk")" = 0 ] || { echo "MISSED: report errors"; fail=1; }
awk -v p="$(p99_ms "$WORK/during.wrk")" 'BEGIN {exit !(p < 200)}' || { echo "MISSED: p99 during scans >= 200 ms"; fail=1; }
[ "$(errors "$WORK/during.wrk")" = 0 ] || { echo "MISSED: errors during scans"; fail=1; }
exit "$fail"
