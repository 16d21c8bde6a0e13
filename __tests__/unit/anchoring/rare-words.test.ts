/**
 * Distinctive words (lib/anchoring/words.ts): a fuzzy match built from the same boilerplate as
 * the quote but missing its rare words is not the span.
 */
import { anchor, describe as describeSpan } from '@/lib/anchoring';
import { locate } from '@/lib/anchoring/anchor';
import { anchorModel } from '@/lib/anchoring/anchor-model';
import { calibrated } from '@/lib/anchoring/calibrate';
import { normalise } from '@/lib/anchoring/normalise';
import { rareWordRecall, wordsOf } from '@/lib/anchoring/words';

const entry = (name: string, id: number, host: string): string =>
  `<a title='${name}' data-id='${id}' href='https://${host}/'><img alt='${name}' src='https://opencollective-production.s3.us-west-1.amazonaws.com/${id}.png' style='object-fit: contain; float: left; margin:12px' height='120' width='120'></a>`;

// Forty sponsor entries of one shape, as in a README's sponsor table.
const FIRST = ['Harbour', 'Quiet', 'Copper', 'Northern', 'Willow', 'Amber', 'Granite', 'Velvet'];
const SECOND = ['Lights', 'Orchard', 'Kettle', 'Press', 'Finch'];
const SPONSORS: [string, number, string][] = FIRST.flatMap((a, i) =>
  SECOND.map((b, j): [string, number, string] => [
    `${a} ${b}`,
    41873 + 997 * (i * SECOND.length + j),
    `${a}${b}.example`.toLowerCase(),
  ]),
);

describe('wordsOf()', () => {
  it('splits Latin text into lower-cased words and CJK into characters', () => {
    expect(wordsOf('Close READING, 2 times')).toEqual(['close', 'reading', '2', 'times']);
    expect(wordsOf('精読する team')).toEqual(['精', '読', 'す', 'る', 'team']);
  });
});

describe('rareWordRecall()', () => {
  const text = SPONSORS.map(([n, i, h]) => entry(n, i, h)).join('\n');
  const n = normalise(text);

  it('is 1 where every word of the quote is found', () => {
    const quote = entry(...SPONSORS[2]!);
    const at = text.indexOf(quote);
    expect(rareWordRecall(n, quote, at, at + quote.length)).toBe(1);
  });

  it('is low on another entry of the same shape: the shared boilerplate weighs little', () => {
    const quote = entry('Silver Lantern Casino', 99120, 'silverlantern.example');
    const other = entry(...SPONSORS[1]!);
    const at = text.indexOf(other);
    expect(rareWordRecall(n, quote, at, at + other.length)).toBeLessThan(0.2);
  });
});

describe('anchor() on repetitive boilerplate', () => {
  const all = SPONSORS.map(([n, i, h]) => entry(n, i, h));

  it('trusts a look-alike neighbour of a removed entry less than its characters suggest', () => {
    const removed = entry('Silver Lantern Casino', 99120, 'silverlantern.example');
    const oldText = [...all.slice(0, 20), removed, ...all.slice(20)].join('\n');
    const newText = all.join('\n');
    const start = oldText.indexOf(removed);
    const found = locate(newText, describeSpan(oldText, start, start + removed.length))!;
    expect(found.method).toBe('fuzzy');
    expect(found.features!.rareWords).toBeLessThan(0.2);
    const withoutRareWords = calibrated({ ...found.features!, rareWords: 1 }, anchorModel());
    // Compared in log-odds: near 1 the probabilities themselves differ by little.
    const logit = (p: number): number => Math.log(p / (1 - p));
    expect(logit(found.confidence)).toBeLessThan(logit(withoutRareWords) - 1);
  });

  it('still follows an entry whose name was edited (its other rare words agree)', () => {
    const [name, id, host] = SPONSORS[12]!;
    const edited = entry(`${name} Books`, id, host);
    const oldText = all.join('\n');
    const newText = [...all.slice(0, 12), edited, ...all.slice(13)].join('\n');
    const start = oldText.indexOf(all[12]!);
    const got = anchor(newText, describeSpan(oldText, start, start + all[12]!.length));
    const at = newText.indexOf(edited);
    expect(got).toMatchObject({ method: 'fuzzy' });
    expect(got!.start < at + edited.length && at < got!.end).toBe(true);
  });
});
