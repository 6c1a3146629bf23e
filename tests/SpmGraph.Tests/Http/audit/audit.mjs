// Runs the graphql-http server audit (GraphQL over HTTP spec conformance) against a live endpoint and
// prints one JSON document: {url, counts, results: [{id, name, status, reason?, response?}]}.
// Usage: node audit.mjs http://127.0.0.1:5000/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

// Audit responses are fetch Responses; keep what helps explain a failure.
async function describe(response) {
  if (!response) {
    return undefined;
  }

  let body;
  try {
    body = await response.text();
  } catch {
    body = '(body already read by the audit)';
  }

  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: body.length > 2000 ? body.slice(0, 2000) + '...' : body,
  };
}

const results = await auditServer({ url });
const report = [];
for (const result of results) {
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.response = await describe(result.response);
  }

  report.push(entry);
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const entry of report) {
  counts[entry.status] = (counts[entry.status] ?? 0) + 1;
}

console.log(JSON.stringify({ url, counts, results: report }, null, 2));
