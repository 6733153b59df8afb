#!/usr/bin/env node
// Baton runs its TypeScript sources directly (Node >= 22.12 strips types); see docs/decisions/0001.
import module from 'node:module';

// V8 keeps its compiled code for Baton's modules between runs: about a third of the time to load
// them. Imported afterwards (a static import would load them first).
module.enableCompileCache?.();
await import('../src/cli/main.ts');
