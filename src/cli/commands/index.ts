// Subcommands (rules, explain, rewrite, init, ...). Each module exports a Registrar; add it here.
import type { Registrar } from '../program.js';
import { registerExplain } from './explain.js';
import { registerRules } from './rules.js';
import { registerRewrite } from './rewrite.js';
import { registerInit } from './init.js';
import { registerLsp } from './lsp.js';
import { registerServe } from './serve.js';
import { registerMcp } from './mcp.js';
import { registerReview } from './review.js';

export const registrars: Registrar[] = [
  registerRules,
  registerExplain,
  registerRewrite,
  registerInit,
  registerLsp,
  registerServe,
  registerMcp,
  registerReview,
];
