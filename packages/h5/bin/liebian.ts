#!/usr/bin/env -S node --conditions=source --import tsx
import { runCli } from '../src/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
