#!/usr/bin/env python3
"""Scans one image again and again through a running `strata serve` (used by bench.sh and bench-registry.sh).

    warm-scans.py PORT IMAGE RUNS [BLOB_DIR]

After each scan the image is deleted (DELETE /api/v1/images/DIGEST), so the next scan reads every layer again;
with BLOB_DIR (the server's <data>/blobs) the stored blobs are removed too, so a registry image is downloaded
again. Prints one line per scan: the report's .stats.elapsedMillis and the client's wall time from POST to done,
in milliseconds. Fails when a scan fails or reads no layer.
"""
import glob
import json
import os
import sys
import time
import urllib.request


def main():
    port, image, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    blobs = sys.argv[4] if len(sys.argv) > 4 else None
    base = f"http://127.0.0.1:{port}/api/v1"

    def call(method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=600) as r:
            raw = r.read()
            return json.loads(raw) if raw else None

    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
            break
        except Exception:
            time.sleep(0.1)
    for i in range(runs):
        t0 = time.time()
        job = call("POST", "/scans", {"image": image})
        while job["status"] not in ("done", "failed"):
            time.sleep(0.02)
            job = call("GET", f"/scans/{job['id']}")
        wall = int((time.time() - t0) * 1000)
        if job["status"] != "done":
            sys.exit(f"scan failed: {job}")
        stats = call("GET", f"/scans/{job['id']}/report?format=json")["stats"]
        if stats["layersRead"] == 0:
            sys.exit(f"scan {i} read no layer: {stats}")
        print(stats["elapsedMillis"], wall, flush=True)
        call("DELETE", "/images/" + job["digest"])
        if blobs:
            for f in glob.glob(os.path.join(blobs, "sha256", "*")):
                os.remove(f)


if __name__ == "__main__":
    main()
