/** Column lists for the bulk-loaded tables, matching prisma/schema.prisma. */
import { BulkTable, tagsExpr } from './pg-bulk';

const ts = 'timestamp(3)';

export function benchTables() {
  const users = new BulkTable('User', [
    { name: 'id', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'createdAt', type: ts },
    { name: 'updatedAt', type: ts },
  ]);
  const workspaces = new BulkTable('Workspace', [
    { name: 'id', type: 'text' },
    { name: 'slug', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'createdAt', type: ts },
    { name: 'updatedAt', type: ts },
  ]);
  const memberships = new BulkTable('Membership', [
    { name: 'workspaceId', type: 'text' },
    { name: 'userId', type: 'text' },
    { name: 'role', type: '"Role"' },
  ]);
  const documents = new BulkTable('Document', [
    { name: 'id', type: 'text' },
    { name: 'workspaceId', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'source', type: 'text' },
    { name: 'createdById', type: 'text' },
    { name: 'createdAt', type: ts },
    { name: 'lastActivityAt', type: ts },
  ]);
  const revisions = new BulkTable('Revision', [
    { name: 'id', type: 'text' },
    { name: 'documentId', type: 'text' },
    { name: 'number', type: 'int' },
    { name: 'sourceType', type: 'text' },
    { name: 'createdById', type: 'text' },
    { name: 'createdAt', type: ts },
  ]);
  const blocks = new BulkTable('Block', [
    { name: 'id', type: 'text' },
    { name: 'revisionId', type: 'text' },
    { name: 'position', type: 'int' },
    { name: 'key', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'text', type: 'text' },
  ]);
  const annotations = new BulkTable('Annotation', [
    { name: 'id', type: 'text' },
    { name: 'documentId', type: 'text' },
    { name: 'authorId', type: 'text' },
    { name: 'revisionId', type: 'text' },
    { name: 'exact', type: 'text' },
    { name: 'prefix', type: 'text' },
    { name: 'suffix', type: 'text' },
    { name: 'visibility', type: '"Visibility"' },
    { name: 'status', type: '"ThreadStatus"' },
    { name: 'resolvedAt', type: ts },
    { name: 'resolvedById', type: 'text' },
    { name: 'tags', type: 'text', expr: tagsExpr },
    { name: 'createdAt', type: ts },
    { name: 'updatedAt', type: ts },
  ]);
  const anchors = new BulkTable('AnnotationAnchor', [
    { name: 'annotationId', type: 'text' },
    { name: 'revisionId', type: 'text' },
    { name: 'blockKey', type: 'text' },
    { name: 'endBlockKey', type: 'text' },
    { name: 'start', type: 'int' },
    { name: 'end', type: 'int' },
    { name: 'exact', type: 'text' },
    { name: 'status', type: '"AnchorStatus"' },
    { name: 'confidence', type: 'float8' },
  ]);
  const comments = new BulkTable('Comment', [
    { name: 'id', type: 'text' },
    { name: 'annotationId', type: 'text' },
    { name: 'parentId', type: 'text' },
    { name: 'authorId', type: 'text' },
    { name: 'body', type: 'jsonb' },
    { name: 'bodyText', type: 'text' },
    { name: 'createdAt', type: ts },
    { name: 'editedAt', type: ts },
    { name: 'deletedAt', type: ts },
  ]);
  // Parents first: a flush writes them in this order.
  const all = [
    users,
    workspaces,
    memberships,
    documents,
    revisions,
    blocks,
    annotations,
    anchors,
    comments,
  ];
  return {
    users,
    workspaces,
    memberships,
    documents,
    revisions,
    blocks,
    annotations,
    anchors,
    comments,
    all,
  };
}

export type BenchTables = ReturnType<typeof benchTables>;
