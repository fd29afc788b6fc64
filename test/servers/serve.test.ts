// `pitchlint serve` end to end: the server started as a user starts it, its JSON API called over
// HTTP (token, Host, sizes, errors), and the review page driven in headless Chromium: paste a
// draft, see the highlights, accept a rewrite, read the honest version, fill a fact.
// Browser tests skip with one line when no Chromium is installed (.ci/run installs it).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, TEAM_CONFIG, TEAM_RULE, until, workspace } from './helpers.js';

const DRAFT = [
  'Hi Priya,',
  '',
  'Thank you for walking us through the Dayton site. We will have the racks installed by Friday, March 14.',
  '',
  'We guarantee fast delivery. We deliver overnight. Our onboarding is turnkey.',
  '',
  'Best regards,',
  'Dana',
  '',
].join('\n');

const BROWSERS = [
  process.env.PITCHLINT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean) as string[];
// PITCHLINT_CHROMIUM=none runs the suite as on a machine without a browser.
const browserPath = process.env.PITCHLINT_CHROMIUM === 'none' ? undefined : BROWSERS.find((p) => existsSync(p));
const ARTIFACTS = join(ROOT, 'test-artifacts');
if (!browserPath)
  console.warn(
    'pitchlint serve: browser tests skipped: no Chromium found (apt-get install chromium, or set PITCHLINT_CHROMIUM to its path)',
  );

/** Whether something listens on this TCP port (from /proc/net/tcp: state 0A is LISTEN). */
function listening(port: number): boolean {
  const rows = ['/proc/net/tcp', '/proc/net/tcp6']
    .filter(existsSync)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(1));
  return rows.some((r) => {
    const c = r.trim().split(/\s+/);
    return c[3] === '0A' && parseInt(c[1]!.split(':')[1]!, 16) === port;
  });
}

interface Reply {
  status: number;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}

