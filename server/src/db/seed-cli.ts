/** `pnpm seed`: (re)loads the demo data into the configured database. Safe to run again. */
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';
import { loadDemoData } from './seed/demo-data-loader.js';

const log = pino({ level: 'warn' });
const config = { ...loadConfig(), SEED_DEMO_DATA: false };
const db = await openDatabase(config, log);
try {
  const summary = await loadDemoData(db.orm.em.fork());
  console.log(`Demodata inläst: ${summary.kommuner} kommuner, ${summary.rows} rader.`);
} finally {
  await db.close();
}
