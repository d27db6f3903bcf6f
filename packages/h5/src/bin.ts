#!/usr/bin/env node
// The `liebian` command as installed (compiled to dist/bin.js; plain node, no loader).
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
