import { toTsQuery } from '@/lib/search/query';

describe('toTsQuery', () => {
  it.each([
    ['downward pressure', 'downward & pressure'],
    ['"downward pressure" economy', '(downward <-> pressure) & economy'],
    ['epidem*', 'epidem:*'],
    ['Hubei -Wuhan', 'hubei & !wuhan'],
    ["it's (a) & test | !x:*", 'it & s & a & test & x:*'],
    ['-only', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(toTsQuery(input)).toBe(expected);
  });
});
