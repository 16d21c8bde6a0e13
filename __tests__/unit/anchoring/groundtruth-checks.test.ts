/**
 * The corpus ground truth's string-evidence checks (scripts/anchoring-corpus/survival.ts), on
 * small cases of each failure class found in the audit: re-indented and re-wrapped text the
 * alignment called deleted, identical old copies, intact spans placed at the copy with worse
 * context, and "edited" spans whose whole quote still exists verbatim elsewhere.
 */
import {
  bestCopyAgrees,
  collapseWhitespace,
  movedWithEvidence,
  survivesWithContext,
  verbatimElsewhere,
} from '@/scripts/anchoring-corpus/survival';
import { groundTruthMap } from '@/scripts/anchoring-corpus/groundtruth';
import { auditLines } from '@/scripts/anchoring-corpus/line-audit';

const at = (text: string, quote: string, from = 0): [number, number] => {
  const s = text.indexOf(quote, from);
  if (s < 0) throw new Error(`missing ${quote}`);
  return [s, s + quote.length];
};

const survives = (oldText: string, newText: string, quote: string) => {
  const [s, e] = at(oldText, quote);
  return survivesWithContext(
    collapseWhitespace(oldText),
    collapseWhitespace(newText),
    newText,
    s,
    e,
  );
};

describe('collapseWhitespace()', () => {
  it('collapses runs and maps both ways', () => {
    const c = collapseWhitespace('a \n\t b  c');
    expect(c.text).toBe('a b c');
    expect(Array.from(c.toRaw)).toEqual([0, 1, 5, 6, 8]);
    expect(c.fromRaw[3]).toBe(1); // inside the first run: the run's space
    expect(c.fromRaw[8]).toBe(4);
  });
});

describe('survivesWithContext()', () => {
  const OLD = [
    'try {',
    '\t\tawait run();',
    '\t} catch (error) {',
    "\t\t\terrno: -2,\n\t\t\tcode: 'ENOENT',\n\t\t\tsyscall: 'spawn unknown',\n\t\t\tpath: 'unknown',",
    '\t}',
  ].join('\n');

  it('finds re-indented text (moved elsewhere) with its context on both sides', () => {
    const NEW = `# Errors\n\nSomething else first.\n\n${OLD.replace(/\t\t\t/g, '\t\t')}`;
    const [s, e] = at(NEW, "'spawn unknown',");
    expect(survives(OLD, NEW, "'spawn unknown',")).toEqual([s, e]);
  });

  it('finds re-wrapped prose, mapping back to raw offsets', () => {
    const OLD2 =
      'Braces with any number of comma-delimited sections within.  Braced sections may contain\nslash characters, so a pattern would expand.';
    const NEW2 =
      'Intro.\n\nBraces with any number of comma-delimited sections within. Braced\nsections may contain slash characters, so a pattern would expand.';
    const res = survives(OLD2, NEW2, 'sections may contain\nslash');
    expect(res).toEqual([NEW2.indexOf('sections may'), NEW2.indexOf(' characters')]);
  });

  it('is ambiguous when the old text holds the same quote and context twice', () => {
    const block =
      'and it will be re-executed whenever a default value needs to be generated: see the example below';
    const OLD3 = `.default ${block}. Then .catch ${block}.`;
    const NEW3 = `.default ${block}. Then .catch is different now.`;
    expect(survives(OLD3, NEW3, 'value needs to be')).toBe('ambiguous');
  });

  it('is ambiguous with one side of the context, none without', () => {
    const OLD4 = 'The quick brown fox jumps over the lazy dog and runs away into the forest.';
    expect(survives(OLD4, 'The quick brown fox jumps over a sleepy cat.', 'jumps over')).toBe(
      'ambiguous',
    );
    expect(survives(OLD4, 'Nothing of the sort here at all.', 'jumps over')).toBe('none');
  });
});

describe('bestCopyAgrees()', () => {
  const OLD =
    '###### decompress\n\nType: `boolean`\nDefault: `true`\n\nDecompress the response automatically.';
  const [s, e] = at(OLD, 'true');
  const NEW =
    '###### methodRewriting\n\nType: `boolean`\nDefault: `true`\n\nBy default, redirects use rewriting.\n\n' +
    '###### decompress\n\nType: `boolean`\nDefault: `true`\n\nDecompress the response automatically.';

  it('rejects the copy with worse context when another copy kept the surroundings', () => {
    expect(bestCopyAgrees(OLD, NEW, s, e, at(NEW, 'true')[0])).toBe(false);
  });

  it('accepts the copy that agrees best', () => {
    expect(bestCopyAgrees(OLD, NEW, s, e, NEW.lastIndexOf('true'))).toBe(true);
  });
});

