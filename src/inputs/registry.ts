// Which adapter reads which file. Adapters load lazily so a run over .txt files never pays for
// the Markdown, MIME, HTML, docx or PDF parsers.
import { extname } from 'node:path';
import type { InputAdapter } from '../shared/types.js';

type Loader = () => Promise<InputAdapter>;

const LOADERS: Record<string, Loader> = {
  text: async () => (await import('./formats/text.js')).textAdapter,
  markdown: async () => (await import('./formats/markdown.js')).markdownAdapter,
  email: async () => (await import('./formats/email.js')).emailAdapter,
  mbox: async () => (await import('./formats/mbox.js')).mboxAdapter,
  html: async () => (await import('./formats/html.js')).htmlAdapter,
  docx: async () => (await import('./formats/docx.js')).docxAdapter,
  pdf: async () => (await import('./formats/pdf.js')).pdfAdapter,
  csv: async () => (await import('./formats/csv.js')).csvAdapter,
};

/** Extension (lower case, with dot) -> adapter name. */
const BY_EXTENSION: Record<string, string> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.eml': 'email',
  '.mbox': 'mbox',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.csv': 'csv',
};

/** Extensions linted when a directory is given and no --ext is set. */
export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.markdown', '.eml', '.mbox', '.html', '.htm', '.docx', '.pdf', '.csv'];

export function adapterNameFor(filePath: string): string {
  return BY_EXTENSION[extname(filePath).toLowerCase()] ?? 'text';
}

const cache = new Map<string, Promise<InputAdapter>>();

export function loadAdapter(name: string): Promise<InputAdapter> {
  let p = cache.get(name);
  if (!p) {
    const loader = LOADERS[name];
    if (!loader) throw new Error(`no input adapter named ${name}`);
    p = loader();
    cache.set(name, p);
  }
  return p;
}

export function adapterForFile(filePath: string): Promise<InputAdapter> {
  return loadAdapter(adapterNameFor(filePath));
}
