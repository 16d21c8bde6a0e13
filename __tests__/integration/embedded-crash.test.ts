import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const child = path.join(process.cwd(), '__tests__', 'helpers', 'embedded-child.ts');

function run(
  dataDir: string,
  mode: string,
): { proc: ChildProcess; output: Promise<string>; line: (re: RegExp) => Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: (s: string) => void }[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) {
      const m = out.match(w.re);
      if (m) w.resolve(m[0]);
      else waiters.push(w);
    }
  });
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = new Promise<string>((resolve) => proc.on('exit', () => resolve(out)));
  const line = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const m = out.match(re);
      if (m) return resolve(m[0]);
      waiters.push({ re, resolve });
      proc.on('exit', () => setTimeout(() => reject(new Error(`exited before ${re}: ${out}`)), 50));
    });
  return { proc, output, line };
}

// The embedded default is exercised when `npm test` runs without DATABASE_URL (CI does both).
const describeEmbedded = process.env.CLOSEREAD_TEST_EMBEDDED === '1' ? describe : describe.skip;

describeEmbedded('embedded PostgreSQL across crashes', () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'closeread-crash-')), 'pg');

  it('keeps committed data after the app is killed with SIGKILL, drops the uncommitted write, and starts again', async () => {
    const writer = run(dataDir, 'write');
    await writer.line(/written/);
    writer.proc.kill('SIGKILL');
    await writer.output;
    const reader = run(dataDir, 'read');
    const out = await reader.output;
    expect(out).toContain('rows ["committed"]');
  }, 60_000);

  it('refuses a second app on the same data folder with a clear message, leaving the first running', async () => {
    const holder = run(dataDir, 'hold');
    await holder.line(/holding/);
    const second = run(dataDir, 'hold');
    const out = await second.output;
    expect(second.proc.exitCode).toBe(3);
    expect(out).toMatch(/already in use by process \d+ \(is another "npm start" running\?\)/);
    holder.proc.kill('SIGKILL');
    await holder.output;
    const reader = run(dataDir, 'read');
    expect(await reader.output).toContain('rows ["committed"]');
  }, 60_000);
});
