#!/usr/bin/env bash
# Foundation benchmark for Strata (run by hand, as root or any user; no Docker).
#
#   bash samples/bench.sh [--baseline-only] [--skip-memory] [--skip-warm] [IMAGE]
#
# IMAGE: an OCI layout reference oci:/abs/dir:tag (default: debian-python from
# samples/build/current/oci, built by samples/build.sh if missing). Any other
# skopeo reference (docker-archive:…, oci-archive:…) is converted to a temporary
# gzip OCI layout for the baseline and passed to strata unchanged.
#
# (a) physical-limit baseline per gzip layer blob: igzip -dc | openssl dgst -sha256,
#     sequential and 2 in parallel; gzip -dc | sha256sum for reference
# (b) strata scan with a fresh data dir: process wall time and .stats.elapsedMillis, medians of
#     BENCH_SCAN_REPEAT runs, through java -jar and through the launcher (api/target/strata, CDS archive)
# (c) strata re-scan, same data dir (all layers already indexed): wall time, both ways
# (d) memory: a generated ~1 GiB single-gzip-layer image scanned with -Xmx256m
# (e) warm process: the same scan through 'strata serve' (one long-running JVM, as a registry-side service
#     runs), the image deleted between scans so every scan reads both layers again; .stats.elapsedMillis of
#     each scan, median of the last BENCH_WARM_RUNS (default 5) after 3 unmeasured ones
#
# Env: STRATA_JAR (default api/target/strata.jar), JAVA (default java),
#      BENCH_BIG_GIB (size of the memory-test layer, default 1),
#      BENCH_REPEAT (baseline timings: best of N runs, default 3), BENCH_SCAN_REPEAT (strata runs, default 3),
#      STRATA_LAUNCHER (default: strata beside the jar).
# Exit: 0 all ran; 2 strata jar missing (baseline still printed); 1 a step failed.
set -euo pipefail
export LC_ALL=C

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$SAMPLES")"
JAR="${STRATA_JAR:-$ROOT/api/target/strata.jar}"
LAUNCHER="${STRATA_LAUNCHER:-$(dirname "$JAR")/strata}"
SCAN_REPEAT="${BENCH_SCAN_REPEAT:-3}"
JAVA="${JAVA:-java}"
BIG_GIB="${BENCH_BIG_GIB:-1}"
REPEAT="${BENCH_REPEAT:-3}"
BASELINE_ONLY=0; SKIP_MEM=0; SKIP_WARM=0; IMAGE=""
for a in "$@"; do
  case "$a" in
    --baseline-only) BASELINE_ONLY=1 ;;
    --skip-memory) SKIP_MEM=1 ;;
    --skip-warm) SKIP_WARM=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 1 ;;
    *) IMAGE="$a" ;;
  esac
done

say() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
for t in igzip openssl gzip sha256sum jq python3; do command -v "$t" >/dev/null || die "missing tool: $t"; done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/strata-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# time_ms CMD...: runs CMD, prints elapsed ms on stdout (CMD's stdout -> $TMP/last.out)
time_ms() { local t0 t1; t0=$(now_ms); "$@" > "$TMP/last.out"; t1=$(now_ms); echo $((t1 - t0)); }
# best_ms CMD...: fastest of $REPEAT runs (baseline timings are noisy on small inputs)
best_ms() { local i t best=; for ((i = 0; i < REPEAT; i++)); do t=$(time_ms "$@"); [[ -z $best || $t -lt $best ]] && best=$t; done; echo "$best"; }
secs() { [[ "$1" == n/a || "$1" == FAIL* ]] && { echo "$1"; return; }; awk -v m="$1" 'BEGIN{printf "%.2f", m/1000}'; }
ratio() { [[ "$1" =~ ^[0-9]+$ && "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}' || echo "-"; }

# --- image -------------------------------------------------------------------------------
if [[ -z "$IMAGE" ]]; then
  if [[ ! -f "$SAMPLES/build/current/.done" ]]; then
    say "no fixtures yet: running samples/build.sh"
    bash "$SAMPLES/build.sh" >/dev/null
  fi
  IMAGE="oci:$(readlink -f "$SAMPLES/build/current")/oci:debian-python"
fi
if [[ "$IMAGE" == oci:* ]]; then
  LAYOUT="${IMAGE#oci:}"; TAG="${LAYOUT##*:}"; LAYOUT="${LAYOUT%:*}"
  [[ "$LAYOUT" == "$TAG" ]] && TAG=latest   # no tag given: not supported by the split above
else
  say "converting $IMAGE to a gzip OCI layout for the baseline"
  skopeo copy -q --dest-compress-format gzip "$IMAGE" "oci:$TMP/conv:img"
  LAYOUT="$TMP/conv"; TAG=img
fi
[[ -f "$LAYOUT/index.json" ]] || die "not an OCI layout: $LAYOUT"

# layer_blobs LAYOUT TAG -> lines "path<TAB>mediaType<TAB>diffID"
layer_blobs() {
  python3 - "$1" "$2" <<'PY'
import json, sys
lay, tag = sys.argv[1], sys.argv[2]
blob = lambda d: f"{lay}/blobs/{d.replace(':', '/')}"
idx = json.load(open(f"{lay}/index.json"))
ms = [m for m in idx["manifests"] if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
if not ms: sys.exit(f"tag {tag} not found in {lay}")
man = json.load(open(blob(ms[0]["digest"])))
if "manifests" in man: sys.exit("image index: pass a single-platform manifest")
cfg = json.load(open(blob(man["config"]["digest"])))
for l, d in zip(man["layers"], cfg["rootfs"]["diff_ids"]):
    print(f"{blob(l['digest'])}\t{l['mediaType']}\t{d}")
PY
}

# baseline LAYOUT TAG LABEL -> sets B_SEQ B_PAR B_GZ B_BYTES B_N (ms, bytes)
baseline() {
  local layout="$1" tag="$2" label="$3" f mt did got
  layer_blobs "$layout" "$tag" > "$TMP/layers.tsv"
  : > "$TMP/blobs"; B_BYTES=0; B_N=0
  while IFS=$'\t' read -r f mt did; do
    [[ "$mt" == *gzip* ]] || die "$label: layer $(basename "$f") is $mt, baseline needs gzip layers"
    echo "$f" >> "$TMP/blobs"; B_N=$((B_N + 1))
  done < "$TMP/layers.tsv"
  xargs -a "$TMP/blobs" cat > /dev/null                               # warm the page cache
  # correctness: igzip|openssl digest must equal the config's diffID
  while IFS=$'\t' read -r f mt did; do
    got="sha256:$(igzip -dc < "$f" | tee >(wc -c > "$TMP/n") | openssl dgst -sha256 -r | cut -d' ' -f1)"
    [[ "$got" == "$did" ]] || die "$label: diffID mismatch for $f ($got != $did)"
    B_BYTES=$((B_BYTES + $(cat "$TMP/n")))
  done < "$TMP/layers.tsv"
  say "$label: $B_N gzip layers, $((B_BYTES / 1048576)) MiB uncompressed; timing baseline"
  B_SEQ=$(best_ms xargs -a "$TMP/blobs" -n1 -P1 sh -c 'igzip -dc < "$0" | openssl dgst -sha256 >/dev/null')
  B_PAR=$(best_ms xargs -a "$TMP/blobs" -n1 -P2 sh -c 'igzip -dc < "$0" | openssl dgst -sha256 >/dev/null')
  B_GZ=$(best_ms xargs -a "$TMP/blobs" -n1 -P1 sh -c 'gzip -dc < "$0" | sha256sum >/dev/null')
}

# strata_scan DATA REF [JVM-OPTS...] -> sets S_WALL S_ELAPSED S_RC (report in $TMP/report.json)
# Runs java -jar $JAR, or the launcher when RUNNER=launcher (JVM options then go in STRATA_JAVA_OPTS).
strata_scan() {
  local data="$1" ref="$2"; shift 2
  local t0 t1
  t0=$(now_ms)
  set +e
  if [[ "${RUNNER:-jar}" == launcher ]]; then
    STRATA_JAVA_OPTS="$*" "$LAUNCHER" scan --data "$data" --skip-db --format json "$ref" > "$TMP/report.json" 2> "$TMP/scan.err"
  else
    "$JAVA" "$@" -jar "$JAR" scan --data "$data" --skip-db --format json "$ref" > "$TMP/report.json" 2> "$TMP/scan.err"
  fi
  S_RC=$?
  set -e
  t1=$(now_ms); S_WALL=$((t1 - t0))
  S_ELAPSED=$(jq -er '.stats.elapsedMillis | numbers | floor' "$TMP/report.json" 2>/dev/null) || S_ELAPSED=n/a
  if [[ $S_RC -ne 0 ]]; then
    say "strata exited $S_RC; stderr tail:"; tail -5 "$TMP/scan.err" | sed 's/^/    /' >&2
  elif [[ $S_ELAPSED == n/a ]]; then
    S_RC=REPORT   # exit 0 but no JSON report with .stats.elapsedMillis: not a real scan
    say "strata exited 0 but stdout is not a JSON report with .stats.elapsedMillis; stdout head:"
    head -c 300 "$TMP/report.json" | sed 's/^/    /' >&2; echo >&2
  fi
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# scan_series RUNNER -> sets M_WALL M_EL (fresh scans) R_WALL R_EL (re-scans): medians of $SCAN_REPEAT runs
scan_series() {
  local runner="$1" i data walls=() els=() rwalls=() rels=()
  for ((i = 0; i < SCAN_REPEAT; i++)); do
    data="$(mktemp -d "$TMP/data.XXXXXX")"
    RUNNER=$runner strata_scan "$data" "$IMAGE"
    [[ $S_RC == 0 ]] || { M_WALL="FAIL($S_RC)" M_EL=n/a R_WALL=n/a R_EL=n/a; FAILED=1; return; }
    walls+=("$S_WALL"); els+=("$S_ELAPSED")
    RUNNER=$runner strata_scan "$data" "$IMAGE"
    [[ $S_RC == 0 ]] || { R_WALL="FAIL($S_RC)" R_EL=n/a; FAILED=1; return; }
    rwalls+=("$S_WALL"); rels+=("$S_ELAPSED")
    rm -rf "$data"
  done
  M_WALL=$(median "${walls[@]}") M_EL=$(median "${els[@]}") R_WALL=$(median "${rwalls[@]}") R_EL=$(median "${rels[@]}")
  say "$runner: fresh walls ${walls[*]} ms (in-process ${els[*]}), re-scan walls ${rwalls[*]} ms"
}

# --- (a) baseline --------------------------------------------------------------------------
say "image: $IMAGE"
baseline "$LAYOUT" "$TAG" "image"
A_SEQ=$B_SEQ A_PAR=$B_PAR A_GZ=$B_GZ A_BYTES=$B_BYTES A_N=$B_N

# --- (b)(c) strata ------------------------------------------------------------------------
JAR_OK=1
if [[ ! -f "$JAR" ]]; then
  JAR_OK=0
  say "strata jar not found: $JAR"
  say "  build it first: ./mvnw -B -q package -DskipTests   (or set STRATA_JAR=...)"
fi
B_WALL=n/a B_EL=n/a C_WALL=n/a C_EL=n/a L_WALL=n/a L_EL=n/a LR_WALL=n/a LR_EL=n/a D_RES=n/a D_WALL=n/a D_SEQ=n/a FAILED=0
if [[ $JAR_OK == 1 && $BASELINE_ONLY == 0 ]]; then
  say "(b)(c) java -jar: $SCAN_REPEAT x (scan with a fresh data dir, then re-scan)"
  scan_series jar
  B_WALL=$M_WALL B_EL=$M_EL C_WALL=$R_WALL C_EL=$R_EL
  if [[ -x "$LAUNCHER" ]]; then
    say "(b)(c) launcher $LAUNCHER: the same"
    scan_series launcher
    L_WALL=$M_WALL L_EL=$M_EL LR_WALL=$R_WALL LR_EL=$R_EL
  else
    say "no launcher at $LAUNCHER: launcher rows skipped"
  fi
fi

# --- (d) memory: ~1 GiB single layer with -Xmx256m -----------------------------------------
if [[ $SKIP_MEM == 0 ]]; then
  BIG="$SAMPLES/build/bench/big-${BIG_GIB}g-v2"     # cached between runs (samples/build is gitignored)
  if [[ ! -f "$BIG/.done" ]]; then
    say "(d) generating ~${BIG_GIB} GiB single-layer image in $BIG"
    rm -rf "$BIG"; mkdir -p "$BIG"
    python3 - "$BIG/oci" "$BIG_GIB" <<'PY'
import hashlib, io, json, os, random, subprocess, sys, tarfile
lay, gib = sys.argv[1], float(sys.argv[2])
target = int(gib * (1 << 30))
rnd = random.Random(42)
os.makedirs(f"{lay}/blobs/sha256")
# content pool: 1/8 incompressible, 7/8 text-like; files are slices at random offsets
words = [bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 10))) for _ in range(400)]
text = bytearray()
while len(text) < 56 << 20:
    line = b" ".join(rnd.choice(words) for _ in range(rnd.randint(4, 14)))
    text += b"%08d " % len(text) + line + b"\n"
pool = os.urandom(8 << 20) + bytes(text)
class Out:
    def __init__(self, f): self.f, self.h, self.n = f, hashlib.sha256(), 0
    def write(self, b): self.h.update(b); self.n += len(b); return self.f.write(b)
    def flush(self): pass
tmpblob = f"{lay}/blobs/sha256/tmp"
with open(tmpblob, "wb") as bf:
    gz = subprocess.Popen(["igzip", "-c", "-3"], stdin=subprocess.PIPE, stdout=bf)
    out = Out(gz.stdin)
    t = tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT)
    def add(name, data=None, dir=False):
        ti = tarfile.TarInfo(name); ti.mtime = 1700000000; ti.uid = ti.gid = 0; ti.uname = ti.gname = "root"
        if dir: ti.type, ti.mode = tarfile.DIRTYPE, 0o755; t.addfile(ti); return
        ti.size, ti.mode = len(data), 0o644; t.addfile(ti, io.BytesIO(data))
    add("data", dir=True)
    written, i, dirs = 0, 0, set()
    while written < target:
        d = f"data/d{i // 500:04d}"
        if d not in dirs: add(d, dir=True); dirs.add(d)
        size = min(int(rnd.lognormvariate(10.5, 1.6)), 8 << 20)   # median ~36 KiB, long tail
        off = rnd.randrange(0, len(pool) - size)
        add(f"{d}/f{i:06d}.bin", pool[off:off + size])
        written += size; i += 1
    t.close(); gz.stdin.close()
    if gz.wait() != 0: sys.exit("igzip failed")
diff_id = "sha256:" + out.h.hexdigest()
h = hashlib.sha256()
with open(tmpblob, "rb") as f:
    for b in iter(lambda: f.read(1 << 20), b""): h.update(b)
size = os.path.getsize(tmpblob)
os.rename(tmpblob, f"{lay}/blobs/sha256/{h.hexdigest()}")
def put(obj):
    data = json.dumps(obj, separators=(",", ":")).encode(); d = hashlib.sha256(data).hexdigest()
    open(f"{lay}/blobs/sha256/{d}", "wb").write(data); return {"digest": "sha256:" + d, "size": len(data)}
cfg = put({"architecture": "amd64", "os": "linux", "created": "2023-11-14T22:13:20Z",
           "config": {"Cmd": ["/bin/true"]}, "rootfs": {"type": "layers", "diff_ids": [diff_id]},
           "history": [{"created": "2023-11-14T22:13:20Z", "created_by": f"strata bench: {i} files, {out.n} bytes"}]})
man = put({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **cfg},
           "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                       "digest": "sha256:" + h.hexdigest(), "size": size}]})
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", **man,
           "annotations": {"org.opencontainers.image.ref.name": "big"}}]}, open(f"{lay}/index.json", "w"))
