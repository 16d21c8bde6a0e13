import fc from 'fast-check';
import { utcTimestamp } from '@/lib/db/query-rows';

/** PostgreSQL's text form of a `timestamp(3)` value (trailing zeros of the fraction dropped). */
function pgText(d: Date): string {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}`;
}

describe('utcTimestamp (timestamps read straight from PostgreSQL in the export)', () => {
  it('reads every timestamp(3) text form back as the same UTC instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(utcTimestamp(pgText(d)).getTime()).toBe(d.getTime());
        },
      ),
    );
  });

  it('handles whole seconds, short fractions and microseconds', () => {
    expect(utcTimestamp('2026-01-01 00:00:00').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(utcTimestamp('2026-11-29 10:24:45.7').toISOString()).toBe('2026-11-29T10:24:45.700Z');
    expect(utcTimestamp('2026-11-29 10:24:45.123456').toISOString()).toBe(
      '2026-11-29T10:24:45.123Z',
    );
  });
});
