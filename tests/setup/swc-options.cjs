/**
 * How test code is compiled: like `tsc -p tsconfig.json` (ES2022, legacy decorators with
 * emitted metadata, define semantics for class fields), but by swc, which is ~50x faster.
 * Shared by jest.config.js and by load-ts.cjs (TypeScript outside jest's sandbox).
 */
module.exports = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: true,
    },
    // type-graphql and MikroORM take names from classes.
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
