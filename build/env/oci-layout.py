"""Writes a one-layer OCI image layout from a root filesystem folder, reproducibly.

usage: oci-layout.py ROOTFS OUT EPOCH RUNTIME_VERSION ASPNET_VERSION [ARCH]
       RUNTIME_VERSION "-" means a root filesystem without .NET (a runtime-deps image).
"""
import gzip, hashlib, io, json, os, sys, tarfile

rootfs, out, epoch, runtime_version, aspnet_version = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
architecture = sys.argv[6] if len(sys.argv) > 6 else "amd64"
has_dotnet = runtime_version != "-"
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)


def put_blob(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest


def normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mtime = epoch
    info.uname = info.gname = ""
    return info


raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for directory, dirnames, filenames in os.walk(rootfs):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            path = os.path.join(directory, name)
            arcname = os.path.relpath(path, rootfs)
            tar.add(path, arcname=arcname, recursive=False, filter=normalize)
layer_tar = raw.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_tar).hexdigest()
gz = io.BytesIO()
with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0, compresslevel=6) as g:
    g.write(layer_tar)
layer = gz.getvalue()
layer_digest = put_blob(layer)

created = __import__("datetime").datetime.fromtimestamp(epoch, __import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
env = [
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "APP_UID=1654",
    "ASPNETCORE_HTTP_PORTS=8080",
    "DOTNET_RUNNING_IN_CONTAINER=true",
]
if has_dotnet:
    env += ["DOTNET_VERSION=" + runtime_version, "ASPNET_VERSION=" + aspnet_version]
    description = "EcrPublish test base: Debian minbase + .NET " + runtime_version + " + ASP.NET Core " + aspnet_version
else:
    description = "EcrPublish test base: Debian minbase " + architecture + " (runtime-deps)"
config = {
    "architecture": architecture,
    "os": "linux",
    "created": created,
    "config": {"Env": env, "Labels": {"org.opencontainers.image.description": description}},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created": created, "created_by": "build/env/base-image.sh"}],
}
config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
config_digest = put_blob(config_bytes)
manifest = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": len(config_bytes)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": len(layer)}],
}
manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
manifest_digest = put_blob(manifest_bytes)
with open(os.path.join(out, "oci-layout"), "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest, "size": len(manifest_bytes),
        "annotations": {"org.opencontainers.image.ref.name": "latest"}}]}, f)
