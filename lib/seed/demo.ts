/**
 * The demo workspace: two members, the demo document, a few highlights and a reply thread.
 * Idempotent: running it again changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from '../anchoring';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import { parsePlainText } from '../documents/parse-plain-text';
import { newBlockKeys } from '../documents/keys';

export const DEMO_PASSWORD = 'closeread-demo';
export const DEMO_USERS = [
  { email: 'alice@example.com', name: 'Alice Moreau', role: 'OWNER' },
  { email: 'bob@example.com', name: 'Bob Okafor', role: 'MEMBER' },
] as const;
export const DEMO_WORKSPACE = { slug: 'demo', name: 'Demo reading group' };
const DEMO_FILE = 'standing-committee-2020-03-18.txt';

function paragraphDoc(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

type DemoNote = {
  by: 0 | 1;
  paragraph: number;
  quote: string | null;
  comment?: string;
  tags?: string[];
  replies?: { by: 0 | 1; text: string }[];
};

const NOTES: DemoNote[] = [
  {
    by: 0,
    paragraph: 1,
    quote: 'continued to improve',
    comment: 'Note the tense: "has continued to improve" claims a trend, not just a state.',
    tags: ['wording'],
    replies: [
      { by: 1, text: 'Agreed. It pairs with "accelerating the restoration" in the same sentence.' },
      { by: 0, text: 'Good catch. Let us track both phrases in the next meetings.' },
    ],
  },
  {
    by: 1,
    paragraph: 2,
    quote: 'the complexity and severity of the epidemic situation',
    tags: ['risk'],
  },
  {
    by: 1,
    paragraph: 5,
    quote: "the downward pressure on China's economy continues to increase",
    comment: 'The first explicit admission of economic pressure in this series.',
    tags: ['economy'],
  },
  {
    by: 0,
    paragraph: 4,
    quote: null,
    comment: 'This whole paragraph is about imported cases: "foreign defense input".',
    tags: ['border'],
  },
];

export async function seedDemo(client: Db): Promise<{ created: boolean }> {
  const existing = await client.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const text = readFileSync(path.join(__dirname, DEMO_FILE), 'utf8');
  const parsed = parsePlainText(text, { fallbackTitle: 'Demo document', firstLineIsTitle: true });

  await client.$transaction(async (tx) => {
    const users: { id: string }[] = [];
    for (const u of DEMO_USERS) {
      users.push(
        await tx.user.upsert({
          where: { email: u.email },
          update: {},
          create: { email: u.email, name: u.name, passwordHash },
          select: { id: true },
        }),
      );
    }
    const workspace = await tx.workspace.create({
      data: {
        ...DEMO_WORKSPACE,
        memberships: {
          create: DEMO_USERS.map((u, i) => ({ userId: users[i]!.id, role: u.role })),
        },
      },
    });
    const owner = users[0]!.id;
    const document = await tx.document.create({
      data: {
        workspaceId: workspace.id,
        title: parsed.title,
        source: 'Xinhua News Agency',
        publishedOn: '2020-03-18',
        createdById: owner,
      },
    });
    const revision = await tx.revision.create({
      data: { documentId: document.id, number: 1, sourceType: 'text/plain', createdById: owner },
    });
    const keys = newBlockKeys(parsed.blocks.length);
    await tx.block.createMany({
      data: parsed.blocks.map((b, position) => ({
        revisionId: revision.id,
        position,
        key: keys[position]!,
        type: b.type,
        text: b.text,
      })),
    });
    for (const note of NOTES) {
      const blockText = parsed.blocks[note.paragraph]?.text ?? '';
      const key = keys[note.paragraph]!;
      const at = note.quote ? blockText.indexOf(note.quote) : -1;
      if (note.quote && at < 0) throw new Error(`demo quote not found: ${note.quote}`);
      const selector = note.quote ? describe(blockText, at, at + note.quote.length) : null;
      const annotation = await tx.annotation.create({
        data: {
          documentId: document.id,
          authorId: users[note.by]!.id,
          revisionId: revision.id,
          exact: selector?.quote.exact ?? '',
          prefix: selector?.quote.prefix ?? '',
          suffix: selector?.quote.suffix ?? '',
          anchors: {
            create: {
              revisionId: revision.id,
              blockKey: key,
              endBlockKey: key,
              start: selector?.position.start ?? null,
              end: selector?.position.end ?? null,
              exact: selector?.quote.exact ?? '',
              status: 'CREATED',
            },
          },
          tags: note.tags ?? [],
        },
      });
      if (!note.comment) continue;
      const root = await tx.comment.create({
        data: {
          annotationId: annotation.id,
          authorId: users[note.by]!.id,
          body: paragraphDoc(note.comment) as Prisma.InputJsonValue,
          bodyText: note.comment,
        },
      });
      let parentId = root.id;
      for (const reply of note.replies ?? []) {
        const created = await tx.comment.create({
          data: {
            annotationId: annotation.id,
            parentId,
            authorId: users[reply.by]!.id,
            body: paragraphDoc(reply.text) as Prisma.InputJsonValue,
            bodyText: reply.text,
          },
        });
        parentId = created.id;
      }
    }
  });
  return { created: true };
}
