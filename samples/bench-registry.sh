#!/usr/bin/env bash
# Registry-pull benchmark for Strata (run by hand; no Docker daemon).
#
#   bash samples/bench-registry.sh [IMAGE]
#
# IMAGE: an OCI layout reference oci:/abs/dir:tag (default: java-node from
# samples/build/current/oci, a 3-layer Debian + JDK + Node image built by samples/build.sh).
# The image is pushed into a loopback docker-registry (distribution 2.8) started here, then,
# in the same run, each step with a fresh destination (best of BENCH_REPEAT runs):
#   (a) skopeo copy docker://127.0.0.1:PORT/bench/app:1 oci:DIR:app   (the baseline: download + store)
#   (b) strata pull REF                          (download + verify + store)
#   (c) strata scan REF                          (pull + analyse + index, streaming)
#   (d) strata scan oci:…                        (local scan of the same image)
#   (e) the scan of (c) in a warm process: POST /api/v1/scans to one 'strata serve', the image deleted and
#       the blob store emptied between scans so each one downloads and reads every layer again; in-process
#       time (.stats.elapsedMillis), median of BENCH_WARM_RUNS (default 5) after 3 unmeasured
# Target: (c) <= 1.0x (a). Strata runs through the launcher (api/target/strata: CDS archive, ParallelGC)
# when the build made it, else java -jar; scans use --skip-db (matching is not what is measured).
#
# Env: STRATA_JAR (default api/target/strata.jar), JAVA (default java), BENCH_REPEAT (default 3),
#      REGISTRY (default /usr/bin/docker-registry), STRATA_LAUNCHER (default: strata beside the jar).
set -euo pipefail
export LC_ALL=C

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLES")"
JAR="${STRATA_JAR:-$ROOT/api/target/strata.jar}"
JAVA="${JAVA:-java}"
REPEAT="${BENCH_REPEAT:-3}"
REGISTRY="${REGISTRY:-/usr/bin/docker-registry}"
IMAGE="${1:-oci:$SAMPLES/build/current/oci:java-node}"
LAUNCHER="${STRATA_LAUNCHER:-$(dirname "$JAR")/strata}"
if [[ -x "$LAUNCHER" ]]; then STRATA=("$LAUNCHER"); else STRATA=("$JAVA" -jar "$JAR"); fi

