"""Joins single-platform OCI layouts into one layout whose "latest" is an image index (a multi-arch image).

usage: oci-index.py OUT LAYOUT...
Each LAYOUT's "latest" manifest becomes one entry of the index, with the platform its config declares.
"""
import hashlib, json, os, shutil, sys

out, layouts = sys.argv[1], sys.argv[2:]
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)


def blob_path(layout: str, digest: str) -> str:
    return os.path.join(layout, "blobs", *digest.split(":", 1))


entries = []
for layout in layouts:
    for name in os.listdir(os.path.join(layout, "blobs", "sha256")):
        shutil.copyfile(os.path.join(layout, "blobs", "sha256", name), os.path.join(blobs, name))
    with open(os.path.join(layout, "index.json")) as f:
        descriptor = json.load(f)["manifests"][0]
    with open(blob_path(layout, descriptor["digest"])) as f:
        manifest = json.load(f)
    with open(blob_path(layout, manifest["config"]["digest"])) as f:
        config = json.load(f)
    entries.append({
        "mediaType": descriptor["mediaType"], "digest": descriptor["digest"], "size": descriptor["size"],
        "platform": {"os": config["os"], "architecture": config["architecture"]},
    })

index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": entries}
index_bytes = json.dumps(index, sort_keys=True, separators=(",", ":")).encode()
index_digest = "sha256:" + hashlib.sha256(index_bytes).hexdigest()
with open(blob_path(out, index_digest), "wb") as f:
    f.write(index_bytes)
with open(os.path.join(out, "oci-layout"), "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.index.v1+json", "digest": index_digest, "size": len(index_bytes),
        "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}, f)
