// PostGraphile 4 over the benchmark's PostgreSQL database, loopback only:
// node server.js CONNECTION_STRING PORT
const http = require("http");
const { postgraphile } = require("postgraphile");

const [connection, port] = process.argv.slice(2);
const middleware = postgraphile(connection, "public", {
  appendPlugins: [
    require("@graphile-contrib/pg-simplify-inflector"),
    require("postgraphile-plugin-connection-filter"),
    require("@graphile/pg-aggregates").default,
  ],
  // Filters through foreign keys (region: { parent: { code: ... } }), as the contract's where does.
  graphileBuildOptions: { connectionFilterRelations: true },
  disableDefaultMutations: true,
  disableQueryLog: true,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
  enableQueryBatching: false,
  graphiql: false,
  watchPg: false,
  retryOnInitFail: false,
});

http.createServer(middleware).listen(Number(port), "127.0.0.1", () => {
  console.log(`PostGraphile listening on http://127.0.0.1:${port}/graphql`);
});
