/**
 * Every migration, in order. Listed here (not found by a glob) so that the server, the
 * tests and the built server load them the same way; `pnpm migration:create` reminds you
 * to add a new one.
 */
import { Migration20261122175229 } from './Migration20261122175229.js';
import { Migration20261122192807 } from './Migration20261122192807.js';
import { Migration20261123090000 } from './Migration20261123090000.js';
import { Migration20261201100000 } from './Migration20261201100000.js';
import { Migration20261201110000 } from './Migration20261201110000.js';
import { Migration20261201120000 } from './Migration20261201120000.js';
import { Migration20261201130000 } from './Migration20261201130000.js';
import { Migration20261201140000 } from './Migration20261201140000.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201170000 } from './Migration20261201170000.js';
import { Migration20261201171000 } from './Migration20261201171000.js';
import { Migration20261201180000 } from './Migration20261201180000.js';
import { Migration20261201190000 } from './Migration20261201190000.js';

export const migrationsList = [
  { name: 'Migration20261122175229', class: Migration20261122175229 },
  { name: 'Migration20261122192807', class: Migration20261122192807 },
  { name: 'Migration20261123090000', class: Migration20261123090000 },
  { name: 'Migration20261201100000', class: Migration20261201100000 },
  { name: 'Migration20261201110000', class: Migration20261201110000 },
  { name: 'Migration20261201120000', class: Migration20261201120000 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201140000', class: Migration20261201140000 },
  { name: 'Migration20261201150000', class: Migration20261201150000 },
  { name: 'Migration20261201160000', class: Migration20261201160000 },
  { name: 'Migration20261201170000', class: Migration20261201170000 },
  { name: 'Migration20261201171000', class: Migration20261201171000 },
  { name: 'Migration20261201180000', class: Migration20261201180000 },
  { name: 'Migration20261201190000', class: Migration20261201190000 },
];
