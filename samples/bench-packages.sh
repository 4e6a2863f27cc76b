#!/usr/bin/env bash
# Package-detection cost benchmark (run by hand after ./mvnw -q install -DskipTests).
#
#   bash samples/bench-packages.sh [JARS]
#
# Reads layers twice in the same JVM, without and with the package analysers (LayerReaderBench --packages),
# and prints the extra time package detection costs per run:
#   - each gzip layer of debian-python (samples/build.sh) — the foundation benchmark image;
#   - a generated Java-heavy layer: JARS (default 400) real jars from the local Maven repository.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JARS="${1:-400}"
cd "$ROOT"
CP="$(./mvnw -q -B -o -pl scanner dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
CP="scanner/target/classes:scanner/target/test-classes:$CP"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

layout="$(readlink -f samples/build/current)/oci"
[[ -d "$layout" ]] || { echo "run samples/build.sh first" >&2; exit 1; }
manifest="$(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]+"/index.json"));
print([m["digest"] for m in i["manifests"] if m.get("annotations",{}).get("org.opencontainers.image.ref.name")=="debian-python"][0])' "$layout")"
for layer in $(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]+"/blobs/"+sys.argv[2].replace(":","/")));
print(" ".join(l["digest"].replace(":","/") for l in m["layers"]))' "$layout" "$manifest"); do
  echo "== debian-python layer ${layer#sha256/}"
  java -cp "$CP" dev.strata.scanner.layer.LayerReaderBench "$layout/blobs/$layer" --runs 6 --packages
done

echo "== Java-heavy layer: $JARS jars from ~/.m2"
mkdir -p "$TMP/root/app/lib"
find "$HOME/.m2/repository" -name '*.jar' ! -name '*-sources.jar' -size +8k | sort > "$TMP/jars.txt"
sed -n "1,${JARS}p" "$TMP/jars.txt" | while read -r j; do cp "$j" "$TMP/root/app/lib/"; done
tar -C "$TMP/root" --sort=name --owner=0 --group=0 -cf - app | gzip -1 > "$TMP/java.tar.gz"
echo "   $(ls "$TMP/root/app/lib" | wc -l) jars, $(du -sh "$TMP/root" | cut -f1) unpacked"
java -cp "$CP" dev.strata.scanner.layer.LayerReaderBench "$TMP/java.tar.gz" --runs 6 --packages
