import { CSV_COLUMNS, csvField, exportCsv, neutraliseFormula } from '@/lib/export/csv';
import { ANNOTATIONS, collect, makeInput } from '../../fixtures/export/bundle';
import { parseCsv } from './csv-parse';

async function rows(bom = false) {
  const text = await collect(exportCsv(makeInput(), { bom }));
  return { text, rows: parseCsv(bom ? text.slice(1) : text) };
}

function col(row: string[], name: (typeof CSV_COLUMNS)[number]): string {
  return row[CSV_COLUMNS.indexOf(name)]!;
}

describe('CSV export', () => {
  it('writes a header and one row per visible comment or bare highlight', async () => {
    const { rows: r } = await rows();
    expect(r[0]).toEqual([...CSV_COLUMNS]);
    // a1: 1 highlight row; a2: c1 c2 c3 c5 c7; a3, a4, a5: one comment each.
    expect(r).toHaveLength(1 + 1 + 5 + 1 + 1 + 1);
    for (const row of r) expect(row).toHaveLength(CSV_COLUMNS.length);
    const highlight = r[1]!;
    expect(col(highlight, 'comment_id')).toBe('');
    expect(col(highlight, 'text')).toBe('');
    expect(col(highlight, 'quote')).toBe('slow reading');
    expect(col(highlight, 'paragraph')).toBe('1');
    expect(col(highlight, 'tags')).toBe('method');
  });

  it('round-trips commas, quotes and newlines', async () => {
    const { rows: r } = await rows();
    const c2 = r.find((row) => col(row, 'comment_id') === 'c2')!;
    expect(col(c2, 'text')).toBe('Because, "love" is\nstrong');
    expect(col(c2, 'author')).toBe('Bob "Bobby" Brown');
    expect(col(c2, 'parent_id')).toBe('c1');
    expect(col(c2, 'edited')).toBe('2024-03-02T05:00:00.000Z');
    expect(col(c2, 'status')).toBe('resolved');
    expect(col(c2, 'tags')).toBe('emotion; q&a');
    expect(col(c2, 'document')).toBe('On Close Reading: a #test, with "quotes"');
    const cross = r.find((row) => col(row, 'thread_id') === 'a4')!;
    expect(col(cross, 'quote')).toBe(ANNOTATIONS[3]!.anchor.exact);
    expect(col(cross, 'paragraph')).toBe('2–3');
    const orphan = r.find((row) => col(row, 'thread_id') === 'a5')!;
    expect(col(orphan, 'paragraph')).toBe('orphaned');
  });

  it('drops deleted and hidden comments and re-attaches their replies', async () => {
    const { rows: r } = await rows();
    const ids = r.map((row) => col(row, 'comment_id'));
    expect(ids).not.toContain('c4');
    expect(ids).not.toContain('c6');
    expect(
      col(
        r.find((row) => col(row, 'comment_id') === 'c5')!,
        'parent_id',
      ),
    ).toBe('c1');
  });

  it('neutralises formula injection', async () => {
    const { rows: r } = await rows();
    const text = (id: string) =>
      col(
        r.find((row) => col(row, 'comment_id') === id)!,
        'text',
      );
    expect(text('c3')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(text('c5')).toBe("'+1");
    expect(text('c7')).toBe("'-2 <b>not bold</b>");
    expect(text('c8')).toBe("'@x mention <script>alert(1)</script>");
    expect(neutraliseFormula('\tcmd')).toBe("'\tcmd");
    expect(neutraliseFormula('\rcmd')).toBe("'\rcmd");
    expect(neutraliseFormula('safe = 1')).toBe('safe = 1');
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('uses CRLF record ends and an optional BOM', async () => {
    const plain = await rows();
    expect(plain.text.startsWith('document,')).toBe(true);
    expect(plain.text.endsWith('\r\n')).toBe(true);
    const withBom = await rows(true);
    expect(withBom.text.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.rows).toEqual(plain.rows);
  });
});