describe('verbatimElsewhere()', () => {
  const OLD =
    '<img src="https://avatars.githubusercontent.com/u/91446104?s=200" alt="Speakeasy" />';
  const quote = '<img src="https://avatars.githubusercontent.com/u/91446104?';
  const [s, e] = at(OLD, quote);
  const NEW =
    '<img src="https://avatars.githubusercontent.com/u/80861386?s=200" alt="Cerbos" />\n' +
    '<img src="https://avatars.githubusercontent.com/u/91446104?s=200" alt="Speakeasy" />';

  it('flags an edit expectation contradicted by a verbatim copy elsewhere', () => {
    const expected: [number, number] = [1, NEW.indexOf('80861386') + 8];
    expect(verbatimElsewhere(OLD, NEW, s, e, expected)).toBe(true);
  });

  it('ignores short quotes and copies inside the expected range', () => {
    expect(verbatimElsewhere('a b', 'a b', 0, 3, [5, 6])).toBe(false);
    const inside = at(NEW, quote, 10);
    expect(verbatimElsewhere(OLD, NEW, s, e, inside)).toBe(false);
  });
});

describe('groundTruthMap() inside changed hunks', () => {
  /** The new text each character of `quote` (in the old text) maps to, '·' where deleted. */
  const mapped = (oldText: string, newText: string, quote: string): string => {
    const { map } = groundTruthMap(oldText, newText);
    const [s, e] = at(oldText, quote);
    let out = '';
    for (let i = s; i < e; i++) out += map[i]! >= 0 ? newText[map[i]!] : '·';
    return out;
  };

  it('pairs similar lines by their text, not shifted by one (all URLs changed, one removed)', () => {
    const defs = (branch: string, names: string[]): string =>
      names
        .map((n) => `[${n}]: https://github.com/org/.github/blob/${branch}/${n}.md`)
        .join('\n\n');
    const oldText = `# Refs\n\n[xss]: https://en.wikipedia.org/wiki/XSS\n\n${defs('HEAD', ['security', 'contributing', 'support', 'coc'])}\n`;
    const newText = `# Refs\n\n${defs('main', ['security', 'contributing', 'support', 'coc'])}\n`;
    const { map } = groundTruthMap(oldText, newText);
    const [s] = at(oldText, '[contributing]');
    const [ns] = at(newText, '[contributing]');
    expect(map[s]).toBe(ns);
    expect(mapped(oldText, newText, 'blob/HEAD/contributing.md')).toBe('blob/····/contributing.md');
  });

  it('keeps words that a re-wrap moved to the neighbouring line', () => {
    const oldText =
      'Intro.\n\nthen install.js is called for the install\nand post-install stages, and uninstall.js\nwill run when the package is removed.  Since\ninstall.js runs for two phases, it would\nbe wise to look at the event.\n\nEnd.\n';
    const newText =
      'Intro.\n\nthen install.js is called for the install and post-install \nstages of the lifecycle.  Since install.js runs for two \nphases, it would be wise to look at the \nevent.\n\nEnd.\n';
    expect(mapped(oldText, newText, 'Since\ninstall.js runs for two')).toBe(
      'Since·install.js runs for two',
    );
  });
});

