"""A measuring reverse proxy for registry benchmarks.

Forwards every HTTP request to one upstream (a registry on loopback), counts requests and the bytes
each direction carries, and can make the link WAN-like: added round-trip latency and a bandwidth cap
on both directions. Counters are read and reset over HTTP on the proxy itself:
  GET  /__proxy/stats   -> {"requests": n, "bytes_up": n, "bytes_down": n, "blob_bytes_up": n,
                            "blob_uploads": n, "blobs_pushed": n, "by_method": {...}, "by_target": {...}}
  (blob_bytes_up / blob_uploads: body bytes and count of the PATCH/PUT requests of blob uploads;
   blobs_pushed: blob uploads completed, i.e. PUTs with ?digest=, one per blob sent;
   by_target: requests per X-Amz-Target header, i.e. per AWS API action when the upstream is an AWS endpoint)
  POST /__proxy/reset

usage: proxy.py LISTEN_PORT UPSTREAM_HOST:PORT [--rtt-ms 40] [--mbit 50]
"""
import argparse, http.client, json, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade"}


class Link:
    def __init__(self, rtt_ms, mbit):
        self.half_rtt = rtt_ms / 2000.0
        self.bytes_per_second = mbit * 1_000_000 / 8 if mbit > 0 else 0
        self.lock = threading.Lock()
        # One pipe per direction shared by every connection: parallel uploads share the bandwidth.
        self.free_at = {"up": 0.0, "down": 0.0}
        self.reset()

    def reset(self):
        with self.lock:
            self.stats = {"requests": 0, "bytes_up": 0, "bytes_down": 0, "blob_bytes_up": 0, "blob_uploads": 0,
                          "blobs_pushed": 0, "by_method": {}, "by_target": {}}

    def count(self, method, path, up, down, body_size, target=None):
        with self.lock:
            self.stats["requests"] += 1
            if target:
                # "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken" -> "GetAuthorizationToken"
                action = target.rsplit(".", 1)[-1]
                self.stats["by_target"][action] = self.stats["by_target"].get(action, 0) + 1
            self.stats["bytes_up"] += up
            self.stats["bytes_down"] += down
            self.stats["by_method"][method] = self.stats["by_method"].get(method, 0) + 1
            # A blob goes up as POST + PATCH(es) + PUT ?digest=, POST + PUT ?digest= (monolithic), or a single
            # POST ?digest= with the body; a POST ?mount= sends nothing.
            closes = "digest=" in path and method in ("POST", "PUT")
            if "/blobs/uploads/" in path and (method in ("PATCH", "PUT") or closes):
                self.stats["blob_uploads"] += 1
                self.stats["blob_bytes_up"] += body_size
                if closes:
                    self.stats["blobs_pushed"] += 1

    def transfer_delay(self, direction, size):
        # Each direction is capped on its own, as on a symmetric WAN link.
        if not self.bytes_per_second or not size:
            return
        with self.lock:
            start = max(time.monotonic(), self.free_at[direction])
            self.free_at[direction] = start + size / self.bytes_per_second
            done = self.free_at[direction]
        time.sleep(max(0.0, done - time.monotonic()))


def handler_for(upstream, link):
    host, port = upstream.rsplit(":", 1)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def read_body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                body = bytearray()
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return bytes(body)
                    body += self.rfile.read(size)
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def control(self):
            if self.path == "/__proxy/stats":
                with link.lock:
                    payload = json.dumps(link.stats).encode()
            else:
                link.reset()
                payload = b"{}"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def forward(self):
            if self.path.startswith("/__proxy/"):
                return self.control()
            body = self.read_body()
            time.sleep(link.half_rtt)
            link.transfer_delay("up", len(body))
            # Clients send Accept once per media type (docker does): fold repeats into one list, not the last one.
            headers = {}
            for k, v in self.headers.items():
                if k.lower() not in HOP_BY_HOP:
                    headers[k] = f"{headers[k]}, {v}" if k in headers else v
            if body or self.command in ("POST", "PUT", "PATCH"):
                headers["Content-Length"] = str(len(body))
            connection = http.client.HTTPConnection(host, int(port), timeout=300)
            try:
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
            finally:
                connection.close()
            time.sleep(link.half_rtt)
            link.transfer_delay("down", len(payload))
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
            head_size = len(self.requestline) + sum(len(k) + len(v) + 4 for k, v in self.headers.items())
            link.count(self.command, self.path, head_size + len(body), len(payload), len(body), self.headers.get("X-Amz-Target"))

        do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = forward

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("listen_port", type=int)
    parser.add_argument("upstream")
    parser.add_argument("--rtt-ms", type=float, default=0)
    parser.add_argument("--mbit", type=float, default=0)
    args = parser.parse_args()
    link = Link(args.rtt_ms, args.mbit)
    server = ThreadingHTTPServer(("127.0.0.1", args.listen_port), handler_for(args.upstream, link))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
