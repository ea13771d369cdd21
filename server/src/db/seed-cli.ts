/** `pnpm seed`: (re)loads the demo data into the configured database. Safe to run again. */
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';
import { ormConfig } from './orm-config.js';
import { loadDemoData } from './seed/demo-data-loader.js';

const log = pino({ level: 'warn' });
const config = { ...loadConfig(), SEED_DEMO_DATA: false };
const db = await openDatabase(config, log);
// As the tables' owner: a reload rewrites what the demo's published reports show, which
// the app's role may not (the demo-data loader says how).
const owner = await MikroORM.init(ormConfig(db.ownerUrl));
try {
  const summary = await loadDemoData(owner.em.fork());
  console.log(`Demodata inläst: ${summary.kommuner} kommuner, ${summary.rows} rader.`);
} finally {
  await owner.close(true);
  await db.close();
}
