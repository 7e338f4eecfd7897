#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run by `npm install` via `prepare`).
// CommonJS, as dist/ is: an ES module here would start Node's ES module loader, ~12 ms of start-up.
require('../dist/transparency.js');
