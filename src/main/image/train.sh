#!/usr/bin/env bash
# Drives the main flows of a freshly started app for about 25 s, so the AOT cache recorded by the JVM covers what a
# replica does: schools, an HR sync (and its unchanged re-send), the authenticated reads, MIS checks, the register,
# the event feed, the compliance views, and refusals (401, 404, malformed JSON). Tokens are RS256, signed here with
# the training key whose public half the app was given (QUARKUS_OIDC_PUBLIC_KEY).
#
#   train.sh KEY.pem APP_URL MANAGEMENT_URL
set -euo pipefail
key="$1"; app="$2"; mgmt="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

for _ in $(seq 1 240); do
  if curl -sf -o /dev/null "$mgmt/q/health/ready"; then break; fi
  sleep 0.5
done
curl -sf -o /dev/null "$mgmt/q/health/ready" || { echo "the app did not become ready" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # claims as JSON, without iat/exp
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '%s' "${1%\}},\"iss\":\"training\",\"aud\":\"trust-api\",\"iat\":$now,\"exp\":$((now + 3600))}" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
admin=$(token '{"sub":"training-admin","groups":["trust-admin"],"azp":"training"}')
hr=$(token '{"sub":"training-hr","groups":["hr-sync"],"azp":"hr-sync"}')
reader=$(token '{"sub":"training-reader","groups":["register-reader"],"azp":"register"}')
urns=(); for i in $(seq 0 9); do urns+=("$((900100 + i))"); done
mis=$(token "{\"sub\":\"training-mis\",\"groups\":[\"mis\"],\"azp\":\"mis\",\"schools\":[\"${urns[0]}\"]}")
head=$(token "{\"sub\":\"training-head\",\"groups\":[\"staff\",\"head-of-school\"],\"azp\":\"portal\",\"employee_id\":\"T000000\",\"schools\":[\"${urns[0]}\"]}")
staff=$(token "{\"sub\":\"training-staff\",\"groups\":[\"staff\"],\"azp\":\"portal\",\"employee_id\":\"T000010\",\"schools\":[\"${urns[0]}\"]}")

call() { # token method path [body-file]
  local args=(-s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $1" -X "$2" -H 'Accept: application/json')
  if [ -n "${4:-}" ]; then args+=(-H 'Content-Type: application/json' --data-binary "@$4"); fi
  curl "${args[@]}" "$app$3"
}
for urn in "${urns[@]}"; do
  printf '{"name":"Training School %s","status":"OPEN"}' "$urn" > "$work/school.json"
  call "$admin" PUT "/api/v1/schools/$urn" "$work/school.json" >/dev/null
done
python3 - "$work/sync.json" "${urns[@]}" <<'PY'
import json, sys
out, urns = sys.argv[1], sys.argv[2:]
adults = []
for i in range(400):
    a = {"schoolUrn": urns[i % len(urns)], "jobTitle": "Head of School" if i < len(urns) else "Teacher",
         "startDate": "2024-09-01"}
    if i < len(urns):
        a["responsibilities"] = ["HEAD_OF_SCHOOL"]
    adults.append({"hrId": "T%06d" % i, "firstName": "First%d" % i, "lastName": "Last%d" % i,
                   "workEmail": "t%d@training.example" % i, "category": "TEACHER", "active": True, "assignments": [a]})
json.dump({"adults": adults}, open(out, "w"))
pairs = [{"staffHrId": "T%06d" % (i * 10), "pupilMisId": "P%d" % i} for i in range(100)]
json.dump({"pairs": pairs}, open(out.replace("sync", "pairs"), "w"))
json.dump({"pairs": pairs[:1]}, open(out.replace("sync", "pair"), "w"))
PY
for _ in 1 2 3; do call "$hr" POST "/api/v1/staff/sync?mode=partial" "$work/sync.json" >/dev/null; done
printf '{"adults": [' > "$work/bad.json"

reads_admin=("/api/v1/schools/${urns[0]}" "/api/v1/schools" "/api/v1/staff?limit=100" "/api/v1/compliance?policy=social-media"
  "/api/v1/family-declarations/summary" "/api/v1/policies" "/api/v1/events?limit=100" "/api/v1/audit?limit=50"
  "/api/v1/schools/999999" "/api/v1/policy-reviews")
end=$(( $(date +%s) + 25 ))
rounds=0
while [ "$(date +%s)" -lt "$end" ]; do
  for path in "${reads_admin[@]}"; do call "$admin" GET "$path" >/dev/null; done
  call "$head" GET "/api/v1/schools/${urns[0]}/compliance?policy=social-media" >/dev/null
  call "$head" GET "/api/v1/schools/${urns[0]}/staff" >/dev/null
  call "$staff" GET /api/v1/me >/dev/null
  call "$staff" GET /api/v1/me/declarations >/dev/null
  call "$mis" POST "/api/v1/schools/${urns[0]}/family-links/check" "$work/pair.json" >/dev/null
  call "$mis" POST "/api/v1/schools/${urns[0]}/family-links/check" "$work/pairs.json" >/dev/null
  call "$mis" GET "/api/v1/events?limit=100" >/dev/null
  call "$reader" GET "/api/v1/register/social-accounts?limit=1000" >/dev/null
  call "$reader" GET "/api/v1/events?limit=100" >/dev/null
  call "$hr" POST "/api/v1/staff/sync?mode=partial" "$work/bad.json" >/dev/null
  call "not-a-token" GET /api/v1/schools >/dev/null
  curl -s -o /dev/null -o /dev/null "$mgmt/q/health/ready" "$mgmt/q/metrics"
  rounds=$((rounds + 1))
done
call "$hr" POST "/api/v1/staff/sync?mode=partial" "$work/sync.json" >/dev/null
echo "training: $rounds rounds of the main flows"
