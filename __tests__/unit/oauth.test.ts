import { oauthEmailVerified, oauthProviders } from '@/lib/auth/oauth';

describe('OAuth providers', () => {
  it('are off unless both id and secret are configured', () => {
    expect(oauthProviders({})).toEqual([]);
    expect(oauthProviders({ GITHUB_ID: 'x' })).toEqual([]);
    expect(oauthProviders({ GITHUB_ID: 'x', GITHUB_SECRET: 'y' }).map((p) => p.id)).toEqual([
      'github',
    ]);
    expect(
      oauthProviders({
        GITHUB_ID: 'x',
        GITHUB_SECRET: 'y',
        GOOGLE_ID: 'a',
        GOOGLE_SECRET: 'b',
      }).map((p) => p.id),
    ).toEqual(['github', 'google']);
  });

  it('link by e-mail only when the provider verified it', () => {
    expect(oauthEmailVerified({ provider: 'credentials' }, undefined)).toBe(true);
    expect(
      oauthEmailVerified({ provider: 'google' }, { email: 'a@b.c', email_verified: true }),
    ).toBe(true);
    expect(
      oauthEmailVerified({ provider: 'google' }, { email: 'a@b.c', email_verified: false }),
    ).toBe(false);
    expect(oauthEmailVerified({ provider: 'github' }, {})).toBe(false);
  });
});
