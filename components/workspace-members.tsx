'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from './api-client';

type Role = 'OWNER' | 'MODERATOR' | 'MEMBER';
type Member = { id: string; name: string; email: string; role: Role };
type Invitation = {
  id: string;
  email: string | null;
  role: Role;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
};

const ROLE_LABEL: Record<Role, string> = {
  OWNER: 'Owner',
  MODERATOR: 'Moderator',
  MEMBER: 'Member',
};

export function WorkspaceMembers(props: {
  slug: string;
  me: string;
  canManage: boolean;
  members: Member[];
  invitations: Invitation[];
}) {
  const router = useRouter();
  const [members, setMembers] = useState(props.members);
  const [invitations, setInvitations] = useState(props.invitations);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const base = `/api/v1/workspaces/${props.slug}`;

  async function changeRole(member: Member, role: Role) {
    const res = await api(`${base}/members/${member.id}`, { method: 'PATCH', body: { role } });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    setMembers(members.map((m) => (m.id === member.id ? { ...m, role } : m)));
    setMessage({ ok: true, text: `${member.name} is now ${ROLE_LABEL[role].toLowerCase()}.` });
  }

  async function remove(member: Member) {
    const res = await api(`${base}/members/${member.id}`, { method: 'DELETE' });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    if (member.id === props.me) return router.push('/');
    setMembers(members.filter((m) => m.id !== member.id));
    setMessage({ ok: true, text: `${member.name} was removed.` });
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const maxUses = Number(form.get('maxUses') ?? 0);
    const res = await api<Invitation & { path: string; token: string }>(`${base}/invitations`, {
      method: 'POST',
      body: {
        role: String(form.get('role') ?? 'MEMBER'),
        expiresInDays: Number(form.get('days') ?? 7),
        ...(email ? { email } : {}),
        ...(!email && maxUses > 0 ? { maxUses } : {}),
      },
    });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    setLink(`${window.location.origin}${res.data.path}`);
    const { path: _path, token: _token, ...invitation } = res.data;
    setInvitations([invitation, ...invitations]);
    setMessage({
      ok: true,
      text: 'Invitation created. Copy the link below; it is shown only once.',
    });
  }

  async function revoke(inv: Invitation) {
    const res = await api(`${base}/invitations/${inv.id}`, { method: 'DELETE' });
    if (!res.ok) return setMessage({ ok: false, text: res.message });
    setInvitations(invitations.filter((i) => i.id !== inv.id));
    setMessage({ ok: true, text: 'Invitation revoked.' });
  }

  return (
    <div>
      <div role="status" aria-live="polite" className={message?.ok === false ? 'error' : 'muted'}>
        {message?.text}
      </div>
      <h2>Members</h2>
      <ul className="card-list" aria-label="Members">
        {members.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> <span className="muted">{m.email}</span>{' '}
            {props.canManage ? (
              <select
                aria-label={`Role of ${m.name}`}
                value={m.role}
                onChange={(e) => void changeRole(m, e.target.value as Role)}
              >
                {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            ) : (
              <span className="muted">· {ROLE_LABEL[m.role]}</span>
            )}{' '}
            {props.canManage || m.id === props.me ? (
              <button type="button" className="quiet" onClick={() => void remove(m)}>
                {m.id === props.me ? 'Leave workspace' : `Remove ${m.name}`}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canManage ? (
        <>
          <h2>Invite people</h2>
          <form className="stack" onSubmit={invite}>
            <label>
              Email (leave empty for a shareable link)
              <input name="email" type="email" />
            </label>
            <label>
              Role
              <select name="role" defaultValue="MEMBER">
                <option value="MEMBER">Member</option>
                <option value="MODERATOR">Moderator</option>
              </select>
            </label>
            <label>
              Expires after (days)
              <input name="days" type="number" min={1} max={90} defaultValue={7} />
            </label>
            <label>
              Maximum uses of a link (0 = unlimited)
              <input name="maxUses" type="number" min={0} max={1000} defaultValue={0} />
            </label>
            <button type="submit">Create invitation</button>
          </form>
          {link ? (
            <p>
              Invitation link: <code data-testid="invite-link">{link}</code>
            </p>
          ) : null}
          <h2>Open invitations</h2>
          <ul className="card-list" aria-label="Open invitations">
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email ?? 'Link'} · {ROLE_LABEL[i.role]} · used {i.uses}
                {i.maxUses ? ` of ${i.maxUses}` : ''} · expires{' '}
                {new Date(i.expiresAt).toLocaleDateString()}{' '}
                <button type="button" className="quiet" onClick={() => void revoke(i)}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
