/**
 * The SQLSTATE the database's triggers raise when a change would alter what a published
 * report shows (migration 20261201140000). Its own class ("UF", not a standard one), so the
 * app can tell it from every other error and answer `PUBLISHED`.
 */
export const PUBLISHED_SQLSTATE = 'UF001';
