// ESLint (flat config) with typescript-eslint, plus the layer rule of docs/architecture.md: a
// folder of src/ may import only from folders below it, and nothing outside cli/ imports cli/.
import { dirname, relative, resolve } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** src/ folders (and api.ts), top to bottom. */
export const LAYERS = [
  'cli',
  'servers',
  'api',
  'authoring',
  'runner',
  'reporters',
  'fix',
  'rewrites',
  'suppressions',
  'engine',
  'inputs',
  'config',
  'rules',
  'text',
  'shared',
];

const SRC = resolve(import.meta.dirname, 'src');

/** The layer of a file under src/ (a top-level file is its own layer: api.ts -> "api"). */
function layerOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return undefined;
  const [first, ...rest] = rel.split(/[\\/]/);
  return rest.length === 0 ? first.replace(/\.(d\.)?[cm]?[jt]s$/, '') : first;
}

const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports in src/ point down the layer order (docs/architecture.md)' },
    schema: [],
    messages: {
      up: '{{from}}/ may not import {{to}}/: {{to}} is above {{from}} in the layer order (docs/architecture.md)',
      unknown: '{{layer}} is not in the layer order of eslint.config.mjs; add it there and to docs/architecture.md',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (!to || to === from) return;
      for (const layer of [from, to]) {
        if (!LAYERS.includes(layer)) return context.report({ node, messageId: 'unknown', data: { layer } });
      }
      if (LAYERS.indexOf(to) < LAYERS.indexOf(from)) context.report({ node, messageId: 'up', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const arg = node.argument;
        const lit = arg?.type === 'TSLiteralType' ? arg.literal : arg;
        if (lit?.type === 'Literal') check(lit, lit.value);
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/corpus/**',
      'test/docs/**',
      'test/package/**',
      'bin/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The review page's script runs in the browser (pitchlint serve), not in Node.
  {
    files: ['src/servers/serve/page/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        getSelection: 'readonly',
        Blob: 'readonly',
        btoa: 'readonly',
        atob: 'readonly',
        URL: 'readonly',
        FileReader: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        DataTransfer: 'readonly',
        Event: 'readonly',
        HTMLElement: 'readonly',
        requestAnimationFrame: 'readonly',
        alert: 'readonly',
        encodeURIComponent: 'readonly',
      },
    },
  },
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
      },
    },
    plugins: { pitchlint: { rules: { layers: layerRule } } },
    rules: {
      'pitchlint/layers': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Comments may show the invisible characters the code handles.
      'no-irregular-whitespace': [
        'error',
        { skipComments: true, skipStrings: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
);
