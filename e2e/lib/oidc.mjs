// Starts the real OpenID Connect provider of oidc/provider.mjs for a test file.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../oidc/provider.mjs');

/**
 * Runs the provider with one client ({ client_id, client_secret } for `redirectUri`) and resolves
 * to { issuer, stop } once it listens.
 */
export async function startProvider({ clientId, clientSecret, redirectUri }) {
  const options = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
  };
  const child = spawn(process.execPath, [script, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-10000);
  });
  const lines = readline.createInterface({ input: child.stdout });
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OIDC provider did not start:\n${log}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the OIDC provider exited (${code}):\n${log}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line).issuer);
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return { issuer, stop };
}
