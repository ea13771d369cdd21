/**
 * A server on an empty database of its own, as a kommun's IT department deploys it without
 * the demo data: started from the sources, with the one-time set-up link read from its log as
 * the person deploying would read it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, freePort } from '../../server/test/test-database';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const clientDist = fileURLToPath(new URL('../dist/', import.meta.url));
const LINK = /(http:\/\/\S+\/installera\?token=[A-Za-z0-9_-]{43})/;

export interface EmptyInstallation {
  base: string;
  /** The set-up link with its one-time token, from the log. */
  link: string;
  stop(): Promise<void>;
}

export async function startEmptyInstallation(
  adminDatabaseUrl: string,
  name: string,
): Promise<EmptyInstallation> {
  const dbName = `uppfoljning_e2e_${name}_${process.pid}`;
  const url = await createDatabase(adminDatabaseUrl, dbName);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      CLIENT_DIST_DIR: clientDist,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const link = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = LINK.exec(output);
      if (found) resolve(found[1]!);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) without a set-up link`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    link,
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }
      await dropDatabase(adminDatabaseUrl, dbName);
    },
  };
}
