/**
 * What the account commands (`pnpm user:create`, `pnpm kommun:create`) share: the password
 * from PASSWORD or asked for, never taken as an argument (it would end up in the shell's
 * history), and a database opened without the demo data, where a refused input is printed
 * in Swedish with its field and exits 1.
 */
import { createInterface } from 'node:readline/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { withoutSecrets } from '../../log.js';
import { UserInputError } from './user.service.js';

export async function askPassword(): Promise<string> {
  if (process.env.PASSWORD) return process.env.PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Lösenord: ');
  } finally {
    rl.close();
  }
}

/** Exits 2 with the usage line unless every required option was given. */
export function requireOptions(values: Record<string, unknown>, required: string[], usage: string): void {
  if (required.some((name) => !values[name])) {
    console.error(`Användning: ${usage}`);
    process.exit(2);
  }
}

/** Runs `work` on the configured database and prints what it returns. */
export async function runOnDatabase(
  work: (em: EntityManager, config: Config) => Promise<string>,
): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(
    { ...config, SEED_DEMO_DATA: false },
    withoutSecrets(pino({ level: 'warn' })),
  );
  let refused = false;
  try {
    console.log(await work(db.orm.em.fork(), config));
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    console.error(`${error.field}: ${error.message}`);
    refused = true;
  } finally {
    await db.close();
  }
  // Not process.exitCode: the embedded PostgreSQL's exit hook ends the process with 0.
  if (refused) process.exit(1);
}
