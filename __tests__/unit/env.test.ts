import { ConfigError, parseEnv } from '@/lib/config/env';

const good = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/closeread',
  NEXTAUTH_SECRET: 'x'.repeat(32),
};

describe('configuration', () => {
  it('accepts a minimal valid environment and fills defaults', () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.CLOSEREAD_DEMO).toBe('1');
  });

  it.each([
    [{ ...good, DATABASE_URL: undefined }, 'configuration error: DATABASE_URL is required'],
    [
      { ...good, DATABASE_URL: 'mysql://x@y/z' },
      'configuration error: DATABASE_URL must be a postgresql:// URL',
    ],
    [{ ...good, PORT: 'eighty' }, 'configuration error: PORT'],
    [{ ...good, PORT: '70000' }, 'configuration error: PORT'],
    [
      { ...good, NEXTAUTH_SECRET: 'short' },
      'configuration error: NEXTAUTH_SECRET must be at least 32 characters',
    ],
    [{ ...good, CLOSEREAD_DEMO: 'yes' }, 'configuration error: CLOSEREAD_DEMO'],
    [{ ...good, NEXTAUTH_URL: 'not a url' }, 'configuration error: NEXTAUTH_URL'],
  ])('rejects a bad setting with one line naming it (%#)', (raw, expected) => {
    let error: unknown;
    try {
      parseEnv(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(expected)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ ...good, PORT: '' }).PORT).toBe(3000);
  });
});