json.dump({"imageLayoutVersion": "1.0.0"}, open(f"{lay}/oci-layout", "w"))
print(f"{i} files, {out.n >> 20} MiB uncompressed, {size >> 20} MiB gzip", file=sys.stderr)
PY
    touch "$BIG/.done"
  fi
  baseline "$BIG/oci" big "big layer"
  D_SEQ=$B_SEQ D_BYTES=$B_BYTES
  if [[ $JAR_OK == 1 && $BASELINE_ONLY == 0 ]]; then
    say "(d) strata scan of the big image with -Xmx256m"
    strata_scan "$(mktemp -d "$TMP/data.XXXXXX")" "oci:$BIG/oci:big" -Xmx256m
    D_WALL=$S_WALL
    if [[ $S_RC == 0 ]]; then D_RES=PASS
    elif grep -q OutOfMemoryError "$TMP/scan.err"; then D_RES="FAIL(OOM)"; FAILED=1
    elif [[ $S_RC == REPORT ]]; then D_RES="FAIL(no report)"; FAILED=1
    else D_RES="FAIL(rc=$S_RC)"; FAILED=1; fi
  fi
fi

# --- (e) warm process: scans through strata serve ---------------------------------------------
E_FIRST=n/a E_MED=n/a
if [[ $JAR_OK == 1 && $BASELINE_ONLY == 0 && $SKIP_WARM == 0 ]]; then
  say "(e) warm process: strata serve, $((3 + ${BENCH_WARM_RUNS:-5})) scans, each reading every layer"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf 'allowLocalPaths: true\n' > "$TMP/serve.yaml"
  if [[ -x "$LAUNCHER" ]]; then SERVE=("$LAUNCHER"); else SERVE=("$JAVA" -jar "$JAR"); fi
  "${SERVE[@]}" serve --port "$PORT" --bind 127.0.0.1 --data "$TMP/serve-data" --config "$TMP/serve.yaml" \
    > "$TMP/serve.log" 2>&1 &
  SERVE_PID=$!
  if python3 "$SAMPLES/warm-scans.py" "$PORT" "$IMAGE" "$((3 + ${BENCH_WARM_RUNS:-5}))" > "$TMP/warm.txt"
  then
    E_FIRST=$(head -1 "$TMP/warm.txt" | cut -d' ' -f1)
    E_MED=$(median $(tail -n "${BENCH_WARM_RUNS:-5}" "$TMP/warm.txt" | cut -d' ' -f1))
    say "warm scans (in-process ms, client wall ms): $(tr '\n' ',' < "$TMP/warm.txt")"
  else
    say "warm-process step failed; server log tail:"; tail -5 "$TMP/serve.log" | sed 's/^/    /' >&2; FAILED=1
  fi
  kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null || true
