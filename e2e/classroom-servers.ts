/**
 * Extra static servers for the classroom specs: a second origin that embeds the app in an
 * <iframe>, and a copy of the build that a test can "redeploy". Each is scripts/static-server.mjs
 * on its own port, started by the test and stopped by it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The second origin's port (the embed host page): the Playwright port + 1. */
export const hostPort = Number(process.env.E2E_PORT ?? 4180) + 1;
/** The redeployable copy's port: the Playwright port + 2. */
export const deployPort = Number(process.env.E2E_PORT ?? 4180) + 2;

export interface Served {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Serves `dir` at `/` on `port` until `stop`. */
export async function serve(dir: string, port: number): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/static-server.mjs', '--port', String(port), '--mount', `/=${dir}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Ready when it says so; a port already taken (another server) fails here, not in a puzzling way later.
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
    child.once('exit', (code) => reject(new Error(`The static server on port ${port} stopped (${code}): ${err.slice(0, 300)}`)));
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    dir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** A fresh temporary folder (removed by `dispose`). */
export function tempDir(prefix: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a build folder, to change as a new deploy would. */
export function copyBuild(from: string): { dir: string; dispose(): void } {
  const t = tempDir('eda-deploy-');
  cpSync(from, t.dir, { recursive: true });
  return t;
}
