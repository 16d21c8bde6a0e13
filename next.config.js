// @ts-check
const { version } = require('./package.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata is resolved before the page is sent, for every browser, not streamed after it
  // (Next's default for browsers that are not crawlers). A streamed title is absent while it
  // loads: on a reader refreshed by its own write and a live update at once, the page had no
  // <title> for moments (ADR 0019).
  htmlLimitedBots: /.*/,
  // The Web Annotation Protocol's container IRIs end in a slash (/api/annotations/<doc>/);
  // Next's default 308 to the slashless URL would break clients that do not follow redirects.
  skipTrailingSlashRedirect: true,
  env: { CLOSEREAD_VERSION: version },
  // Route handlers and server components run the domain code from lib/; nothing reads
  // files outside the project at run time.
  outputFileTracingRoot: __dirname,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          // Browsers ignore it over plain http, so it is harmless for local use.
          ...(process.env.NODE_ENV === 'production'
            ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
            : []),
        ],
      },
      {
        // Pages get a nonce-based policy from proxy.ts. API answers (JSON, exports) may load
        // nothing and be framed by no one.
        source: '/api/:path*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
