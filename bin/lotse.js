#!/usr/bin/env node
// Entry point of the `lotse` command: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bot/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
