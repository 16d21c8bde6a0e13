/** Decides whether `next build` must run: a hash of everything the build reads. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const INPUTS = [
  'app',
  'components',
  'lib',
  'prisma/schema.prisma',
  'package-lock.json',
  'next.config.js',
  'tsconfig.json',
  'proxy.ts',
  'instrumentation.ts',
];
const SKIP = new Set(['generated', 'node_modules', '.next']);

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const entry of readdirSync(p).sort()) if (!SKIP.has(entry)) walk(path.join(p, entry), out);
  } else {
    out.push(p);
  }
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(path.relative(root, f));
    hash.update(readFileSync(f));
  }
  return hash.digest('hex');
}

const STAMP = path.join('.next', 'closeread-build-fingerprint');

export function buildIsCurrent(root: string, fingerprint: string): boolean {
  const stamp = path.join(root, STAMP);
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fingerprint
  );
}

export function stampPath(root: string): string {
  return path.join(root, STAMP);
}
