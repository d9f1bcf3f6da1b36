"""Benchmark of the web application under load (not a test).

    .venv/bin/python bench/web.py [--seconds 30] [--clients 20] [--workers N]

`zicht demo` (2019-2024, editions 2022-2024) plus ten synthetic years (2009-2018, the 2024 deliveries
shifted back) in a fresh SQLite ZICHT_HOME; `zicht serve`; then `wrk` (Debian's package) with 20
concurrent clients for 30 s on, in turn:
  1. the public indicators API of a published year   GET /api/v1/indicators?year=2024
  2. a delivery history page, logged in (password and second factor), as ESSM's data officer
  3. a static file from the same server (the floor)   GET /static/zicht/zicht.css
and prints p50, p95, p99, requests per second and errors for each, and each p95 against the static
file's. Targets: p95 under 150 ms, no errors, p95 within 3x the static file's.
"""

from __future__ import annotations

import argparse
import base64
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "zicht" / "demo" / "deliveries" / "2024"
PASSWORD = "bench-wachtwoord-lang-genoeg"
SECRET = base64.b32encode(b"bench-secret-key-20b").decode()  # the partner's authenticator, known to the bench
LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.3f %.3f %.3f %.3f %d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
"""


def zicht(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "-m", "zicht", *map(str, args)], env=env, check=check, capture_output=True, text=True
    )


def shifted_years(env) -> None:
    """Ten more years of deliveries: the demo's 2024 files with every year moved back (29 Feb -> 28 Feb),
    imported through the use case in one process."""
    work = Path(tempfile.mkdtemp(prefix="zicht-bench-years-"))
    files = []
    for offset in range(6, 16):
        year = 2024 - offset
        for source in sorted(DEMO.glob("*.csv")):
            partner, dataset = source.stem.split(".")
            text = source.read_text(encoding="utf-8-sig")
            text = re.sub(r"\b(20[12]\d)\b", lambda m, o=offset: str(int(m.group(1)) - o), text)
            text = re.sub(r"\b(\d{4})-02-29\b", r"\1-02-28", text)
            target = work / f"{year}-{source.name}"
            target.write_text(text, encoding="utf-8")
            files.append((str(target), dataset, year, partner))
    code = (
        "import sys\n"
        "from zicht.storage.database import ready; ready()\n"
        "from zicht.access import Actor\n"
        "from zicht.services.deliveries import deliver\n"
        f"for path, dataset, year, partner in {files!r}:\n"
        "    result = deliver(Actor.command_line('bench'), path, dataset, year, partner)\n"
        "    if not result.accepted: sys.exit(f'{path} refused: {result.findings[:3]}')\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    shutil.rmtree(work)


def enrol_partner(env) -> None:
    """An ESSM data officer whose authenticator the bench holds (the device made as enrolment would)."""
    zicht({**env, "ZICHT_PASSWORD": PASSWORD}, "user", "add", "essm-bench", "--role", "partner", "--partner", "ESSM")
    code = (
        "from zicht.storage.database import ready; ready()\n"
        "import base64\n"
        "from django.contrib.auth.models import User\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        f"key = base64.b32decode('{SECRET}').hex()\n"
        "TOTPDevice.objects.create(user=User.objects.get(username='essm-bench'), name='bench', key=key, confirmed=True)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def log_in(base: str) -> str:
    """Log in as a browser would (password, then the current code); returns the Cookie header."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import current_code

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, fields: dict) -> str:
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(base + path, data=data, headers={"Referer": base + path})
        return opener.open(request).geturl()

    post("/accounts/inloggen/", {"username": "essm-bench", "password": PASSWORD})
    landed = post("/accounts/tweede-factor/", {"code": current_code(SECRET)})
    if "/accounts/" in landed:
        raise SystemExit(f"login failed, ended at {landed}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def load(url: str, seconds: int, clients: int, cookie: str | None = None, etag: str | None = None) -> dict:
    """wrk on `url` (with the session cookie, or `If-None-Match: etag`, when given): requests, req/s,
    p50/p95/p99 in ms, errors. bench/dashboard.py uses it too."""
    script = Path(tempfile.mkdtemp()) / "report.lua"
    script.write_text(LUA)
    args = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s", "-s", str(script)]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    if etag:
        args += ["-H", f"If-None-Match: {etag}"]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    n, duration, p50, p95, p99, errors = re.search(r"RESULT (.*)", out).group(1).split()
    return {
        "requests": int(n),
        "rps": int(n) / float(duration),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(errors),
    }


def status_of(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: zicht serve's)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (default: zicht serve's)")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: apt-get install wrk")
    home = Path(tempfile.mkdtemp(prefix="zicht-bench-web-")) / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("ZICHT_DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ZICHT_HOME"] = str(home)
    started = time.perf_counter()
    zicht(env, "demo", "--no-report")
    shifted_years(env)
    enrol_partner(env)
    years = len({line.split()[1] for line in zicht(env, "deliveries").stdout.splitlines()[1:] if line.split()})
    print(f"data: {years} years of deliveries, editions 2022-2024 ({time.perf_counter() - started:.0f} s to set up)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    serve = [sys.executable, "-m", "zicht", "serve", "--port", str(port)]
    if options.workers:
        serve += ["--workers", str(options.workers)]
    if options.threads:
        serve += ["--threads", str(options.threads)]
    server = subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if status_of(base + "/healthz") == 200 if _port_open(port) else False:
                break
            time.sleep(0.5)
        cookie = log_in(base)
        targets = [
            ("public indicators API", base + "/api/v1/indicators?year=2024", None),
            ("delivery history page (logged in)", base + "/aanleveren/geschiedenis/ESSM/meldingen/2024/", cookie),
            ("static file (floor)", base + "/static/zicht/zicht.css", None),
        ]
        for name, url, with_cookie in targets:
            assert status_of(url, with_cookie) == 200, f"{name}: {url} does not answer 200"
            load(url, 3, options.clients, with_cookie)  # warm every worker up
        results = {name: load(url, options.seconds, options.clients, c) for name, url, c in targets}
        for name, url, with_cookie in targets:
            assert status_of(url, with_cookie) == 200, f"{name}: {url} no longer answers 200 after the load"
    finally:
        server.terminate()
        server.wait(timeout=30)
    floor = results["static file (floor)"]["p95"]
    print(
        f"wrk, {options.clients} clients, {options.seconds} s each, on {os.cpu_count()} cores (client and server share them)"
    )
    for name, r in results.items():
        ratio = r["p95"] / floor if floor else float("nan")
        verdict = (
            ""
            if name.startswith("static")
            else (
                f"  ratio {ratio:.2f}x (target <= 3x); "
                + ("OK" if r["p95"] < 150 and r["errors"] == 0 and ratio <= 3 else "MISSED")
            )
        )
        print(
            f"{name:36} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
            f"{r['rps']:7.0f} req/s  errors {r['errors']}{verdict}"
        )
    return 0


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


if __name__ == "__main__":
    sys.exit(main())
