#!/usr/bin/env bash
# The README's run command, tried as a new user would: start `./mvnw quarkus:dev` from this checkout, wait until it
# answers, run the README's documented curl flows against it, and stop it (and the embedded PostgreSQL it started).
# Fails when dev mode does not start, a flow does not answer as documented, or it does not stop.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${DEV_PORT:-8080}"
base="http://localhost:${port}"
log=target/dev-smoke.log
mkdir -p target

# A session of its own, so the Maven JVM, the dev-mode JVM and PostgreSQL are stopped together.
setsid ./mvnw -B quarkus:dev -Dquarkus.http.port="${port}" -Dquarkus.console.enabled=false -Ddebug=false \
  >"${log}" 2>&1 &
pid=$!

stop() {
  if kill -0 "${pid}" 2>/dev/null; then
    kill -TERM -- "-${pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-${pid}" 2>/dev/null || true
  fi
}
trap stop EXIT

started=$(date +%s)
until curl -sf -o /dev/null "${base}/dev/token/alice"; do
  if ! kill -0 "${pid}" 2>/dev/null; then
    echo "dev mode exited before answering; last lines of ${log}:" >&2
    tail -n 60 "${log}" >&2
    exit 1
  fi
  if (( $(date +%s) - started > 600 )); then
    echo "dev mode did not answer within 600 s; last lines of ${log}:" >&2
    tail -n 60 "${log}" >&2
    exit 1
  fi
  sleep 2
done
echo "dev mode answered after $(( $(date +%s) - started ))s"

fail() {
  echo "README flow failed: $*" >&2
  tail -n 40 "${log}" >&2
  exit 1
}

# The README's flows, as written there.
TOKEN=$(curl -s "${base}/dev/token/hugo" | jq -r .access_token)
[ -n "${TOKEN}" ] && [ "${TOKEN}" != "null" ] || fail "no token for hugo"
me=$(curl -s -H "Authorization: Bearer $TOKEN" "${base}/api/v1/me")
echo "${me}" | jq -e '.hrId == "E2001"' >/dev/null || fail "/api/v1/me as hugo: ${me}"
staff=$(curl -s -H "Authorization: Bearer $TOKEN" "${base}/api/v1/staff?school=100001&limit=10")
echo "${staff}" | jq -e '(.items | length) > 0' >/dev/null || fail "staff of 100001 as hugo: ${staff}"
other=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${base}/api/v1/schools/100002/compliance")
[ "${other}" = "404" ] || fail "hugo read another school's compliance: ${other}"
curl -sf -o /dev/null "${base}/q/openapi" || fail "the contract is not served at /q/openapi"
SCIM_TOKEN=$(curl -s "${base}/dev/token/scim" | jq -r .access_token)
scim=$(curl -s -H "Authorization: Bearer $SCIM_TOKEN" -H 'Accept: application/scim+json' \
  "${base}/scim/v2/Users?filter=userName%20eq%20%22nobody@nowhere.example%22")
echo "${scim}" | jq -e '.totalResults == 0 and .schemas[0] == "urn:ietf:params:scim:api:messages:2.0:ListResponse"' \
  >/dev/null || fail "SCIM user search as the scim dev user: ${scim}"
echo "dev mode: the README's flows answer as documented"

# The public page (issue 28) as a person uses it, in a real headless Chromium with axe-core (web/browser-check.mjs):
# Debian's chromium, playwright-core and axe-core from the npm registry. Screenshots: target/browser/.
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && command -v npm >/dev/null 2>&1; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  node web/browser-check.mjs "${base}" target/browser || fail "the public page's browser check"
elif [ "${CI:-}" = "true" ]; then
  fail "CI=true, but Chromium (${CHROMIUM:-/usr/bin/chromium}) or npm is missing: the public page's browser check cannot be skipped"
else
  echo "Chromium or npm missing: skipping the public page's browser check (CI=true makes this an error)"
fi

stop
trap - EXIT
if kill -0 "${pid}" 2>/dev/null; then
  echo "dev mode did not stop" >&2
  exit 1
fi
echo "dev mode stopped"
