#!/usr/bin/env bash
# Builds realistic image fixtures for integration tests and benchmarks, without a
# Docker daemon, into samples/build/<key>/ (key = first 16 hex of sha256(build.sh)).
# A finished build (marker .done) is reused: the script then only prints its path.
# samples/build/current -> <key> always points at the last complete build.
#
# Fixtures (one OCI layout samples/build/<key>/oci, tags debian-base, debian-python):
#   debian-base    debootstrap --variant=minbase bookworm, one gzip layer
#   debian-python  the same base layer (same diffID/blob) + python3 python3-requests
# Exports of debian-python: debian-python.docker.tar (docker-archive,
#   strata/debian-python:latest), debian-python.oci.tar (oci-archive),
#   oci-zstd/ (OCI layout, tag debian-python, zstd layers).
# Ground truth: fixtures.json (references, digests, diffIDs, dpkg package lists,
#   regular-file count per layer).
#
# Needs root, debootstrap, umoci, skopeo, jq, python3, zstd, mount/chroot.
set -euo pipefail
export LC_ALL=C TZ=UTC DEBIAN_FRONTEND=noninteractive
umask 022

SAMPLES="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$SAMPLES/build"
KEY="$(cat "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)"   # add sourced files here if any
OUT="$BUILD/$KEY"
SUITE=bookworm
T0=$SECONDS
say() { printf '[build %3ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }

mkdir -p "$BUILD"
exec 9>"$BUILD/.lock"
flock 9                                   # one build at a time

if [[ -f "$OUT/.done" ]]; then
  ln -sfn "$KEY" "$BUILD/current"
  say "cached: $OUT"
  echo "$OUT"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || { echo "build.sh must run as root (debootstrap, chroot, mount)" >&2; exit 1; }
for t in debootstrap umoci skopeo jq python3 zstd chroot mount flock; do
  command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/var/tmp}/strata-build.XXXXXX")"
