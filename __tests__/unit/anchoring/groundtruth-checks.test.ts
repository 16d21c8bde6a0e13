/**
 * The corpus ground truth's string-evidence checks (scripts/anchoring-corpus/survival.ts), on
 * small cases of each failure class found in the audit: re-indented and re-wrapped text the
 * alignment called deleted, identical old copies, intact spans placed at the copy with worse
 * context, and "edited" spans whose whole quote still exists verbatim elsewhere.
 */
import {
  bestCopyAgrees,
  collapseWhitespace,
  survivesWithContext,
  verbatimElsewhere,
} from '@/scripts/anchoring-corpus/survival';
import { groundTruthMap } from '@/scripts/anchoring-corpus/groundtruth';

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
