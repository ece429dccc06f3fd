// Layering by runtime, as in VS Code: shared/ is the platform-free common layer; electron/ (Node, Electron)
// and renderer/ (DOM, React) may use it, never the reverse; renderer/ never reaches into electron/.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'util', 'events', 'buffer', 'process'];
const nodeImports = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((name) => `${name}/*`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test/fixtures/**', 'test/.output/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is the common layer: it may not import electron/ or renderer/.' },
            { group: ['electron', 'react', 'react-dom', 'react/*', 'react-dom/*', 'mammoth'], message: 'shared/ may not depend on Electron, React or other platform libraries.' },
            { group: nodeImports, message: 'shared/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname', 'navigator', 'localStorage'],
    },
  },
  {
    // The page code; renderer/vite.config.ts is build tooling that runs in Node.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**'], message: 'renderer/ talks to the main side only through the API client, never by importing electron/.' },
            { group: ['electron', ...nodeImports], message: 'renderer/ runs sandboxed: no Electron or Node modules.' },
          ],
        },
      ],
    },
  },
);
