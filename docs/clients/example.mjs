// Contract operation 7 (Ranking, 2025 Q4) from JavaScript with @urql/core and its persisted-queries exchange:
// the request carries the document's hash only (GET, Apollo's extensions.persistedQuery), with a bearer token
// when TOKEN is set. Prints the answer's data as JSON; exits 1 with the error otherwise.
// Usage: (cd docs/clients && npm ci) && TOKEN=... node docs/clients/example.mjs [http://localhost:5000/graphql]
import { readFile } from 'node:fs/promises';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const endpoint = process.argv[2] ?? 'http://localhost:5000/graphql';
const token = process.env.TOKEN;

// The SHA-256 of the registered document's exact text, and that text (urql reads the operation from it).
const ranking = 'd6c16fdbbcec38fe0e1bbf1c46cf4490eca1054bccd83b8f874a0280fcde871d';
const document = await readFile(new URL(`../../src/SpmGraph.Server/persisted-documents/${ranking}.graphql`, import.meta.url), 'utf8');

const client = new Client({
  url: endpoint,
  exchanges: [
    // Never falls back to sending the text: the server runs registered documents only.
    persistedExchange({ enforcePersistedQueries: true, preferGetForPersistedQueries: true, generateHash: async () => ranking }),
    fetchExchange,
  ],
  fetchOptions: () => ({
    headers: { accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }),
});

const result = await client.query(document, { year: 2025, quarter: 4 }).toPromise();
if (result.error) {
  console.error(result.error.message);
  process.exit(1);
}

console.log(JSON.stringify(result.data));
