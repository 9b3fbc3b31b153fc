#!/usr/bin/env node
// Node 22+ can keep compiled code between runs; on Node 20 this is a no-op.
import module from 'node:module';
module.enableCompileCache?.();
await import('../dist/bundle/main.js');
