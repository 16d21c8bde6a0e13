// Stage 1 of the corpus builder: `npm pack` every listed version into a cache directory and
// extract its prose documents (README and docs/**/*.md|adoc|txt). Network is only touched here.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGES } from './packages';

export const CACHE_DIR =
  process.env.ANCHORING_CORPUS_CACHE ?? path.join(os.tmpdir(), 'closeread-anchoring-corpus');

const DOC_RE = /\.(md|markdown|adoc|asciidoc|txt)$/i;
const MAX_DOC_BYTES = 300_000;

function listDocs(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'test' || entry.name === 'tests')
        continue;
      out.push(...listDocs(dir, rel));
    } else if (DOC_RE.test(entry.name) && !/license|changelog|history/i.test(entry.name)) {
      if (fs.statSync(path.join(dir, rel)).size <= MAX_DOC_BYTES) out.push(rel);
    }
  }
  return out;
}

/** Returns, per package version, the extracted directory (or null when the fetch failed). */
export function fetchAll(log = console.log): Map<string, string | null> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const result = new Map<string, string | null>();
  for (const pkg of PACKAGES) {
    for (const version of pkg.versions) {
      const id = `${pkg.name}@${version}`;
      const dest = path.join(CACHE_DIR, id.replace(/[/@]/g, '_'));
      if (fs.existsSync(path.join(dest, 'package'))) {
        result.set(id, path.join(dest, 'package'));
        continue;
      }
      try {
        fs.mkdirSync(dest, { recursive: true });
        const out = execFileSync('npm', ['pack', id, '--silent'], {
          cwd: dest,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const tgz = out.trim().split('\n').pop() ?? '';
        execFileSync('tar', ['-xzf', tgz], { cwd: dest });
        fs.rmSync(path.join(dest, tgz));
        result.set(id, path.join(dest, 'package'));
        log(`fetched ${id}`);
      } catch (err) {
        log(`skip ${id}: ${(err as Error).message.split('\n')[0]}`);
        fs.rmSync(dest, { recursive: true, force: true });
        result.set(id, null);
      }
    }
  }
  return result;
}

export function docsOf(dir: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const rel of listDocs(dir)) docs.set(rel, fs.readFileSync(path.join(dir, rel), 'utf8'));
  return docs;
}

if (process.argv[1] && /fetch\.ts$/.test(process.argv[1])) fetchAll();
