/**
 * Jest here runs CommonJS (swc) without --experimental-vm-modules, so its module registry cannot
 * load ESM-only packages (unified/remark, htmlparser2 — which sanitize-html requires — and
 * pdf.js's .mjs builds), and a dynamic import() inside a test context throws. Node 20.19+ itself
 * can require() ESM, so these packages are loaded with Node's own require, obtained from the main
 * context (jest wraps `module.createRequire` and `process.getBuiltinModule`). Production code is
 * untouched: it uses ordinary static/dynamic imports, which Next.js and tsx resolve natively.
 */
import path from 'node:path';
import vm from 'node:vm';

export const nativeRequire = vm.runInThisContext(
  `process.getBuiltinModule('node:module').createRequire(${JSON.stringify(
    path.join(process.cwd(), 'package.json'),
  )})`,
) as NodeJS.Require;

jest.mock('sanitize-html', () => nativeRequire('sanitize-html'));
jest.mock('htmlparser2', () => nativeRequire('htmlparser2'));
jest.mock('unified', () => nativeRequire('unified'));
jest.mock('remark-parse', () => nativeRequire('remark-parse'));
jest.mock('remark-gfm', () => nativeRequire('remark-gfm'));
jest.mock('pdfjs-dist/legacy/build/pdf.mjs', () =>
  nativeRequire('pdfjs-dist/legacy/build/pdf.mjs'),
);
jest.mock('pdfjs-dist/legacy/build/pdf.worker.mjs', () =>
  nativeRequire('pdfjs-dist/legacy/build/pdf.worker.mjs'),
);
