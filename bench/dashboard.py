"""Benchmark of the public dashboard under load (not a test).

    .venv/bin/python bench/dashboard.py [--seconds 30] [--clients 20] [--workers N] [--threads N]

`zicht demo` (editions 2022-2024 published) in a fresh SQLite ZICHT_HOME, `zicht serve`, then `wrk`
(Debian's package) with 20 concurrent clients for 30 s on, in turn:
  1. the dashboard                                      GET /
  2. a municipality's page                              GET /gemeente/schiedam/
  3. a chart's table as CSV                             GET /grafiek/2024/1/nl/meldingen-aard.csv
  4. the public indicators API                          GET /api/v1/indicators?year=2024
  5. a static file from the same server (the floor)     GET /static/zicht/zicht.css
Clients ask as a first-time visitor (no cookie, no If-None-Match). Prints p50, p95, p99, requests per
second and errors of each, and each p95 against the static file's. Targets: p95 under 100 ms, no errors,
p95 within 2x the static file's. Also shows what a returning visitor costs (a 304 on If-None-Match).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web import load, status_of, zicht  # noqa: E402  (bench/web.py: the server and wrk, shared)

TARGETS = [
    ("dashboard /", "/"),
    ("municipality page", "/gemeente/schiedam/"),
    ("chart table (CSV)", "/grafiek/2024/1/nl/meldingen-aard.csv"),
    ("public indicators API", "/api/v1/indicators?year=2024"),
    ("static file (floor)", "/static/zicht/zicht.css"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _etag(url: str) -> str | None:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers.get("ETag")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: zicht serve's)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (default: zicht serve's)")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: apt-get install wrk")
    home = Path(tempfile.mkdtemp(prefix="zicht-bench-dashboard-")) / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(home)
    started = time.perf_counter()
    zicht(env, "demo", "--no-report")
    print(f"data: the demo, editions 2022-2024 ({time.perf_counter() - started:.0f} s to set up)")
    port = _free_port()
    serve = [sys.executable, "-m", "zicht", "serve", "--port", str(port)]
    if options.workers:
        serve += ["--workers", str(options.workers)]
    if options.threads:
        serve += ["--threads", str(options.threads)]
    server = subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            with socket.socket() as s:
                listening = s.connect_ex(("127.0.0.1", port)) == 0
            if listening and status_of(base + "/healthz") == 200:
                break
            time.sleep(0.5)
        for name, path in TARGETS:
            assert status_of(base + path) == 200, f"{name}: {path} does not answer 200"
            load(base + path, 3, options.clients)  # every worker computes and keeps it once
        results = {name: load(base + path, options.seconds, options.clients) for name, path in TARGETS}
        revalidated = {}
        for name, path in TARGETS[:3]:
            tag = _etag(base + path)
            revalidated[name] = load(base + path, max(5, options.seconds // 3), options.clients, etag=tag)
        for name, path in TARGETS:
            assert status_of(base + path) == 200, f"{name}: {path} no longer answers 200 after the load"
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = results["static file (floor)"]["p95"]
    print(
        f"wrk, {options.clients} clients, {options.seconds} s each, on {os.cpu_count()} cores "
        "(client and server share them), first-time visitors"
    )
    for name, r in results.items():
        ratio = r["p95"] / floor if floor else float("nan")
        verdict = (
            ""
            if name.startswith("static")
            else f"  ratio {ratio:.2f}x; " + ("OK" if r["p95"] < 100 and r["errors"] == 0 and ratio <= 2 else "MISSED")
        )
        print(
            f"{name:28} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  p99 {r['p99']:6.1f} ms  "
            f"{r['rps']:6.0f} req/s  errors {r['errors']}{verdict}"
        )
    print("returning visitors (If-None-Match: 304 Not Modified)")
    for name, r in revalidated.items():
        print(f"{name:28} p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  {r['rps']:6.0f} req/s  errors {r['errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