fi

# --- report ----------------------------------------------------------------------------------
echo
echo "Strata foundation benchmark  $(date -u +%FT%TZ)  $(nproc) CPUs  $(uname -r)"
echo "image: $IMAGE  ($A_N gzip layers, $((A_BYTES / 1048576)) MiB uncompressed)"
[[ $JAR_OK == 1 ]] && echo "jar:   $JAR" || echo "jar:   MISSING ($JAR)"
printf '\n%-52s %12s %12s\n' "measurement" "seconds" "vs baseline"
printf '%-52s %12s %12s\n' "(a) igzip|openssl sha256, sequential [baseline]" "$(secs "$A_SEQ")" "1.00x"
printf '%-52s %12s %12s\n' "(a) igzip|openssl sha256, 2 parallel" "$(secs "$A_PAR")" "$(ratio "$A_PAR" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(a) gzip|sha256sum, sequential (reference)" "$(secs "$A_GZ")" "$(ratio "$A_GZ" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(b) java -jar strata.jar scan, in-process" "$(secs "$B_EL")" "$(ratio "$B_EL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(b) java -jar strata.jar scan, process wall" "$(secs "$B_WALL")" "$(ratio "$B_WALL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(b) launcher: strata scan, in-process" "$(secs "$L_EL")" "$(ratio "$L_EL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(b) launcher: strata scan, process wall" "$(secs "$L_WALL")" "$(ratio "$L_WALL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(c) java -jar re-scan, process wall (indexed)" "$(secs "$C_WALL")" "$(ratio "$C_WALL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(c) launcher re-scan, process wall (indexed)" "$(secs "$LR_WALL")" "$(ratio "$LR_WALL" "$A_SEQ")"
printf '%-52s %12s %12s\n' "(c) re-scan, in-process (java -jar / launcher)" "$(secs "$C_EL")/$(secs "$LR_EL")" "-"
if [[ $SKIP_WARM == 0 ]]; then
  printf '%-52s %12s %12s\n' "(e) warm server: first scan, in-process" "$(secs "$E_FIRST")" "$(ratio "$E_FIRST" "$A_SEQ")"
  printf '%-52s %12s %12s\n' "(e) warm server: median scan, in-process" "$(secs "$E_MED")" "$(ratio "$E_MED" "$A_SEQ")"
fi
if [[ $SKIP_MEM == 0 ]]; then
  printf '%-52s %12s %12s\n' "(d) big layer: igzip|openssl sha256 [baseline d]" "$(secs "$D_SEQ")" "1.00x"
  printf '%-52s %12s %12s\n' "(d) big layer: strata -Xmx256m, process wall: $D_RES" "$(secs "$D_WALL")" "$(ratio "$D_WALL" "$D_SEQ")"
fi
echo
echo "strata rows: medians of $SCAN_REPEAT runs; the launcher adds the CDS archive and -XX:+UseParallelGC."
echo "ratios: scan/baseline = in-process scan time / sequential igzip baseline;"
echo "        process/baseline = whole JVM process wall time / sequential igzip baseline."
if [[ $JAR_OK == 0 && $BASELINE_ONLY == 0 ]]; then
  echo "strata measurements skipped: jar not found at $JAR (build: ./mvnw -B -q package -DskipTests)" >&2
  exit 2
fi
[[ $FAILED == 0 ]] || exit 1
