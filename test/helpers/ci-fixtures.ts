// Paths of the teams/CI test fixtures: a small rule pack with stable ids (ci-guarantee,
// ci-always, ci-speed, ci-best, ci-forever, ci-urgency), independent of the shipped packs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ci');
export const CI_PACK = join(FIXTURES, 'ci-pack');
export const CI_CONFIG = join(FIXTURES, 'ci.pitchlintrc.yaml');
/** A .pitchlintrc.yaml body that uses the CI pack, plus extra YAML. */
export const ciConfig = (extra = ''): string => `extends: ${JSON.stringify(CI_PACK)}\n${extra}`;