say() { printf '[bench-registry] %s\n' "$*" >&2; }
die() { printf '[bench-registry] ERROR: %s\n' "$*" >&2; exit 1; }
for t in skopeo jq python3 "$REGISTRY"; do command -v "$t" >/dev/null || die "missing tool: $t"; done
[[ -f "$JAR" ]] || die "no $JAR: run ./mvnw -q install -DskipTests first"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-registry.XXXXXX")"
REG_PID=
cleanup() { [[ -n "$REG_PID" ]] && kill "$REG_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# best_ms SETUP CMD...: runs SETUP then times CMD, $REPEAT times; prints "WALL_MS CPU_MS" of the fastest run
# (CPU = user + system of the process tree, from /usr/bin/time: the fairer figure on a busy machine)
best_ms() {
  local setup="$1"; shift
  local i t0 t1 t cpu best= bestcpu=
  for ((i = 0; i < REPEAT; i++)); do
    eval "$setup"
    t0=$(now_ms)
    /usr/bin/time -f '%U %S' -o "$TMP/cpu" "$@" > "$TMP/last.out" 2> "$TMP/last.err" \
      || { cat "$TMP/last.err" >&2; die "failed: $*"; }
    t1=$(now_ms)
    t=$((t1 - t0)); cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$TMP/cpu")
    if [[ -z $best || $t -lt $best ]]; then best=$t; bestcpu=$cpu; cp "$TMP/last.out" "$TMP/best.out"; fi
  done
  echo "$best $bestcpu"
}
secs() { awk -v m="$1" 'BEGIN{printf "%.2f s", m/1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }

# --- registry ------------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$TMP/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $TMP/storage
http:
  addr: 127.0.0.1:$PORT
YML
"$REGISTRY" serve "$TMP/config.yml" > "$TMP/registry.log" 2>&1 &
REG_PID=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
REF="127.0.0.1:$PORT/bench/app:1"
say "pushing $IMAGE to $REF"
skopeo copy --quiet --dest-tls-verify=false "$IMAGE" "docker://$REF"
MANIFEST=$(skopeo inspect --raw --tls-verify=false "docker://$REF")
LAYERS=$(jq '.layers | length' <<<"$MANIFEST")
BYTES=$(jq '[.layers[].size] | add' <<<"$MANIFEST")
say "image: $LAYERS layers, $BYTES compressed bytes; $(nproc) cores; best of $REPEAT"

# --- measurements --------------------------------------------------------------------------
N=0
fresh() { N=$((N + 1)); rm -rf "$TMP/dest"; mkdir -p "$TMP/dest"; sync; }
read -r SKOPEO SKOPEO_CPU < <(best_ms fresh skopeo copy --quiet --src-tls-verify=false "docker://$REF" "oci:$TMP/dest/layout:app")
read -r PULL PULL_CPU < <(best_ms fresh "${STRATA[@]}" pull --data "$TMP/dest/data" "$REF")
read -r SCAN SCAN_CPU < <(best_ms fresh "${STRATA[@]}" scan --skip-db --data "$TMP/dest/data" --format json "$REF")
SCAN_MS=$(jq '.stats.elapsedMillis' "$TMP/best.out")
DIGEST=$(jq -r '.image.digest' "$TMP/best.out")
read -r LOCAL LOCAL_CPU < <(best_ms fresh "${STRATA[@]}" scan --skip-db --data "$TMP/dest/data" --format json "$IMAGE")
LOCAL_MS=$(jq '.stats.elapsedMillis' "$TMP/best.out")
[[ "$(jq -r '.image.digest' "$TMP/best.out")" == "$DIGEST" ]] || die "registry and local scans report different digests"
read -r JVM JVM_CPU < <(best_ms : "${STRATA[@]}" --version)

# (e) warm process
SPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${STRATA[@]}" serve --port "$SPORT" --bind 127.0.0.1 --data "$TMP/serve-data" > "$TMP/serve.log" 2>&1 &
SERVE_PID=$!
WARM_RUNS="${BENCH_WARM_RUNS:-5}"
python3 "$SAMPLES/warm-scans.py" "$SPORT" "$REF" "$((3 + WARM_RUNS))" "$TMP/serve-data/blobs" > "$TMP/warm.txt" \
  || { tail -5 "$TMP/serve.log" >&2; die "warm-process step failed"; }
kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null || true
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
WARM_EL=$(tail -n "$WARM_RUNS" "$TMP/warm.txt" | cut -d' ' -f1 | med)
WARM_WALL=$(tail -n "$WARM_RUNS" "$TMP/warm.txt" | cut -d' ' -f2 | med)
say "warm scans (in-process ms, client wall ms): $(tr '\n' ',' < "$TMP/warm.txt")"

printf '\n%-46s %9s %7s %9s %7s\n' "step (fresh destination each run)" "wall" "vs (a)" "cpu" "vs (a)"
row() { printf '%-46s %9s %7s %9s %7s %s\n' "$1" "$(secs "$2")" "$(ratio "$2" "$SKOPEO")" "$(secs "$3")" \
  "$(ratio "$3" "$SKOPEO_CPU")" "${4:-}"; }
row "(a) skopeo copy docker:// -> oci:" "$SKOPEO" "$SKOPEO_CPU"
row "(b) strata pull" "$PULL" "$PULL_CPU"
row "(c) strata scan REF (pull + analyse + index)" "$SCAN" "$SCAN_CPU" "(in-process $(secs "$SCAN_MS"))"
row "(d) strata scan oci: (local, same image)" "$LOCAL" "$LOCAL_CPU" "(in-process $(secs "$LOCAL_MS"))"
row "    strata --version (JVM start)" "$JVM" "$JVM_CPU"
printf '%-46s %9s %7s %9s %7s %s\n' "(e) warm server: scan REF, POST to done" "$(secs "$WARM_WALL")" \
  "$(ratio "$WARM_WALL" "$SKOPEO")" "-" "-" "(in-process $(secs "$WARM_EL"), median of $WARM_RUNS)"
printf '\n(c) - (d): what pulling adds to a local scan: %s wall\n' "$(secs $((SCAN - LOCAL)))"
printf 'strata ran as: %s\n' "${STRATA[*]}"
printf 'target: (c) <= 1.00x (a): %s; load average: %s\n' \
  "$(awk -v a="$SCAN" -v b="$SKOPEO" 'BEGIN{print (a<=b) ? "met" : "not met"}')" "$(cut -d' ' -f1-3 /proc/loadavg)"
