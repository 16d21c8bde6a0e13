import type { Metadata } from 'next';
import { openApiDocument } from '@/lib/api/openapi';

export const metadata: Metadata = { title: 'API' };

/** A readable rendering of /api/v1/openapi.json. */
export default function ApiDocsPage() {
  const doc = openApiDocument('');
  return (
    <div className="page">
      <h1>Closeread API v1</h1>
      <p>
        JSON over HTTPS at <code>/api/v1</code>, authenticated with a personal API token (
        <code>Authorization: Bearer crt_…</code>, from account settings) or the session. Errors are{' '}
        <code>{'{ error: { code, message, fields? } }'}</code>. The machine-readable description is
        at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {Object.entries(doc.paths).map(([path, ops]) => (
        <section key={path}>
          <h2>
            <code>{path}</code>
          </h2>
          <ul className="card-list">
            {Object.entries(ops).map(([method, op]) => (
              <li key={method}>
                <strong>{method.toUpperCase()}</strong> — {op.summary}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
