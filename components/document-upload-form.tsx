'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiErrorAlert, type ApiFailure } from './api-error';

type Mode = 'file' | 'paste';

type Report = {
  number: number;
  annotations: Record<string, number>;
  blocks: { kept: number; added: number; removed: number };
};

/** Import a new document (into a workspace) or upload a new version (of a document). */
export function DocumentUploadForm(props: {
  action: string;
  kind: 'import' | 'revision';
  documentId?: string;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('file');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // A failure found before anything was sent (no file chosen) or with no answer (offline).
  const setError = (message: string) => setFailure({ status: 0, message });
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(null);
    let init: RequestInit;
    if (mode === 'file') {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) {
        setPending(false);
        return setError('Choose a file to upload.');
      }
      init = { method: 'POST', body: form };
    } else {
      const body = Object.fromEntries(
        ['text', 'format', 'title', 'source', 'publishedOn']
          .map((k) => [k, String(form.get(k) ?? '').trim()] as const)
          .filter(([, v]) => v !== ''),
      );
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      };
    }
    try {
      const res = await fetch(props.action, { ...init, credentials: 'same-origin' });
      const json = (await res.json().catch(() => null)) as
        ({ id?: string; error?: { message: string } } & Partial<Report>) | null;
      setPending(false);
      if (!res.ok)
        return setFailure({
          status: res.status,
          message: json?.error?.message ?? 'The upload failed. Please try again.',
        });
      if (props.kind === 'import' && json?.id) return router.push(`/d/${json.id}`);
      setReport(json as Report);
      router.refresh();
    } catch {
      setPending(false);
      setError('Could not reach Closeread. Check your connection and try again.');
    }
  }

  if (report) {
    const a = report.annotations;
    return (
      <div role="status">
        <p>
          Revision {report.number} is in place: {report.blocks.kept} paragraphs carried over,{' '}
          {report.blocks.added} new, {report.blocks.removed} gone.
        </p>
        <p>
          Annotations: {a.UNCHANGED ?? 0} unchanged, {a.MOVED ?? 0} moved, {a.EDITED ?? 0} on edited
          text, {a.ORPHANED ?? 0} orphaned.
        </p>
        <p>
          <a href={`/d/${props.documentId}`}>Open the new revision</a> ·{' '}
          <a href={`/d/${props.documentId}/history`}>See what changed</a>
        </p>
      </div>
    );
  }

  return (
    <form className="stack wide" onSubmit={onSubmit} encType="multipart/form-data">
      <fieldset className="mode">
        <legend>Source</legend>
        <label className="inline">
          <input
            type="radio"
            name="mode"
            checked={mode === 'file'}
            onChange={() => setMode('file')}
          />{' '}
          Upload a file
        </label>
        <label className="inline">
          <input
            type="radio"
            name="mode"
            checked={mode === 'paste'}
            onChange={() => setMode('paste')}
          />{' '}
          Paste text
        </label>
      </fieldset>
      {mode === 'file' ? (
        <label>
          File (.txt, .md, .html, .docx, .pdf; up to 20 MB)
          <input
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
        </label>
      ) : (
        <>
          <label>
            Text
            <textarea name="text" rows={12} required />
          </label>
          <label>
            Format
            <select name="format" defaultValue="text">
              <option value="text">Plain text (blank lines separate paragraphs)</option>
              <option value="markdown">Markdown</option>
            </select>
          </label>
        </>
      )}
      {props.kind === 'import' ? (
        <details>
          <summary>Title, author or source, date (taken from the file when left empty)</summary>
          <label>
            Title
            <input name="title" type="text" maxLength={300} />
          </label>
          <label>
            Author or source
            <input name="source" type="text" maxLength={500} />
          </label>
          <label>
            Date
            <input name="publishedOn" type="text" maxLength={40} placeholder="2020-03-18" />
          </label>
        </details>
      ) : null}
      <ApiErrorAlert failure={failure} className="error" />
      <button type="submit" disabled={pending}>
        {pending ? 'Working…' : props.kind === 'import' ? 'Import' : 'Upload new version'}
      </button>
    </form>
  );
}
