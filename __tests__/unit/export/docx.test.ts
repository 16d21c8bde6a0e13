import JSZip from 'jszip';
import { exportDocx } from '@/lib/export/docx';
import { ANNOTATIONS, collectBytes, makeInput } from '../../fixtures/export/bundle';

async function unzip(annotations = ANNOTATIONS, maxComments?: number) {
  const bytes = await collectBytes(exportDocx(makeInput(annotations), { maxComments }));
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: await read('word/document.xml'),
    comments: await read('word/comments.xml'),
    extended: await read('word/commentsExtended.xml'),
  };
}

const ids = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<w:${tag} w:id="(\\d+)"`, 'g'))]
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);

describe('Word export', () => {
  it('writes native comments with the thread text', async () => {
    const { comments } = await unzip();
    expect(comments).toContain('Why *love*?');
    expect(comments).toContain('Because, &quot;love&quot; is');
    expect(comments).toContain('↳ to Bob &quot;Bobby&quot; Brown: =HYPERLINK');
    expect(comments).toContain('w:author="Carol 陈"');
    expect(comments).toContain('Highlight');
    expect(comments).toContain('tags: emotion, q&amp;a');
    expect(comments).not.toContain('spam');
    expect(comments).not.toContain('this was removed');
  });

  it('anchors every comment with matching range start / end / reference ids', async () => {
    const { document, comments } = await unzip();
    const commentIds = ids(comments, 'comment');
    // a1 1 + a2 5 (root + 4 replies) + a3 1 + a4 1 + a5 1
    expect(commentIds).toHaveLength(9);
    expect(ids(document, 'commentRangeStart')).toEqual(commentIds);
    expect(ids(document, 'commentRangeEnd')).toEqual(commentIds);
    expect(ids(document, 'commentReference')).toEqual(commentIds);
  });

  it('splits runs at highlight boundaries and keeps every paragraph', async () => {
    const { document } = await unzip();
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>.*?<w:t[^>]*>slow reading<\/w:t>/s);
    expect(document).toMatch(/<w:t[^>]*>love<\/w:t>/);
    expect(document).toContain('Final words here.');
    expect(document).toContain('Orphaned annotations');
    // The cross-paragraph range opens in ¶ 2 and closes in ¶ 3.
    const start = document.indexOf('<w:commentRangeStart w:id="7"/>');
    const end = document.indexOf('<w:commentRangeEnd w:id="7"/>');
    expect(document.slice(start, end)).toContain('</w:p>');
  });

  it('threads replies and marks resolved threads in commentsExtended', async () => {
    const { extended } = await unzip();
    expect(extended).toContain('w15:paraIdParent');
    expect(extended).toContain('w15:done="1"');
  });

  it('caps the number of comments with a visible note', async () => {
    const { document, comments } = await unzip(ANNOTATIONS, 3);
    expect(ids(comments, 'comment')).toHaveLength(3);
    expect(document).toContain('annotation(s) were left out');
  });
});
