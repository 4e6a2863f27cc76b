#!/usr/bin/env bash
# Rebuilds samples/demo/demo.tar: a small, real, 4-layer image for the README's
# first command (`java -jar api/target/strata.jar scan samples/demo/demo.tar`).
#
# No Docker daemon needed. Needs: apt-get (Debian bookworm sources), dpkg-deb,
# GNU tar, mvn, npm, python3, skopeo. Inputs are pinned by version and
# (for Maven/npm) by sha256; downloads are cached in samples/cache/demo-dl/.
# Output is byte-for-byte reproducible (SOURCE_DATE_EPOCH, sorted entries, 0:0).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SAMPLES="$(dirname "$HERE")"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"   # 2023-11-14T22:13:20Z
export LC_ALL=C TZ=UTC
umask 022

DL="$SAMPLES/cache/demo-dl"
OCI="$HERE/demo-oci"                # not committed (see .gitignore)
OUT="$HERE/demo.tar"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/strata-demo.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- pinned inputs ------------------------------------------------------------
DEBS=(                                  # name=version (bookworm / bookworm-security)
  base-files=12.4+deb12u15
  zlib1g=1:1.2.13.dfsg-1
  libzstd1=1.5.4+dfsg2-5
  liblzma5=5.4.1-1+deb12u2
  libbz2-1.0=1.0.8-5+b1
)
JARS=(                                  # groupId:artifactId:version sha256
  "org.apache.logging.log4j:log4j-core:2.14.1 ade7402a70667a727635d5c4c29495f4ff96f061f12539763f6f123973b465b0"
  "org.apache.logging.log4j:log4j-api:2.14.1 8caf58db006c609949a0068110395a33067a2bad707c3da35e959c0473f9a916"
  "aopalliance:aopalliance:1.0 0addec670fedcd3f113c5c8091d783280d23f75e3acb841b61a9cdb079376a08"
)
NPMS=(                                  # name@version sha256-of-tgz
  "lodash@4.17.15 541c2fe70b322dcaaf2df79e7c6117ca2ca392e9dc15a2cd6c4b3f5cebefcc0d"
  "minimist@1.2.5 a1800ce4d39356e96497bd09a41fad0033a13dd8eeb469008333547505ce4350"
)

say() { printf '[demo] %s\n' "$*" >&2; }
check_sha() { echo "$2  $1" | sha256sum -c --quiet - || { say "checksum mismatch: $1"; exit 1; }; }

