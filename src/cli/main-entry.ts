// Runs the CLI from the TypeScript sources (tsx); bin/kapal.js runs the compiled build.
import { main } from './main.js';

await main(process.argv.slice(2));
