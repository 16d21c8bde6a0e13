// Property tests explore new random cases on every local run. In CI the seed is fixed, so a
// landing is decided by the code, not by the draw; counterexamples found locally become
// regression tests. Set FC_SEED to reproduce a failure.
import fc from 'fast-check';

const seed = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : process.env.CI
    ? 20261129
    : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
