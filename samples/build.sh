#!/usr/bin/env bash
# Builds realistic image fixtures for integration tests and benchmarks, without a
# Docker daemon, into samples/build/<key>/ (key = first 16 hex of sha256(build.sh)).
# A finished build (marker .done) is reused: the script then only prints its path.
# samples/build/current -> <key> always points at the last complete build.
#
# Fixtures (one OCI layout samples/build/<key>/oci, tags debian-base, debian-python, java-node):
#   debian-base    debootstrap --variant=minbase bookworm, one gzip layer
#   debian-python  the same base layer (same diffID/blob) + python3 python3-requests
#   java-node      the same base layer + a Java layer (/app/app.jar: a Spring Boot fat jar built here with
#                  Maven; /app/lib: real jars from Maven Central, one of them shaded) + a Node layer
#                  (/app/web: a package.json installed with npm install --omit=dev)
# Exports of debian-python: debian-python.docker.tar (docker-archive,
#   strata/debian-python:latest), debian-python.oci.tar (oci-archive),
#   oci-zstd/ (OCI layout, tag debian-python, zstd layers).
# Ground truth: fixtures.json (references, digests, diffIDs, dpkg package lists,
#   regular-file count per layer; for java-node also mavenArtifacts and npmPackages, computed
#   from the jars and from npm ls).
# Maven's local repository and npm's cache live in samples/cache/{m2,npm} (gitignored).
#
# Needs root, debootstrap, umoci, skopeo, jq, python3, zstd, mount/chroot, mvn, java, npm.
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
for t in debootstrap umoci skopeo jq python3 zstd chroot mount flock mvn java npm; do
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
# --- java-node ---------------------------------------------------------------------------
# Layer 2 (Java): /app/app.jar, a Spring Boot fat jar built here (spring-boot-starter only, no web server),
# and real jars from Maven Central in /app/lib (surefire-shared-utils is a shaded jar: 5 pom.properties;
# surefire-api bundles plexus-utils; aopalliance has no pom.properties).
# Layer 3 (Node): /app/web, a package.json with a scoped dependency and a nested duplicate (debug@2.6.9 needs
# ms@2.0.0, the app wants ms@2.1.3 -> node_modules/debug/node_modules/ms), npm install --omit=dev.
M2="$SAMPLES/cache/m2"
MVN=(mvn -q -B -Dmaven.repo.local="$M2")
mkdir -p "$M2" "$SAMPLES/cache/npm"
say "java-node: Spring Boot fat jar (mvn package)"
SB="$WORK/sb"
mkdir -p "$SB/src/main/java/dev/strata/fixture"
cat > "$SB/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.5.7</version>
    <relativePath/>
  </parent>
  <groupId>dev.strata.fixture</groupId>
  <artifactId>fixture-app</artifactId>
  <version>1.0.0</version>
  <properties>
    <java.version>17</java.version>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter</artifactId>
    </dependency>
  </dependencies>
  <build>
    <finalName>app</finalName>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$SB/src/main/java/dev/strata/fixture/Application.java" <<'JAVA'
package dev.strata.fixture;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
JAVA
"${MVN[@]}" -f "$SB/pom.xml" package > "$WORK/mvn.log" 2>&1 || { tail -40 "$WORK/mvn.log" >&2; exit 1; }
say "java-node: jars from Maven Central (mvn dependency:copy)"
JARS="$WORK/jars"
mkdir -p "$JARS"
for a in org.apache.maven.surefire:surefire-shared-utils:3.2.5 org.apache.maven.surefire:surefire-api:2.12.4 \
         org.apache.logging.log4j:log4j-core:2.14.1 com.fasterxml.jackson.core:jackson-databind:2.20.1 \
         aopalliance:aopalliance:1.0; do
  "${MVN[@]}" dependency:copy -Dartifact="$a" -DoutputDirectory="$JARS" >> "$WORK/mvn.log" 2>&1 \
    || { tail -40 "$WORK/mvn.log" >&2; exit 1; }
