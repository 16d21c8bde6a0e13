/**
 * `npm run build`: `next build`, then the stamp `npm start` compares with the sources, so a start
 * after a build does not build again (and tests that need a current build can tell).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFingerprint, stampPath } from './lib/build-fingerprint';

const root = process.cwd();
// Taken before building: a source edited during the build leaves the stamp stale, as it should.
const fingerprint = sourceFingerprint(root);
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(stampPath(root), fingerprint);
