/**
 * V8 flags for the production server (`npm start`, and the benchmark's server so it measures
 * the same thing). `--max-semi-space-size=64` (MB; Node 20's default is 16): rendering pages and
 * streaming exports allocate many short-lived objects, and with a small young generation V8
 * scavenges often and promotes objects that would have died young. Measured on the 20,000-
 * annotation JSON-LD export in-process: 2.3–3.0 s → 2.1–2.3 s. Costs up to ~150 MB more RSS at
 * peak. Passed through NODE_OPTIONS so the `next start` child process gets it too.
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=64'];

/** NODE_OPTIONS for the server: what was already there, plus SERVER_V8_FLAGS. */
export function serverNodeOptions(existing: string | undefined): string {
  return [existing, ...SERVER_V8_FLAGS].filter((s) => s && s.trim() !== '').join(' ');
}
