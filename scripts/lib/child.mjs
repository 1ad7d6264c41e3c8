// Child processes for the scripts that pack and install the plugin (scan-pack, realworld).
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

/** A problem of the machine or the network, not of the plugin: the scripts exit 2 on it. */
export class SetupError extends Error {}

/**
 * Runs `command` with `args` and collects its output; resolves with the exit code (or the signal,
 * after a timeout kill) and never rejects for a non-zero exit. npm's audit, fund and update notices
 * are turned off: they are network calls that say nothing about the plugin.
 */
export function run(command, args, { cwd, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? `killed by ${signal}` : code, stdout, stderr });
    });
  });
}

/** The last `lines` lines of a command's output, for an error message. */
export const tail = (text, lines = 10) => text.trim().split('\n').slice(-lines).join('\n');