done
umoci unpack --image "$OCI:debian-base" "$WORK/jn"
R="$WORK/jn/rootfs"
install -d -m 755 "$R/app" "$R/app/lib"
install -m 644 "$SB/target/app.jar" "$R/app/app.jar"
install -m 644 "$JARS"/*.jar "$R/app/lib/"
umoci repack --image "$OCI:java-node" \
  --history.created_by "COPY app.jar lib/ /app/ (spring-boot-maven-plugin repackage; jars from Maven Central)" \
  --history.comment "strata samples/build.sh" "$WORK/jn"
# a repacked bundle still diffs against its original image: unpack java-node afresh for the Node layer
rm -rf "$WORK/jn"
umoci unpack --image "$OCI:java-node" "$WORK/jn"
say "java-node: npm install --omit=dev"
WEB="$WORK/web"
mkdir -p "$WEB"
cat > "$WEB/package.json" <<'NPM'
{
  "name": "strata-fixture-web",
  "version": "1.2.3",
  "private": true,
  "description": "strata java-node fixture: a small real Node app",
  "dependencies": {
    "@babel/runtime": "7.24.0",
    "debug": "2.6.9",
    "lodash": "4.17.15",
    "ms": "2.1.3"
  }
}
NPM
(cd "$WEB" && npm install --omit=dev --no-audit --no-fund --no-update-notifier --cache "$SAMPLES/cache/npm" \
   > "$WORK/npm.log" 2>&1) || { tail -40 "$WORK/npm.log" >&2; exit 1; }
(cd "$WEB" && npm ls --all --parseable --long --omit=dev) > "$WORK/npm-ls.txt"
cp -a "$WEB" "$R/app/web"
chown -R 0:0 "$R/app/web"
umoci repack --image "$OCI:java-node" \
  --history.created_by "/bin/sh -c cd /app/web && npm install --omit=dev" \
  --history.comment "strata samples/build.sh" "$WORK/jn"
umoci config --image "$OCI:java-node" --config.cmd java --config.cmd -jar --config.cmd /app/app.jar \
  --config.label org.opencontainers.image.title=strata-fixture-java-node \
  --history.created_by 'CMD ["java","-jar","/app/app.jar"]'
# ground truth of the two layers, from the files in the rootfs: every Maven artifact in every jar, nested ones
# included (each META-INF/maven/<g>/<a>/pom.properties; a jar without one: artifactId and version from its file
# name, groupId null), with the location Strata reports (nested as outer!/inner) and that (nested) jar's SHA-1;
# every npm package from npm ls, with the path of its package.json in the image
say "java-node: ground truth (jars, npm ls)"
python3 - "$R" "$WORK/npm-ls.txt" "$WEB" "$WORK/truth-java-node.json" <<'PYTRUTH'
import hashlib, io, json, os, re, sys, zipfile
root, npm_ls, web, out = sys.argv[1:]
POM = re.compile(r"^META-INF/maven/[^/]+/[^/]+/pom\.properties$")
FILE = re.compile(r"^(?P<a>.+?)-(?P<v>\d[^-]*(?:-[A-Za-z0-9.]+)*)\.jar$")

def props(data):
    d = {}
    for line in data.decode("iso-8859-1").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "!")) and "=" in line:
            k, v = line.split("=", 1)
            d[k.strip()] = v.strip()
    return d

artifacts = []
def walk(location, data):
    sha1 = hashlib.sha1(data).hexdigest()
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    poms = sorted(n for n in names if POM.match(n))
    found = set()
    for n in poms:
        p = props(z.read(n))
        found.add((p["groupId"], p["artifactId"], p["version"]))
    if not found:
        m = FILE.match(os.path.basename(location.split("!")[-1]))
        if not m:
            raise SystemExit(f"no pom.properties and no version in the file name: {location}")
        found.add((None, m["a"], m["v"]))
    for g, a, v in sorted(found, key=lambda t: (t[0] or "", t[1], t[2])):
        artifacts.append({"path": location, "groupId": g, "artifactId": a, "version": v, "sha1": sha1,
                          "layer": 1})
    for n in names:
        if n.endswith((".jar", ".war")) and not n.endswith("/"):
            walk(f"{location}!/{n}", z.read(n))

for d, _, files in sorted(os.walk(f"{root}/app")):
    if "/app/web" in d: continue
    for f in sorted(files):
        if f.endswith((".jar", ".war")):
            full = os.path.join(d, f)
            walk(full[len(root):], open(full, "rb").read())

npm = []
for line in open(npm_ls).read().splitlines():
    path, ident = line.split(":")[:2]
    name, version = ident.rsplit("@", 1)
    rel = os.path.relpath(path, web)
    image = "/app/web" if rel == "." else f"/app/web/{rel}"
    npm.append({"path": f"{image}/package.json", "name": name, "version": version, "layer": 2})
npm.sort(key=lambda p: p["path"])
json.dump({"mavenArtifacts": artifacts, "npmPackages": npm}, open(out, "w"), indent=2)
print(f"  java-node truth: {len(artifacts)} Maven artifacts in "
      f"{len(set(a['path'] for a in artifacts))} jars, {len(npm)} npm packages", file=sys.stderr)
PYTRUTH
rm -rf "$WORK/jn"
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
jn = oci_fixture("java-node", f"{out}/oci", "java-node", base)   # no apt in the app layers: the base's packages
jn.update(json.load(open(f"{work}/truth-java-node.json")))
fx = [oci_fixture("debian-base", f"{out}/oci", "debian-base", base),
      oci_fixture("debian-python", f"{out}/oci", "debian-python", py),
      oci_fixture("debian-python-zstd", f"{out}/oci-zstd", "debian-python", py),
      archive_fixture("debian-python-docker-archive", f"docker-archive:{out}/debian-python.docker.tar",
                      "docker-archive", py),
      archive_fixture("debian-python-oci-archive", f"oci-archive:{out}/debian-python.oci.tar:debian-python",
                      "oci-archive", py),
      jn]
assert fx[0]["diffIDs"][0] == fx[1]["diffIDs"][0] and fx[0]["layers"][0]["digest"] == fx[1]["layers"][0]["digest"]
assert fx[0]["diffIDs"][0] == jn["diffIDs"][0] and fx[0]["layers"][0]["digest"] == jn["layers"][0]["digest"]
assert len(jn["diffIDs"]) == 3, jn["diffIDs"]
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