ok=0
mounts_under() { awk -v p="$1/" '{ if (index($5 "/", p) == 1) print $5 }' /proc/self/mountinfo | sort -r; }
cleanup() {
  local m
  for m in $(mounts_under "$WORK"); do umount "$m" 2>/dev/null || umount -l "$m" || true; done
  if [[ -n "$(mounts_under "$WORK")" ]]; then
    echo "WARNING: still mounted under $WORK, not removing it" >&2
  else
    rm -rf "$WORK"
  fi
  if [[ $ok != 1 ]]; then
    echo "build FAILED; removing partial $OUT" >&2
    rm -rf "$OUT"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- mirror: from apt's own sources ---------------------------------------------
# Prefer a deb822 stanza / one-line entry that serves "$SUITE" (not -security).
find_mirror() {
  python3 - "$SUITE" <<'PY'
import glob, re, sys
suite = sys.argv[1]
for f in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in re.split(r"\n\s*\n", open(f).read()):
        fields = {}
        for line in stanza.splitlines():
            m = re.match(r"^([A-Za-z-]+):\s*(.*)$", line)
            if m: fields[m.group(1).lower()] = m.group(2).split()
        if suite in fields.get("suites", []) and "deb" in fields.get("types", []) and fields.get("uris"):
            print(fields["uris"][0]); sys.exit(0)
for f in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try: lines = open(f).read().splitlines()
    except OSError: continue
    for line in lines:
        p = re.sub(r"\[[^]]*\]", "", line.split("#")[0]).split()
        if len(p) >= 3 and p[0] == "deb" and p[2] == suite:
            print(p[1]); sys.exit(0)
sys.exit(1)
PY
}
MIRROR="${MIRROR:-$(find_mirror)}" || { echo "no '$SUITE' mirror found in apt sources; set MIRROR=" >&2; exit 1; }

# apt sources for the chroot: the host's Debian deb822 stanzas only (third-party
# repos' keyrings are not in the chroot); without any, a stanza for $MIRROR.
chroot_sources() {
  python3 - "$MIRROR" "$SUITE" <<'PY2'
import glob, re, sys
mirror, suite = sys.argv[1], sys.argv[2]
out = []
for f in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in re.split(r"\n\s*\n", open(f).read()):
        if re.search(r"^Signed-By:.*debian-archive-keyring", stanza, re.M) or \
           (re.search(r"^URIs:.*debian", stanza, re.M) and not re.search(r"^Signed-By:", stanza, re.M)):
            if stanza.strip() not in out: out.append(stanza.strip())
if not out:
    out.append(f"Types: deb\nURIs: {mirror}\nSuites: {suite} {suite}-updates\nComponents: main\n"
               "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg")
print("\n\n".join(out))
PY2
}

rm -rf "$OUT"; mkdir -p "$OUT"
say "building fixtures into $OUT (mirror $MIRROR)"
OCI="$OUT/oci"
umoci init --layout "$OCI"

# --- debian-base ---------------------------------------------------------------------
umoci new --image "$OCI:debian-base"
umoci config --image "$OCI:debian-base" --no-history \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.cmd bash --config.label org.opencontainers.image.title=strata-fixture-debian-base
umoci unpack --image "$OCI:debian-base" "$WORK/base"
R="$WORK/base/rootfs"
say "debootstrap --variant=minbase $SUITE"
# .debs are kept in samples/cache/debootstrap (gitignored) to speed up rebuilds
mkdir -p "$SAMPLES/cache/debootstrap"
debootstrap --variant=minbase --cache-dir="$SAMPLES/cache/debootstrap" "$SUITE" "$R" "$MIRROR" \
  > "$WORK/debootstrap.log" 2>&1 \
  || { tail -30 "$WORK/debootstrap.log" >&2; exit 1; }
for m in $(mounts_under "$R"); do umount "$m"; done     # debootstrap normally unmounts itself
# make it look like a container base image: no host identity, no device nodes, no apt lists
rm -f "$R/etc/resolv.conf" "$R/etc/hostname"
find "$R/dev" -mindepth 1 -delete
rm -rf "$R/var/lib/apt/lists/"* "$R/var/cache/apt/"*.bin "$R/var/cache/apt/archives/"*.deb
chroot "$R" dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\n' > "$WORK/pkgs-debian-base.tsv"
say "debian-base: $(wc -l < "$WORK/pkgs-debian-base.tsv") packages, $(du -sm "$R" | cut -f1) MB; umoci repack"
umoci repack --image "$OCI:debian-base" \
  --history.created_by "debootstrap --variant=minbase $SUITE / $MIRROR" \
  --history.comment "strata samples/build.sh" "$WORK/base"
rm -rf "$WORK/base"

# --- debian-python ---------------------------------------------------------------------
say "debian-python: unpack base, apt-get install python3 python3-requests"
umoci unpack --image "$OCI:debian-base" "$WORK/py"
R="$WORK/py/rootfs"
mkdir -p "$R/proc" "$R/dev"
mount -t proc proc "$R/proc"
mount --bind /dev "$R/dev"
cp -L /etc/resolv.conf "$R/etc/resolv.conf"
mv "$R/etc/apt/sources.list" "$WORK/sources.list.orig"
chroot_sources > "$R/etc/apt/sources.list.d/strata-build.sources"
chroot "$R" apt-get -q update > "$WORK/apt.log" 2>&1 \
  && chroot "$R" apt-get -q install -y --no-install-recommends python3 python3-requests >> "$WORK/apt.log" 2>&1 \
  || { tail -40 "$WORK/apt.log" >&2; exit 1; }
chroot "$R" apt-get clean
chroot "$R" dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\n' > "$WORK/pkgs-debian-python.tsv"
rm -f "$R/etc/apt/sources.list.d/strata-build.sources" "$R/etc/resolv.conf"
mv "$WORK/sources.list.orig" "$R/etc/apt/sources.list"
rm -rf "$R/var/lib/apt/lists/"* "$R/var/cache/apt/"*.bin
umount "$R/dev"; umount "$R/proc"
say "debian-python: $(wc -l < "$WORK/pkgs-debian-python.tsv") packages, $(du -sm "$R" | cut -f1) MB; umoci repack"
umoci repack --image "$OCI:debian-python" \
  --history.created_by "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends python3 python3-requests && apt-get clean && rm -rf /var/lib/apt/lists/*" \
  --history.comment "strata samples/build.sh" "$WORK/py"
umoci config --image "$OCI:debian-python" --config.cmd python3 \
  --config.label org.opencontainers.image.title=strata-fixture-debian-python \
  --history.created_by 'CMD ["python3"]'
rm -rf "$WORK/py"
umoci gc --layout "$OCI"

# --- exports -----------------------------------------------------------------------------
say "exports: docker-archive, oci-archive, zstd layout"
skopeo copy -q "oci:$OCI:debian-python" "docker-archive:$OUT/debian-python.docker.tar:strata/debian-python:latest"
skopeo copy -q "oci:$OCI:debian-python" "oci-archive:$OUT/debian-python.oci.tar:debian-python"
# via a fresh temporary layout so skopeo cannot reuse the gzip blobs
skopeo copy -q --dest-compress-format zstd "oci:$OCI:debian-python" "oci:$WORK/zstd:debian-python"
skopeo copy -q "oci:$WORK/zstd:debian-python" "oci:$OUT/oci-zstd:debian-python"

# --- fixtures.json -------------------------------------------------------------------------
say "fixtures.json"
python3 - "$OUT" "$WORK" <<'PY'
import hashlib, json, os, subprocess, sys, tarfile
out, work = sys.argv[1], sys.argv[2]

def inspect(ref, *extra):
    return json.loads(subprocess.check_output(["skopeo", "inspect", *extra, ref]))

def layout_manifest(layout, tag):
    idx = json.load(open(f"{layout}/index.json"))
    for m in idx["manifests"]:
        if m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag:
            return m["digest"]
    raise SystemExit(f"{tag} not in {layout}")

def blob(layout, digest):
    return f"{layout}/blobs/{digest.replace(':', '/')}"

class Hashing:
    def __init__(self, f): self.f, self.h, self.n = f, hashlib.sha256(), 0
    def read(self, size=-1):
        b = self.f.read(size); self.h.update(b); self.n += len(b); return b

stats = {}
def layer_stats(path, media_type):
    dec = ["zstd", "-dc"] if "zstd" in media_type else ["gzip", "-dc"] if "gzip" in media_type else ["cat"]
    with open(path, "rb") as f:
        p = subprocess.Popen(dec, stdin=f, stdout=subprocess.PIPE)
        r = Hashing(p.stdout)
        files = entries = whiteouts = 0
        with tarfile.open(fileobj=r, mode="r|") as t:
            for m in t:
                entries += 1
                if m.isreg():
                    files += 1
                    if os.path.basename(m.name).startswith(".wh."): whiteouts += 1
        while r.read(1 << 20): pass
        if p.wait() != 0: raise SystemExit(f"decompress failed: {path}")
    return {"diffID": "sha256:" + r.h.hexdigest(), "uncompressedSize": r.n,
            "entries": entries, "regularFiles": files, "whiteouts": whiteouts}

def oci_fixture(name, layout, tag, pkgs):
    mdg = layout_manifest(layout, tag)
    man = json.load(open(blob(layout, mdg)))
    cfg = json.load(open(blob(layout, man["config"]["digest"])))
    layers = []
    for l, did in zip(man["layers"], cfg["rootfs"]["diff_ids"]):
        s = layer_stats(blob(layout, l["digest"]), l["mediaType"])
        if s["diffID"] != did: raise SystemExit(f"diffID mismatch in {name}: {s['diffID']} != {did}")
        stats[did] = s
        layers.append({"digest": l["digest"], "mediaType": l["mediaType"], "size": l["size"], **s})
    return {"name": name, "reference": f"oci:{layout}:{tag}", "format": "oci-layout",
            "manifestDigest": mdg, "configDigest": man["config"]["digest"],
            "diffIDs": cfg["rootfs"]["diff_ids"], "layers": layers,
            "compressedSize": sum(l["size"] for l in layers),
            "uncompressedSize": sum(l["uncompressedSize"] for l in layers),
            "packages": pkgs}

def archive_fixture(name, ref, fmt, pkgs):
    info = inspect(ref)
    cfg = inspect(ref, "--config")
    dids = cfg["rootfs"]["diff_ids"]
    return {"name": name, "reference": ref, "format": fmt, "manifestDigest": info["Digest"],
            "diffIDs": dids, "layers": [dict(stats[d]) for d in dids],
            "uncompressedSize": sum(stats[d]["uncompressedSize"] for d in dids),
            "fileSize": os.path.getsize(ref.split(":")[1]), "packages": pkgs}

def pkgs(tag):
    rows = [l.split("\t") for l in open(f"{work}/pkgs-{tag}.tsv").read().splitlines() if l]
    return [{"package": p, "version": v, "architecture": a} for p, v, a in rows]

base, py = pkgs("debian-base"), pkgs("debian-python")
fx = [oci_fixture("debian-base", f"{out}/oci", "debian-base", base),
      oci_fixture("debian-python", f"{out}/oci", "debian-python", py),
      oci_fixture("debian-python-zstd", f"{out}/oci-zstd", "debian-python", py),
      archive_fixture("debian-python-docker-archive", f"docker-archive:{out}/debian-python.docker.tar",
                      "docker-archive", py),
      archive_fixture("debian-python-oci-archive", f"oci-archive:{out}/debian-python.oci.tar:debian-python",
                      "oci-archive", py)]
assert fx[0]["diffIDs"][0] == fx[1]["diffIDs"][0] and fx[0]["layers"][0]["digest"] == fx[1]["layers"][0]["digest"]
doc = {"schema": 1, "builtBy": "samples/build.sh", "key": os.path.basename(out), "fixtures": fx}
with open(f"{out}/fixtures.json", "w") as f:
    json.dump(doc, f, indent=2); f.write("\n")
for x in fx:
    ls = ", ".join(f"{l.get('size', '-')}/{l['uncompressedSize']} B, {l['regularFiles']} files" for l in x["layers"])
    print(f"  {x['name']:30s} {len(x['packages'])} pkgs; layers (compressed/uncompressed): {ls}", file=sys.stderr)
PY

touch "$OUT/.done"
ok=1
ln -sfn "$KEY" "$BUILD/current"
say "done: $OUT ($(du -sh "$OUT" | cut -f1))"
echo "$OUT"
