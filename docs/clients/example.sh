#!/usr/bin/env bash
# Contract operation 7 (Ranking, 2025 Q4) with curl: a persisted document over GET, with a bearer token when
# TOKEN is set. Prints the answer as the server sends it.
# Usage: TOKEN=... bash docs/clients/example.sh [http://localhost:5000/graphql]
set -euo pipefail
endpoint=${1:-http://localhost:5000/graphql}

# The SHA-256 of the registered document's exact text: its file name in src/SpmGraph.Server/persisted-documents.
document_id=sha256:d6c16fdbbcec38fe0e1bbf1c46cf4490eca1054bccd83b8f874a0280fcde871d

auth=()
if [ -n "${TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $TOKEN")
fi

curl --silent --show-error --get "$endpoint" \
  --data-urlencode "documentId=$document_id" \
  --data-urlencode 'variables={"year":2025,"quarter":4}' \
  -H 'Accept: application/graphql-response+json' "${auth[@]}"
echo
