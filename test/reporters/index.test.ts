import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/shared/errors.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/reporters/index.js';
import { allResults, context } from './fixtures.js';

describe('loadFormatter', () => {
  it('knows the seven formats, stylish first (the default)', () => {
    expect(FORMATTER_NAMES).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'compact']);
  });

  it.each(FORMATTER_NAMES)('loads %s as a formatter that returns text', async (name) => {
    const format = await loadFormatter(name);
    expect(typeof format).toBe('function');
    expect(typeof format(allResults(), context())).toBe('string');
  });

  it.each(['xml', 'Stylish', '', 'constructor', '__proto__', 'toString'])('rejects %j with the list of valid names', async (name) => {
    const err = await loadFormatter(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(`"${name}"`);
    expect((err as Error).message).toContain('stylish, json, sarif, github, junit, checkstyle, compact');
  });
});
