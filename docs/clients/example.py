"""Contract operation 7 (Ranking, 2025 Q4) from Python's standard library: a persisted document over GET, with a
bearer token when TOKEN is set. Prints the answer's data as JSON; exits 1 with the error codes otherwise.

Usage: TOKEN=... python3 docs/clients/example.py [http://localhost:5000/graphql]
"""
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

# The SHA-256 of the registered document's exact text: its file name in src/SpmGraph.Server/persisted-documents.
RANKING = "sha256:d6c16fdbbcec38fe0e1bbf1c46cf4490eca1054bccd83b8f874a0280fcde871d"


def run(endpoint, document_id, variables, token=None):
    query = urllib.parse.urlencode({"documentId": document_id, "variables": json.dumps(variables)})
    request = urllib.request.Request(f"{endpoint}?{query}", headers={"Accept": "application/graphql-response+json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
    except urllib.error.HTTPError as error:
        # Refusals (400, 401, 429, ...) carry GraphQL errors with codes too.
        body = json.load(error)
    if body.get("errors"):
        codes = "; ".join(f"{e.get('extensions', {}).get('code')}: {e['message']}" for e in body["errors"])
        raise SystemExit(codes)
    return body["data"]


if __name__ == "__main__":
    endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5000/graphql"
    data = run(endpoint, RANKING, {"year": 2025, "quarter": 4}, os.environ.get("TOKEN"))
    print(json.dumps(data, ensure_ascii=False))