describe('pitchlint serve', () => {
  const ws = workspace({
    '.pitchlintrc.yaml': TEAM_CONFIG,
    'team-rules/team-turnkey.yaml': TEAM_RULE,
    'facts.yaml': 'facts:\n  delivery:\n    source_note: ops\n',
  });
  let child: ChildProcessWithoutNullStreams;
  let url: URL;
  let token = '';
  let port = 0;

  const call = (
    method: string,
    path: string,
    body?: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: { 'content-type': 'application/json', 'x-pitchlint-token': token, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json = {};
            try {
              json = JSON.parse(text);
            } catch {
              json = { raw: text };
            }
            resolve({ status: res.statusCode ?? 0, json: json as Reply['json'] });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    // In a process group of its own: the launcher runs the server in a child process, and the
    // whole group is stopped at the end (as Ctrl-C in a terminal does).
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: ws.dir,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const line = await until(
      'the address line',
      () => /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out)?.[0],
      20_000,
    );
    url = new URL(line);
    token = url.searchParams.get('token')!;
    port = Number(url.port);
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGINT');
      await exited;
    }
    ws.cleanup();
  });

  describe('the HTTP API', () => {
    it('prints a loopback address with a long random token', () => {
      expect(url.hostname).toBe('127.0.0.1');
      expect(token.length).toBeGreaterThanOrEqual(32);
    });

    it('listens on loopback only', () => {
      // /proc/net/tcp lists listening sockets (state 0A) as hex address:port; ours must be 127.0.0.1.
      const rows = ['/proc/net/tcp', '/proc/net/tcp6']
        .filter(existsSync)
        .flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(1));
      const ours = rows
        .map((r) => r.trim().split(/\s+/))
        .filter((c) => c[3] === '0A' && parseInt(c[1]!.split(':')[1]!, 16) === port);
      expect(ours.length).toBe(1);
      expect(ours[0]![1]!.split(':')[0]).toBe('0100007F');
    });

    it('answers 403 without the token, with a wrong one, or for another Host', async () => {
      for (const [headers, code] of [
        [{ 'x-pitchlint-token': '' }, 'token'],
        [{ 'x-pitchlint-token': `${token.slice(0, -1)}x` }, 'token'],
        [{ host: `evil.example:${port}` }, 'host'],
      ] as const) {
        const r = await call('POST', '/api/lint', JSON.stringify({ text: 'We always deliver.' }), headers);
        expect(r.status).toBe(403);
        expect(r.json.error!.code).toBe(code);
      }
      const page = await call('GET', '/', undefined, { 'x-pitchlint-token': '' });
      expect(page.status).toBe(403);
    });

    it('lints a draft: POST /api/lint', async () => {
      const r = await call('POST', '/api/lint', JSON.stringify({ text: DRAFT, filename: 'reply.md' }));
      expect(r.status).toBe(200);
      const findings = r.json.findings as Array<{ ruleId: string; line: number; column: number; flagged: string }>;
      expect(findings.map((f) => f.ruleId)).toEqual(
        expect.arrayContaining(['commitment-deadline', 'guarantee-unbacked', 'team-turnkey']),
      );
      expect(findings.find((f) => f.ruleId === 'team-turnkey')).toMatchObject({
        line: 5,
        column: 69,
        flagged: 'turnkey',
      });
      expect(r.json.rules).toHaveProperty('team-turnkey.rationale');
    });

    it('rewrites a draft: POST /api/rewrite, with facts for this draft only', async () => {
      const r = await call(
        'POST',
        '/api/rewrite',
        JSON.stringify({ text: DRAFT, filename: 'reply.md', facts: { 'delivery.typical': '2 business days' } }),
      );
      expect(r.status).toBe(200);
      expect(r.json.writable).toBe(true);
      expect(r.json.original).toBe(DRAFT);
      expect(r.json.text).toContain('We expect to have the racks installed by Friday, March 14.');
      expect(r.json.text).toContain('2 business days');
      expect(readFileSync(join(ws.dir, 'facts.yaml'), 'utf8')).not.toContain('2 business days');
    });

    it('reads a .docx sent as base64', async () => {
      const docx = readFileSync(join(ROOT, 'fixtures/proposal.docx')).toString('base64');
      const r = await call('POST', '/api/rewrite', JSON.stringify({ base64: docx, filename: 'proposal.docx' }));
      expect(r.status).toBe(200);
      expect(r.json.format).toBe('docx');
      expect(r.json.writable).toBe(false);
      expect((r.json.edits as unknown[]).length).toBeGreaterThan(0);
    });

    it('gives clear 4xx errors for bad input', async () => {
      const cases: Array<[string, string, string | undefined, Record<string, string>, number, string]> = [
        ['POST', '/api/lint', '{"text": ', {}, 400, 'json'],
        ['POST', '/api/lint', '[1,2]', {}, 400, 'json'],
        ['POST', '/api/lint', '{"words": "hi"}', {}, 400, 'text'],
        ['POST', '/api/lint', '{"text": "hi", "filename": "../etc/passwd"}', {}, 400, 'filename'],
        ['POST', '/api/lint', '{"text": "hi", "filename": "deck.pptx"}', {}, 400, 'filename'],
        ['POST', '/api/lint', '{"text": "hi"}', { 'content-type': 'text/plain' }, 415, 'content-type'],
        ['POST', '/api/rewrite', '{"text": "hi", "facts": {"bad key!": "x"}}', {}, 400, 'facts'],
        ['GET', '/api/lint', undefined, {}, 405, 'method'],
        ['POST', '/api/nothing', '{}', {}, 404, 'not-found'],
      ];
      for (const [method, path, body, headers, status, code] of cases) {
        const r = await call(method, path, body, headers);
        expect([path, body, r.status, r.json.error?.code]).toEqual([path, body, status, code]);
        expect(r.json.error!.message).toMatch(/^[^\n]{10,200}$/);
      }
    });

    it('refuses bodies over the size limit with 413', async () => {
      const big = JSON.stringify({ text: 'We always deliver. '.repeat(500_000) });
      const r = await call('POST', '/api/lint', big);
      expect(r.status).toBe(413);
      expect(r.json.error!.code).toBe('too-large');
      // And stays up.
      expect((await call('POST', '/api/lint', JSON.stringify({ text: 'Fine.' }))).status).toBe(200);
    });
  });

  const reason = browserPath ? '' : ' (skipped: no Chromium found)';
  describe.skipIf(!browserPath)(`the review page in headless Chromium${reason}`, () => {
    // puppeteer-core drives the system's Chromium; it downloads nothing.
    let browser: import('puppeteer-core').Browser;
    let page: import('puppeteer-core').Page;

    beforeAll(async () => {
      const puppeteer = (await import('puppeteer-core')).default;
      browser = await puppeteer.launch({
        executablePath: browserPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 1000 });
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('pastes a draft, highlights the flagged phrases, accepts a rewrite and reads the honest version', async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(url.href, { waitUntil: 'load' });
      await page.type('#draft', DRAFT.slice(0, 40));
      await page.$eval('#draft', (el, text) => ((el as HTMLTextAreaElement).value = text as string), DRAFT);
      await page.click('#check');
      await page.waitForSelector('#highlighted mark');
      const marks = await page.$$eval('#highlighted mark', (ms) =>
        ms.map((m) => ({ text: m.textContent, cls: m.className })),
      );
      expect(marks.map((m) => m.text)).toEqual(
        expect.arrayContaining(['will have the racks installed by Friday', 'guarantee', 'turnkey']),
      );
      expect(marks.find((m) => m.text === 'guarantee')!.cls).toContain('error');
      // The highlighted text is the draft itself, character for character.
      expect(await page.$eval('#highlighted', (e) => e.textContent)).toBe(DRAFT);
      await page.screenshot({ path: join(ARTIFACTS, 'serve-linted-draft.png'), fullPage: true });

      // Accept the rewrite of the deadline sentence; skip the guarantee.
      const cards = await page.$$('#findings li');
      let accepted = false;
      for (const card of cards) {
        const text = await card.evaluate((e) => e.textContent ?? '');
        if (!accepted && text.includes('commitment-deadline')) {
          await (await card.$('button[data-action="accept"]'))!.click();
          accepted = true;
        }
      }
      expect(accepted).toBe(true);
      await page.waitForFunction(() =>
        document.querySelector('#result')!.textContent!.includes('We expect to have the racks installed by Friday'),
      );
      const honest = await page.$eval('#result', (e) => e.textContent);
      expect(honest).toContain('We expect to have the racks installed by Friday, March 14.');
      expect(honest).toContain('We guarantee fast delivery. We deliver overnight.'); // not accepted: as written
      expect(await page.$$eval('#highlighted mark.accepted', (ms) => ms.map((m) => m.textContent))).toEqual([
        'will have the racks installed by Friday',
      ]);

      // Accept all, then fill the missing fact for this draft.
      await page.click('#accept-all');
      expect(await page.$eval('#result', (e) => e.textContent)).toContain('[typical delivery time]');
      await page.waitForSelector('#facts-panel:not([hidden]) input[name="delivery.typical"]');
      await page.type('input[name="delivery.typical"]', '2 business days');
      await page.click('#facts-apply');
      // The draft is checked again with the fact: the rewrite on its card quotes it.
      await page.waitForFunction(() => document.querySelector('#findings')!.textContent!.includes('2 business days'));
      await page.click('#accept-all');
      await page.waitForFunction(() => document.querySelector('#result')!.textContent!.includes('2 business days'));
      await page.screenshot({ path: join(ARTIFACTS, 'serve-honest-version.png'), fullPage: true });
      expect(errors).toEqual([]);
    }, 60_000);

    it('saves filled facts to the facts file only when asked', async () => {
      expect(readFileSync(join(ws.dir, 'facts.yaml'), 'utf8')).not.toContain('2 business days');
      await page.click('#facts-save');
      await page.waitForFunction(() =>
        /^Saved 1 fact/.test(document.querySelector('#facts-status')!.textContent ?? ''),
      );
      const saved = readFileSync(join(ws.dir, 'facts.yaml'), 'utf8');
      expect(saved).toContain('typical: 2 business days');
      expect(saved).toContain('source_note: ops'); // what was there stays
    }, 30_000);

    it('refuses the page without the token', async () => {
      const res = await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
      expect(res!.status()).toBe(403);
    });
  });

  it('stops when the launcher in front of it is killed (no orphan server)', async () => {
    const other = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: ws.dir,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    other.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const otherPort = Number(
      await until('the second address', () => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1], 20_000),
    );
    expect(listening(otherPort)).toBe(true);
    other.kill('SIGKILL'); // the launcher only, not its group
    await until('the orphaned server to stop', () => (listening(otherPort) ? undefined : true), 10_000);
  });

  it('stops on Ctrl-C (SIGINT to its process group) and frees the port', async () => {
    const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(signal ?? String(code))));
    process.kill(-child.pid!, 'SIGINT');
    // The server exits 0; the launcher in front of it passes the interrupt on, as a CLI does.
    expect(['0', 'SIGINT']).toContain(await exited);
    await until('the port to close', () => (listening(port) ? undefined : true));
  });
});