# --- download (cached) ----------------------------------------------------------
mkdir -p "$DL/deb" "$DL/mvn" "$DL/npm"
for d in "${DEBS[@]}"; do
  name="${d%%=*}"; ver="${d#*=}"
  if ! ls "$DL/deb/${name}_"*.deb >/dev/null 2>&1; then
    say "apt-get download $d"
    (cd "$DL/deb" && apt-get download -q "$d" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
  fi
  ls "$DL/deb/${name}_"*.deb >/dev/null || { say "failed to download $d"; exit 1; }
  got="$(dpkg-deb -f "$DL/deb/${name}_"*.deb Version)"
  [[ "$got" == "$ver" ]] || { say "$name: have $got, want $ver (delete $DL/deb to refetch)"; exit 1; }
done
for j in "${JARS[@]}"; do
  gav="${j% *}"; sum="${j#* }"
  IFS=: read -r g a v <<<"$gav"
  f="$DL/mvn/$a-$v.jar"
  if [[ ! -f "$f" ]]; then
    say "mvn dependency:copy $gav"
    mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$gav" -DoutputDirectory="$DL/mvn" >&2
  fi
  check_sha "$f" "$sum"
done
for n in "${NPMS[@]}"; do
  nv="${n% *}"; sum="${n#* }"
  f="$DL/npm/${nv%@*}-${nv#*@}.tgz"
  if [[ ! -f "$f" ]]; then
    say "npm pack $nv"
    (cd "$DL/npm" && npm pack --silent "$nv" >/dev/null)
  fi
  check_sha "$f" "$sum"
done

# --- helpers ----------------------------------------------------------------------
# mktar DIR OUT: reproducible layer tar (sorted, fixed mtime, 0:0, no ./ prefix, PAX).
mktar() {
  local dir="$1" out="$2"
  find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  (cd "$dir" && find . -mindepth 1 | sed 's|^\./||' | sort > "$WORK/list")
  tar -C "$dir" -cf "$out" --no-recursion -T "$WORK/list" \
      --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
      --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner
}

# --- layer 1: debian base from real .debs -------------------------------------------
say "layer 1: debian base (${#DEBS[@]} packages)"
R="$WORK/l1"; mkdir -p "$R/var/lib/dpkg/info"
: > "$R/var/lib/dpkg/status"
for d in "${DEBS[@]}"; do
  name="${d%%=*}"; deb="$(ls "$DL/deb/${name}_"*.deb)"
  dpkg-deb -x "$deb" "$R"
  ctl="$WORK/ctl-$name"; dpkg-deb -e "$deb" "$ctl"
  arch="$(dpkg-deb -f "$deb" Architecture)"
  # dpkg names info files <pkg>:<arch>.* for Multi-Arch: same packages
  info="$name"; [[ "$(dpkg-deb -f "$deb" Multi-Arch)" == same ]] && info="$name:$arch"
  dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's|^\./|/|' -e 's|/$||' -e 's|^$|/.|' > "$R/var/lib/dpkg/info/$info.list"
  [[ -f "$ctl/md5sums" ]] && cp "$ctl/md5sums" "$R/var/lib/dpkg/info/$info.md5sums"
  [[ -f "$ctl/conffiles" ]] && cp "$ctl/conffiles" "$R/var/lib/dpkg/info/$info.conffiles"
  # status stanza: control fields with Status after Package, Conffiles like dpkg writes them
  {
    dpkg-deb -f "$deb" | awk 'NR==1{print; print "Status: install ok installed"; next} {print}'
    if [[ -f "$ctl/conffiles" ]]; then
      echo "Conffiles:"
      while read -r cf; do echo " $cf $(md5sum < "$R$cf" | cut -d' ' -f1)"; done < "$ctl/conffiles"
    fi
    echo
  } >> "$R/var/lib/dpkg/status"
done
# merged /usr as on a real bookworm system (dpkg's .list files keep the /lib paths)
for d in bin sbin lib; do
  if [[ -d "$R/$d" && ! -L "$R/$d" ]]; then
    mkdir -p "$R/usr/$d"; cp -a "$R/$d/." "$R/usr/$d/"; rm -rf "${R:?}/$d"
  fi
  ln -s "usr/$d" "$R/$d"
done
# what base-files' postinst would do
cp "$R/usr/share/base-files/motd" "$R/etc/motd"
mkdir -p "$R/tmp" "$R/root" "$R/var/tmp"; chmod 1777 "$R/tmp" "$R/var/tmp"; chmod 700 "$R/root"
mktar "$R" "$WORK/layer1.tar"

# --- layer 2: java app ----------------------------------------------------------------
say "layer 2: java app"
R="$WORK/l2"; mkdir -p "$R/app/lib"
for j in "${JARS[@]}"; do gav="${j% *}"; IFS=: read -r g a v <<<"$gav"; cp "$DL/mvn/$a-$v.jar" "$R/app/lib/"; done
mktar "$R" "$WORK/layer2.tar"

# --- layer 3: node app ----------------------------------------------------------------
say "layer 3: node app"
R="$WORK/l3"; mkdir -p "$R/app/node_modules"
for n in "${NPMS[@]}"; do
  nv="${n% *}"; pkg="${nv%@*}"
  mkdir -p "$R/app/node_modules/$pkg"
  tar -xzf "$DL/npm/$pkg-${nv#*@}.tgz" -C "$R/app/node_modules/$pkg" --strip-components=1 --no-same-owner
done
python3 - "$R/app" "$DL/npm" "${NPMS[@]}" <<'PY'
import base64, hashlib, json, sys
app, dl, specs = sys.argv[1], sys.argv[2], [s.split()[0] for s in sys.argv[3:]]
deps = {s.rsplit("@", 1)[0]: s.rsplit("@", 1)[1] for s in specs}
pkg = {"name": "strata-demo", "version": "1.0.0", "private": True,
       "description": "Strata demo application", "main": "index.js",
       "dependencies": deps}
lock = {"name": "strata-demo", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
        "packages": {"": {"name": "strata-demo", "version": "1.0.0", "dependencies": deps}}}
for n, v in deps.items():
    data = open(f"{dl}/{n}-{v}.tgz", "rb").read()
    lock["packages"][f"node_modules/{n}"] = {
        "version": v, "resolved": f"https://registry.npmjs.org/{n}/-/{n}-{v}.tgz",
        "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()}
for name, obj in (("package.json", pkg), ("package-lock.json", lock)):
    with open(f"{app}/{name}", "w") as f:
        json.dump(obj, f, indent=2); f.write("\n")
with open(f"{app}/index.js", "w") as f:
    f.write("const _ = require('lodash');\nconsole.log(_.capitalize('hello from strata demo'));\n")
PY
mktar "$R" "$WORK/layer3.tar"

# --- layer 4: cleanup (whiteout + overwrite) --------------------------------------------
say "layer 4: cleanup"
R="$WORK/l4"; mkdir -p "$R/usr/share/doc/zlib1g" "$R/etc"
: > "$R/usr/share/doc/zlib1g/.wh.changelog.Debian.gz"      # deletes the file from layer 1
printf 'Strata demo image - not for production use.\n' > "$R/etc/motd"   # overwrites layer 1's
# only the touched files' parents are included, as Docker does for a RUN layer
mktar "$R" "$WORK/layer4.tar"

# --- assemble OCI layout ------------------------------------------------------------------
say "assembling OCI layout $OCI"
rm -rf "$OCI"
python3 - "$OCI" "$WORK" <<'PY'
import gzip, hashlib, io, json, os, sys, time
oci, work = sys.argv[1], sys.argv[2]
epoch = int(os.environ["SOURCE_DATE_EPOCH"])
ts = lambda off=0: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch + off))
os.makedirs(f"{oci}/blobs/sha256")
def put(data):
    d = hashlib.sha256(data).hexdigest()
    with open(f"{oci}/blobs/sha256/{d}", "wb") as f: f.write(data)
    return "sha256:" + d, len(data)
