/** Import rules of docs/ARCHITECTURE.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'shared-is-isomorphic',
      comment: 'shared/ is used by server and browser: it imports neither, nor Node built-ins.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^(shared/|node_modules/(zod|diff|yjs|lib0|y-protocols)/)' },
    },
    {
      name: 'client-never-imports-server',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'client-runs-in-the-browser',
      comment: 'client/src is bundled for browsers: no Node built-ins (client/scripts are build tools and may).',
      severity: 'error',
      from: { path: '^client/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'modules-use-each-others-use-cases',
      comment: 'A module calls another module through its index.ts (use cases), never its repository or internals.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/([^/]+)/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'infrastructure-does-not-know-modules',
      comment: 'storage/, bus/ and config/ are below the modules; only the composition root and transports see modules.',
      severity: 'error',
      from: { path: '^server/(storage|bus|config)/' },
      to: { path: '^server/(modules|http|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^node_modules|\\.test\\.ts$|^client/dist/)' },
  },
};
