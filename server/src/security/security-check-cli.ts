/**
 * `pnpm security:check URL`: runs the abuse checks against a running server (best a
 * production-mode one, NODE_ENV=production, as it faces the internet) and prints what each
 * attempt got and how long it took. Exits 1 if any answer was not the safe one.
 */
import { formatResults, runSecurityCheck } from './security-check.js';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('Ange serverns adress, till exempel: pnpm security:check http://127.0.0.1:4000');
  process.exit(2);
}
const results = await runSecurityCheck(url);
console.log(formatResults(results));
const failed = results.filter((r) => !r.ok || r.slow).length;
console.log(
  failed
    ? `\n${failed} av ${results.length} försök fick inte det säkra svaret, eller fick det för långsamt.`
    : `\nAlla ${results.length} försök fick det säkra svaret.`,
);
console.log('Inloggningsförsök från den här adressen fördröjs nu en stund.');
process.exitCode = failed ? 1 : 0;
