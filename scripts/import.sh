#!/usr/bin/env bash
# Imports a file of former students into Alumni through the API, and prints the report.
#   ALUMNI_URL=https://alumni.example.org ALUMNI_KEY=alk_... scripts/import.sh students.csv [--dry-run]
# The key needs the scope members:import. CSV (comma or semicolon, UTF-8) or NDJSON (*.ndjson / *.jsonl).
# A retry of the same file (same name, size and modification time) reuses the first job (Idempotency-Key).
set -euo pipefail
file=${1:?usage: scripts/import.sh FILE [--dry-run]}
dry=${2:-}
url=${ALUMNI_URL:-http://127.0.0.1:5080}
key=${ALUMNI_KEY:?set ALUMNI_KEY to an API key with the scope members:import}
case "$file" in
  *.ndjson|*.jsonl) type=application/x-ndjson ;;
  *) type=text/csv ;;
esac
query=""
[ "$dry" = "--dry-run" ] && query="?dryRun=true"
idempotency=$(printf '%s' "$(basename "$file"):$(stat -c '%s:%Y' "$file")$query" | sha256sum | cut -c1-40)

response=$(curl -sS --fail-with-body -X POST "$url/api/members/imports$query" \
  -H "Authorization: Bearer $key" -H "Content-Type: $type" -H "Idempotency-Key: $idempotency" \
  --data-binary "@$file")
id=$(printf '%s' "$response" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "The import was refused: $response" >&2; exit 1; }
echo "Import $id queued; following it..."

while true; do
  job=$(curl -sS --fail-with-body -H "Authorization: Bearer $key" "$url/api/members/imports/$id")
  status=$(printf '%s' "$job" | sed -n 's/.*"status":"\([^"]*\)".*/\1/p')
  read_rows=$(printf '%s' "$job" | sed -n 's/.*"rowsRead":\([0-9]*\).*/\1/p')
  printf '\r%s: %s rows read' "$status" "$read_rows"
  case "$status" in succeeded|failed) echo; break ;; esac
  sleep 2
done

echo "$job"
rejected=$(printf '%s' "$job" | sed -n 's/.*"rejected":\([0-9]*\).*/\1/p')
if [ "${rejected:-0}" != "0" ]; then
  out="${file%.*}.rejected.csv"
  curl -sS --fail-with-body -H "Authorization: Bearer $key" "$url/api/members/imports/$id/rejected" -o "$out"
  echo "$rejected rows were rejected; row numbers and reasons are in $out"
fi
[ "$status" = "succeeded" ]