describe('auditLines()', () => {
  const ALPHA = '- `alpha` (default: true) -- strips the comments from every input file';
  const BETA = '- `beta` (default: false) -- rewrites the imports into relative module paths';
  const ALPHA2 = '- `alpha` (default: `true`) — strips the comments from every input file';
  const BETA2 = '- `beta` (default: `false`) — rewrites the imports into relative module paths';
  const oldText = `# Options\n\n${ALPHA}\n${BETA}\n`;
  const newText = `# Options\n\n${BETA2}\n${ALPHA2}\n`;
  const lineMap = (map: Int32Array, line: string): string => {
    const [s, e] = at(oldText, line);
    let out = '';
    for (let i = s; i < e; i++) out += map[i]! >= 0 ? newText[map[i]!] : map[i] === -2 ? '?' : '·';
    return out;
  };
  /** The map an order-keeping alignment could give: headings kept, old lines onto the wrong ones. */
  const misaligned = (): Int32Array => {
    const map = new Int32Array(oldText.length).fill(-1);
    for (let i = 0; i < '# Options\n\n'.length; i++) map[i] = i;
    const [a] = at(oldText, ALPHA);
    const [b2] = at(newText, BETA2);
    // alpha's "- `" and "(default: " pieces paired with beta's new line, the rest deleted.
    for (let k = 0; k < 3; k++) map[a + k] = b2 + k;
    return map;
  };

  it('re-aligns a line the alignment sent to the wrong line, to its clearly best partner', () => {
    const map = misaligned();
    expect(auditLines(oldText, newText, map)).toBeGreaterThanOrEqual(1);
    expect(lineMap(map, ALPHA)).toBe(
      '- `alpha` (default: true) ·· strips the comments from every input file',
    );
    const [a] = at(oldText, ALPHA);
    const [na] = at(newText, ALPHA2);
    expect(map[a]).toBe(na);
  });

  it('fills holes the alignment left in a line it otherwise placed right', () => {
    const map = new Int32Array(oldText.length).fill(-1);
    const [b] = at(oldText, BETA);
    const [nb] = at(newText, BETA2);
    // Only "- `beta`" and "rewrites the imports" kept: the pair itself keeps far more.
    for (let k = 0; k < 8; k++) map[b + k] = nb + k;
    const words = 'rewrites the imports';
    const [w] = at(oldText, words);
    const [nw] = at(newText, words);
    for (let k = 0; k < words.length; k++) map[w + k] = nw + k;
    auditLines(oldText, newText, map);
    expect(lineMap(map, BETA)).toBe(
      '- `beta` (default: false) ·· rewrites the imports into relative module paths',
    );
  });

  it('leaves a line alone when its best partner is not clearly best (identical old lines)', () => {
    const twice = `# Options\n\n${ALPHA}\n${ALPHA}\n`;
    const map = new Int32Array(twice.length).fill(-1);
    expect(auditLines(twice, newText, map)).toBe(0);
    expect(Array.from(map).every((v) => v === -1)).toBe(true);
  });

  it('leaves re-wrapped text alone (most of the line went to its partner and the next line)', () => {
    const wrappedOld =
      'Intro.\n\nthe quick brown fox jumps over the lazy dog near the river bank\nand then it runs away.\n';
    const wrappedNew =
      'Intro.\n\nthe quick brown fox jumps over the lazy dog near the\nriver bank and then it runs away.\n';
    const { map } = groundTruthMap(wrappedOld, wrappedNew);
    const before = Array.from(map);
    auditLines(wrappedOld, wrappedNew, map);
    expect(Array.from(map)).toEqual(before);
    const [r] = at(wrappedOld, 'river');
    expect(wrappedNew.slice(map[r]!, map[r]! + 5)).toBe('river');
  });

  it('in a re-sorted and reworded options list, maps each line to its own new line', () => {
    const names = [
      'collapse',
      'conditionals',
      'dead_code',
      'evaluate',
      'hoist_funs',
      'inline',
      'loops',
      'sequences',
    ];
    const opt = (n: string, i: number, v: string, dash: string) =>
      `- \`${n}\` (default: ${v}) ${dash} option number ${i} handles ${n.replace('_', ' ')} statements`;
    const o = `## Compress\n\n${names.map((n, i) => opt(n, i, 'true', '--')).join('\n')}\n\nEnd.\n`;
    const n = `## Compress\n\n${[...names]
      .reverse()
      .map((x) => opt(x, names.indexOf(x), '`true`', '—'))
      .join('\n')}\n\nEnd.\n`;
    const { map } = groundTruthMap(o, n);
    for (const name of ['sequences', 'inline']) {
      const [s] = at(o, `- \`${name}\``);
      const e = o.indexOf('\n', s);
      const [ns] = at(n, `- \`${name}\``);
      const ne = n.indexOf('\n', ns);
      const targets = Array.from(map.slice(s, e)).filter((v) => v >= 0);
      // Every kept character of the line lands on its own new line, and most of them are kept.
      expect(targets.every((t) => t >= ns && t < ne)).toBe(true);
      expect(targets.length).toBeGreaterThan((e - s) * 0.8);
    }
  });
});

describe('movedWithEvidence()', () => {
  it('takes a long quote that reappears in new material as moved', () => {
    const oldText = 'Intro.\n\nThe cache is flushed on every write to disk.\n\nEnd.';
    const newText =
      'Intro.\n\nEnd.\n\n## Caching\n\nNote: the cache is flushed on every write to disk!';
    const [s, e] = at(oldText, 'cache is flushed on every write');
    const [ns] = at(newText, 'cache is flushed on every write');
    expect(movedWithEvidence(oldText, newText, s, e, ns)).toBe(true);
  });

  it('takes a short quote as moved only if it carried some of its old neighbours along', () => {
    const oldText = "var parse = require('rehype-parse')\nsee the browsers diversity.";
    const newText =
      "import parse from 'rehype-parse'\nit must be `import`ed instead of `require`d.\nrespect\n  the browsers diversity.";
    const [s, e] = at(oldText, 'require');
    expect(movedWithEvidence(oldText, newText, s, e, newText.indexOf('require'))).toBe(false);
    const [d0, d1] = at(oldText, 'diversity');
    expect(movedWithEvidence(oldText, newText, d0, d1, newText.indexOf('diversity'))).toBe(true);
  });
});
