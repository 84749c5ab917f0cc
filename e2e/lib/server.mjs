// Starts the real `kleur` binary on a fresh SQLite database with demo data, for one test file.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The binary under test: $KLEUR_BIN, or ../target/debug/kleur relative to e2e/. */
export function kleurBin() {
  return path.resolve(e2eDir, process.env.KLEUR_BIN || '../target/debug/kleur');
}

/** A port that was free a moment ago: listen on port 0, read the port, close. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, output) {
  // Bounded: 300 tries of at most ~1 s each (fetch timeout plus a short pause between tries).
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`kleur exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`kleur did not answer 200 on /healthz in time:\n${output()}`);
}

/**
 * Runs `kleur demo --people 60 --listen 127.0.0.1:<port>` in a new temp dir with
 * KLEUR_DATABASE_URL=sqlite://<tmpdir>/kleur.db and waits until /healthz answers 200.
 * Returns { baseUrl, stop }.
 */
export async function startKleur({ people = 60 } = {}) {
  const bin = kleurBin();
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(`kleur binary not found or not executable at ${bin}: build it and set KLEUR_BIN`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kleur-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, KLEUR_DATABASE_URL: `sqlite://${dir}/kleur.db` };
  delete env.KLEUR_LISTEN;
  delete env.KLEUR_BASE_URL;
  const child = spawn(bin, ['demo', '--people', String(people), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log += chunk.toString();
    if (log.length > 20000) log = log.slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, log: () => log };
}
