// Build the shipped CLI: one esbuild bundle (code-split so heavy parts load only when used) and
// type declarations for the API. Run by `npm run build` and by `npm install` (prepare).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', api: 'src/api.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // pdf.js is large and only needed for .pdf files; it stays a runtime import.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __pitchlintCreateRequire } from 'node:module'; const require = __pitchlintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
}
console.log('pitchlint: built dist/');
