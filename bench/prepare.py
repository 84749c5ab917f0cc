#!/usr/bin/env python3
"""Helpers for bench/load.sh (issue 11), standard library only.

  prepare.py sessions DB_URL BASE_URL USERS OUT   give USERS demo people with a portfolio the demo
                                                  password, sign them in through the real form and
                                                  write their session cookies and CSRF tokens (plus
                                                  admin and report sessions, colleague ids) to OUT
  prepare.py count DB_URL                         live portfolio items (for the lost-write check)
  prepare.py shared BASE_A BASE_B                 sign in on node A, open the portfolio on node B
  prepare.py ready BASE_URL TIMEOUT               seconds until /readyz answers 200
"""

import concurrent.futures
import http.client
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse

PASSWORD = "kleur-demo-2026"
ADMIN = "joost.bakker@elderveen.example"
HR = "priya.ramdin@elderveen.example"
REPORTER = "daan.devries@elderveen.example"


def sql(db_url, query):
    """Rows of a query as lists of strings, on SQLite or PostgreSQL."""
    if db_url.startswith("sqlite:"):
        path = db_url.split(":", 1)[1].split("?", 1)[0]
        path = path[2:] if path.startswith("//") else path
        with sqlite3.connect(path, timeout=30) as conn:
            rows = conn.execute(query).fetchall()
            conn.commit()
        return [[str(v) for v in row] for row in rows]
    out = subprocess.run(
        ["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", db_url, "-c", query],
        check=True, capture_output=True, text=True,
    ).stdout
    return [line.split("\t") for line in out.splitlines() if line]


# Loopback addresses sign-ins come from: 72 sign-ins stay under 30 a minute per address.
SIGN_IN_ADDRESSES = 8


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def request(base, method, path, cookies=None, form=None, source=None):
    parsed = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60,
                                      source_address=(source, 0) if source else None)
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")
    set_cookies = {}
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            set_cookies[key.strip()] = rest.split(";", 1)[0]
    conn.close()
    return response.status, response.getheader("Location"), set_cookies, text


def hidden_csrf(page):
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    if not match:
        raise SystemExit("no csrf field on the page")
    return match.group(1)


def sign_in(base, email, number=0):
    """(session cookie, the session's CSRF token). Kleur limits sign-ins per client address
    (30 a minute), so the harness's many sign-ins come from several loopback addresses."""
    source = f"127.0.0.{1 + number % SIGN_IN_ADDRESSES}"
    status, _, cookies, page = request(base, "GET", "/inloggen", source=source)
    form = {"csrf": hidden_csrf(page), "email": email, "password": PASSWORD, "terug": "/"}
    status, location, set_cookies, _ = request(base, "POST", "/inloggen", cookies, form, source)
    if status != 303 or "kleur_session" not in set_cookies:
        raise SystemExit(f"sign-in of {email} failed: {status} {location}")
    session = set_cookies["kleur_session"]
    status, _, _, page = request(base, "GET", "/portfolio/nieuw?sectie=values", {"kleur_session": session})
    if status != 200:
        raise SystemExit(f"{email}: the item form answered {status}")
    return session, hidden_csrf(page)


def sessions(db_url, base, users, out):
    hashed = sql(db_url, f"SELECT password_hash FROM people WHERE email = {quote(ADMIN)}")[0][0]
    owners = [r[0] for r in sql(db_url, (
        "SELECT owner_id FROM portfolio_items WHERE deleted_at IS NULL "
        f"GROUP BY owner_id ORDER BY owner_id LIMIT {int(users)}"))]
    ids = ", ".join(quote(o) for o in owners)
    sql(db_url, f"UPDATE people SET password_hash = {quote(hashed)} WHERE id IN ({ids})")
    emails = [r[0] for r in sql(db_url, f"SELECT email FROM people WHERE id IN ({ids}) AND active = 1")]
    # Colleagues whose portfolio shares something with the whole organisation, none of them a
    # signed-in user (their own id would redirect to /portfolio).
    colleagues = [r[0] for r in sql(db_url, (
        "SELECT owner_id FROM portfolio_items WHERE deleted_at IS NULL AND visibility = 'organisation' "
        f"GROUP BY owner_id ORDER BY owner_id DESC LIMIT {500 + int(users)}")) if r[0] not in owners][:500]
    reporter = sql(db_url, f"SELECT id FROM people WHERE email = {quote(REPORTER)}")[0][0]
    round_id = sql(db_url, (
        f"SELECT id FROM feedback_rounds WHERE subject_id = {quote(reporter)} AND status = 'closed'"))[0][0]
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        logins = emails + [ADMIN, ADMIN, HR, HR] + [REPORTER] * 4
        sessions_made = list(pool.map(lambda n: sign_in(base, logins[n], n), range(len(logins))))
        signed = sessions_made[:len(emails)]
        admins = sessions_made[len(emails):len(emails) + 4]
        reporters = sessions_made[len(emails) + 4:]
    with open(out, "w") as f:
        for session, csrf in signed:
            f.write(f"user\t{session}\t{csrf}\n")
        for session, _ in admins:
            f.write(f"admin\t{session}\n")
        for session, _ in reporters:
            f.write(f"report\t{session}\t/feedback/rondes/{round_id}\n")
        for colleague in colleagues:
            f.write(f"colleague\t{colleague}\n")
    print(f"signed in {len(signed)} users, {len(admins)} admin and {len(reporters)} report sessions "
          f"in {time.time() - started:.1f} s; {len(colleagues)} colleagues to visit")


def count(db_url):
    print(sql(db_url, "SELECT COUNT(*) FROM portfolio_items WHERE deleted_at IS NULL")[0][0])


def shared(base_a, base_b):
    session, _ = sign_in(base_a, ADMIN)
    status, location, _, page = request(base_b, "GET", "/portfolio", {"kleur_session": session})
    # Signed in: the portfolio page itself (not the sign-in page) with the sign-out button.
    if status != 200 or 'action="/uitloggen"' not in page or "/portfolio/nieuw" not in page:
        raise SystemExit(f"a session made on {base_a} is not valid on {base_b}: {status} {location}")
    print("shared sessions: signed in on node A, served by node B")


def ready(base, timeout):
    started = time.time()
    while time.time() - started < float(timeout):
        try:
            status, _, _, _ = request(base, "GET", "/readyz")
            if status == 200:
                print(f"{time.time() - started:.3f}")
                return
        except OSError:
            pass
        time.sleep(0.005)
    raise SystemExit(f"{base} not ready after {timeout} s")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"sessions": sessions, "count": count, "shared": shared, "ready": ready}[command](*args)
