import { getSchema } from '@tiptap/core';
import { commentExtensions } from '@/lib/richtext';
import { cleanPastedHtml } from '@/lib/richtext/paste';
import { filterMembers, MentionController } from '@/components/comment-editor/mention-suggestion';

describe('commentExtensions', () => {
  it('builds a schema with exactly the comment vocabulary (importable without a DOM)', () => {
    const schema = getSchema(commentExtensions());
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'codeBlock',
        'doc',
        'hardBreak',
        'listItem',
        'mention',
        'orderedList',
        'paragraph',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike']);
    expect(Object.keys(schema.nodes.mention!.spec.attrs ?? {})).toEqual(['id', 'label']);
  });

  it('configures links: no open on click, autolink, only http(s)/mailto allowed', () => {
    const starter = commentExtensions()[0]!;
    const link = (starter.options as { link: Record<string, unknown> }).link;
    expect(link).toMatchObject({ openOnClick: false, autolink: true });
    const allowed = link.isAllowedUri as (url: string, ctx: unknown) => boolean;
    expect(allowed('https://x.org', {})).toBe(true);
    expect(allowed('mailto:a@b.org', {})).toBe(true);
    expect(allowed('javascript:alert(1)', {})).toBe(false);
    expect(allowed('ftp://x.org', {})).toBe(false);
  });

  it('passes the browser suggestion options through to the mention extension', () => {
    const suggestion = { char: '@', items: () => [] };
    const mention = commentExtensions({ mentionSuggestion: suggestion })[1]!;
    const configured = (mention.options as { suggestion: typeof suggestion }).suggestion;
    expect(configured.items).toBe(suggestion.items);
    expect(configured.char).toBe('@');
  });
});

describe('cleanPastedHtml', () => {
  it('removes Word noise: comments, conditional blocks, <o:p>, mso- styles, Mso classes', () => {
    const word =
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
      '<style>p.MsoNormal{margin:0}</style>' +
      '<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1;margin-left:36pt">' +
      '<![if !supportLists]><span style="mso-list:Ignore">·<span>&nbsp;</span></span><![endif]>' +
      '<b>Bold</b> text<o:p></o:p></p>' +
      '<p class="MsoNormal" style="mso-margin-top-alt:auto;font-weight:bold">x</p>';
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).not.toMatch(/<!--|<xml|<style|o:p|mso-|Mso|supportLists|·/i);
    expect(cleaned).toContain('<b>Bold</b> text');
    expect(cleaned).toContain('style="margin-left:36pt"');
    expect(cleaned).toContain('<p style="font-weight:bold">x</p>');
  });

  it('leaves ordinary web HTML alone', () => {
    const html = '<p>Hello <a href="https://x.org">there</a> <em>you</em></p>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});

describe('mention suggestions', () => {
  const members = [
    { id: '1', name: 'Ann Lee' },
    { id: '2', name: 'Bob Annand' },
    { id: '3', name: 'Lea Joanna' },
    { id: '4', name: 'Carl' },
  ];

  it('ranks word-prefix matches before substring matches, case-insensitively', () => {
    expect(filterMembers(members, 'ann').map((m) => m.id)).toEqual(['1', '2', '3']);
    expect(filterMembers(members, 'LEE').map((m) => m.id)).toEqual(['1']);
    expect(filterMembers(members, '').length).toBe(4);
    expect(filterMembers(members, 'zzz')).toEqual([]);
  });

  it('moves the active option with arrow keys and inserts it with Enter', () => {
    const controller = new MentionController();
    controller.setMembers(members);
    const suggestion = controller.suggestion();
    const renderer = suggestion.render!();
    const inserted: unknown[] = [];
    const props = {
      items: filterMembers(members, 'a'),
      command: (attrs: unknown) => inserted.push(attrs),
      clientRect: () => ({ left: 10, bottom: 20 }) as DOMRect,
    };
    renderer.onStart!(props as never);
    expect(controller.getSnapshot()).toMatchObject({ active: 0, rect: { left: 10, bottom: 20 } });
    const key = (k: string) => renderer.onKeyDown!({ event: { key: k } } as never);
    expect(key('ArrowDown')).toBe(true);
    expect(key('ArrowDown')).toBe(true);
    expect(key('ArrowUp')).toBe(true);
    expect(controller.getSnapshot()?.active).toBe(1);
    expect(key('x')).toBe(false);
    expect(key('Enter')).toBe(true);
    expect(inserted).toEqual([{ id: props.items[1]!.id, label: props.items[1]!.name }]);
    renderer.onExit!(props as never);
    expect(controller.getSnapshot()).toBeNull();
    expect(controller.isOpen()).toBe(false);
  });
});
