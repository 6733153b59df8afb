#!/usr/bin/env node
// Baton runs its TypeScript sources directly (Node >= 22.12 strips types); see docs/decisions/0001.
import '../src/cli/main.ts';
