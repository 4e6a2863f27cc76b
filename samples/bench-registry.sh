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
# Target: (c) <= 1.0x (a).
#
# Env: STRATA_JAR (default api/target/strata.jar), JAVA (default java), BENCH_REPEAT (default 3),
#      REGISTRY (default /usr/bin/docker-registry).
set -euo pipefail
export LC_ALL=C

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLES")"
JAR="${STRATA_JAR:-$ROOT/api/target/strata.jar}"
JAVA="${JAVA:-java}"
REPEAT="${BENCH_REPEAT:-3}"
REGISTRY="${REGISTRY:-/usr/bin/docker-registry}"
IMAGE="${1:-oci:$SAMPLES/build/current/oci:java-node}"

say() { printf '[bench-registry] %s\n' "$*" >&2; }
die() { printf '[bench-registry] ERROR: %s\n' "$*" >&2; exit 1; }
for t in skopeo jq python3 "$REGISTRY"; do command -v "$t" >/dev/null || die "missing tool: $t"; done
[[ -f "$JAR" ]] || die "no $JAR: run ./mvnw -q install -DskipTests first"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-registry.XXXXXX")"
REG_PID=
cleanup() { [[ -n "$REG_PID" ]] && kill "$REG_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# best_ms SETUP CMD...: runs SETUP then times CMD, $REPEAT times; prints the fastest in ms
best_ms() {
  local setup="$1"; shift
  local i t0 t1 t best=
  for ((i = 0; i < REPEAT; i++)); do
    eval "$setup"
    t0=$(now_ms); "$@" > "$TMP/last.out" 2> "$TMP/last.err" || { cat "$TMP/last.err" >&2; die "failed: $*"; }; t1=$(now_ms)
    t=$((t1 - t0)); [[ -z $best || $t -lt $best ]] && best=$t
  done
  echo "$best"
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
SKOPEO=$(best_ms fresh skopeo copy --quiet --src-tls-verify=false "docker://$REF" "oci:$TMP/dest/layout:app")
PULL=$(best_ms fresh "$JAVA" -jar "$JAR" pull --data "$TMP/dest/data" "$REF")
SCAN=$(best_ms fresh "$JAVA" -jar "$JAR" scan --data "$TMP/dest/data" --format json "$REF")
SCAN_MS=$(jq '.stats.elapsedMillis' "$TMP/last.out")
DIGEST=$(jq -r '.image.digest' "$TMP/last.out")
LOCAL=$(best_ms fresh "$JAVA" -jar "$JAR" scan --data "$TMP/dest/data" --format json "$IMAGE")
LOCAL_MS=$(jq '.stats.elapsedMillis' "$TMP/last.out")
[[ "$(jq -r '.image.digest' "$TMP/last.out")" == "$DIGEST" ]] || die "registry and local scans report different digests"

printf '\n%-44s %10s %8s\n' "step (fresh destination each run)" "wall" "vs (a)"
printf '%-44s %10s %8s\n' "(a) skopeo copy docker:// -> oci:" "$(secs "$SKOPEO")" "1.00x"
printf '%-44s %10s %8s\n' "(b) strata pull" "$(secs "$PULL")" "$(ratio "$PULL" "$SKOPEO")"
printf '%-44s %10s %8s   (in-process %s)\n' "(c) strata scan REF (pull + analyse + index)" "$(secs "$SCAN")" \
  "$(ratio "$SCAN" "$SKOPEO")" "$(secs "$SCAN_MS")"
printf '%-44s %10s %8s   (in-process %s)\n' "(d) strata scan oci: (local)" "$(secs "$LOCAL")" \
  "$(ratio "$LOCAL" "$SKOPEO")" "$(secs "$LOCAL_MS")"
printf '\ntarget: (c) <= 1.00x (a): %s\n' "$(awk -v a="$SCAN" -v b="$SKOPEO" 'BEGIN{print (a<=b) ? "met" : "not met"}')"
