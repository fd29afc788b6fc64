#!/usr/bin/env node
// The pitchlint command. The compiled bundle lives in dist/ (built by `npm install`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
