// Subcommands (rules, explain, rewrite, init, ...). Each module exports a Registrar; add it here.
import type { Registrar } from '../program.js';

export const registrars: Registrar[] = [];
