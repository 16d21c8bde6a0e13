/**
 * The exports as users choose them (lib/export has the formats themselves): the export page and
 * the reader's menu list the same.
 */
export const EXPORT_CHOICES = [
  {
    query: 'format=w3c',
    name: 'W3C Web Annotation (JSON-LD)',
    what: 'The standard format: loads into other annotation tools.',
  },
  {
    query: 'format=markdown',
    name: 'Markdown brief',
    what: 'Quoted passages with their threads, for notes and handouts.',
  },
  { query: 'format=csv', name: 'CSV spreadsheet', what: 'One row per comment, for analysis.' },
  {
    query: 'format=docx',
    name: 'Word document',
    what: 'The text with native Word comments on the highlighted words.',
  },
  {
    query: 'format=html',
    name: 'Printable report',
    what: 'Open it and print to PDF from the browser.',
  },
  {
    query: 'format=csv&bom=1',
    name: 'CSV for Excel (UTF-8 with BOM)',
    what: 'The same rows, readable by Excel’s default import.',
  },
] as const;

export const exportUrl = (documentId: string, query: string) =>
  `/api/v1/documents/${documentId}/export?${query}`;
