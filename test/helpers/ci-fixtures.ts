// Paths of the teams/CI test fixtures: a small rule pack with stable ids (ci-guarantee,
// ci-always, ci-speed, ci-best, ci-forever, ci-urgency), independent of the shipped packs.
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ci');
export const CI_PACK = join(FIXTURES, 'ci-pack');
export const CI_CONFIG = join(FIXTURES, 'ci.pitchlintrc.yaml');

// The temporary trees' configs name this pack, which lives in the repository, outside them: the
// repository boundary (shared/boundary.ts) lets them only because the user (here, the tests)
// trusts its folder, as a team would trust a shared pack folder. The CLI children inherit it.
process.env.PITCHLINT_TRUSTED_PATHS = [process.env.PITCHLINT_TRUSTED_PATHS, FIXTURES].filter(Boolean).join(delimiter);
/** A .pitchlintrc.yaml body that uses the CI pack, plus extra YAML. */
export const ciConfig = (extra = ''): string => `extends: ${JSON.stringify(CI_PACK)}\n${extra}`;