layers, diff_ids = [], []
for i in range(1, 5):
    raw = open(f"{work}/layer{i}.tar", "rb").read()
    diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as g: g.write(raw)
    dg, size = put(buf.getvalue())
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": dg, "size": size})
path = "/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
config = {
  "created": ts(40), "architecture": "amd64", "os": "linux",
  "config": {
    "User": "1000:1000",
    "ExposedPorts": {"8080/tcp": {}},
    "Env": ["PATH=" + path, "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8", "NODE_ENV=production"],
    "Entrypoint": ["java", "-cp", "/app/lib/*"],
    "Cmd": ["org.apache.logging.log4j.core.tools.Generate"],
    "WorkingDir": "/app",
    "Labels": {
      "org.opencontainers.image.title": "strata-demo",
      "org.opencontainers.image.description": "Small real image for Strata's README demo",
      "org.opencontainers.image.version": "1.0",
      "org.opencontainers.image.licenses": "Apache-2.0",
      "org.opencontainers.image.source": "https://github.com/strata-scanner/strata/tree/main/samples/demo",
      "org.opencontainers.image.base.name": "debian:bookworm (subset)"}},
  "rootfs": {"type": "layers", "diff_ids": diff_ids},
  "history": [
    {"created": ts(0), "created_by": "/bin/sh -c #(nop) ADD file:debian-bookworm-subset.tar in / ",
     "comment": "base-files zlib1g libzstd1 liblzma5 libbz2-1.0 from deb.debian.org"},
    {"created": ts(10), "created_by": "ENV PATH=" + path + " JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8 NODE_ENV=production",
     "comment": "buildkit.dockerfile.v0", "empty_layer": True},
    {"created": ts(20), "created_by": "COPY lib/ /app/lib/ # buildkit", "comment": "buildkit.dockerfile.v0"},
    {"created": ts(30), "created_by": "COPY package.json package-lock.json index.js node_modules/ /app/ # buildkit",
     "comment": "buildkit.dockerfile.v0"},
    {"created": ts(40), "created_by": "RUN /bin/sh -c rm /usr/share/doc/zlib1g/changelog.Debian.gz && echo 'Strata demo image - not for production use.' > /etc/motd # buildkit",
     "comment": "buildkit.dockerfile.v0"},
    {"created": ts(40), "created_by": "USER 1000:1000", "comment": "buildkit.dockerfile.v0", "empty_layer": True},
  ]}
cdg, csize = put(json.dumps(config, indent=None, separators=(",", ":")).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdg, "size": csize},
            "layers": layers}
mdg, msize = put(json.dumps(manifest, separators=(",", ":")).encode())
index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
         "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": mdg, "size": msize,
                        "annotations": {"org.opencontainers.image.ref.name": "demo"}}]}
json.dump(index, open(f"{oci}/index.json", "w"))
json.dump({"imageLayoutVersion": "1.0.0"}, open(f"{oci}/oci-layout", "w"))
print("manifest " + mdg, file=sys.stderr)
PY

# --- export docker-archive -------------------------------------------------------------------
say "skopeo copy -> $OUT"
rm -f "$OUT"
skopeo copy -q "oci:$OCI:demo" "docker-archive:$OUT:strata/demo:1.0"
touch -d "@$SOURCE_DATE_EPOCH" "$OUT"
say "done: $(du -h "$OUT" | cut -f1) $(sha256sum "$OUT" | cut -d' ' -f1)"
