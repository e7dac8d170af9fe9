#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so a clone works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
