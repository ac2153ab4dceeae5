#!/usr/bin/env node
// Twinscreen command line: runs the TypeScript core in Node through tsx (no build step).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
