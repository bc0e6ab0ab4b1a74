#!/usr/bin/env node
// The one entry point: `kapal api|worker|all|migrate|seed|admin create`. Runs the compiled build (npm run build).
import('../dist/cli/main.js').then((cli) => cli.main(process.argv.slice(2)));
