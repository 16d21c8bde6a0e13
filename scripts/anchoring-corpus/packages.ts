// Packages whose README / docs changed meaningfully between published versions. Versions are
// consecutive pairs in a revision history: v[i] -> v[i+1]. Each is fetched with `npm pack`.
// A package that fails to fetch is skipped, so an unpublished version never breaks the build.
export type CorpusPackage = {
  name: string;
  versions: string[];
  /**
   * 'prose': long prose documents (manuals, a specification's source, long-form READMEs) like
   * those the held-out evaluation uses. Each group is split into halves on its own, so
   * adding a group never moves an existing package to the other half.
   * 'asciidoc': the few npm packages that ship their documentation as AsciiDoc (the issue's
   * evaluation includes AsciiDoc sources).
   */
  group?: 'prose' | 'asciidoc';
  /**
   * Pins the package to a half. Without it a group's packages alternate between the halves in
   * hash order (build.ts), so a package added to an existing group would shift every later one
   * to the other half: a package added to a group that already has packages must pin its half.
   */
  half?: 'tune' | 'heldout';
};

export const PACKAGES: CorpusPackage[] = [
  { name: 'commander', versions: ['2.20.3', '5.1.0', '9.5.0', '12.1.0'] },
  { name: 'yargs', versions: ['13.3.2', '15.4.1', '17.7.2'] },
  { name: 'axios', versions: ['0.19.2', '0.27.2', '1.7.9'] },
  { name: 'express', versions: ['4.16.4', '4.21.2', '5.1.0'] },
  { name: 'chalk', versions: ['2.4.2', '4.1.2', '5.3.0'] },
  { name: 'debug', versions: ['2.6.9', '4.3.4'] },
  { name: 'ws', versions: ['6.2.2', '7.5.10', '8.18.0'] },
  { name: 'semver', versions: ['5.7.2', '6.3.1', '7.6.3'] },
  { name: 'dotenv', versions: ['8.6.0', '10.0.0', '16.4.5'] },
  { name: 'node-fetch', versions: ['2.6.7', '3.3.2'] },
  { name: 'got', versions: ['9.6.0', '11.8.6'] },
  { name: 'execa', versions: ['1.0.0', '5.1.1', '8.0.1'] },
  { name: 'zod', versions: ['3.20.6', '3.22.4', '3.23.8'] },
  { name: 'pino', versions: ['6.14.0', '8.21.0'] },
  { name: 'uuid', versions: ['3.4.0', '8.3.2', '9.0.1'] },
  { name: 'async', versions: ['2.6.4', '3.2.6'] },
  { name: 'ramda', versions: ['0.26.1', '0.30.1'] },
  { name: 'eslint', versions: ['7.32.0', '8.57.0', '9.17.0'] },
  { name: 'webpack', versions: ['4.46.0', '5.97.1'] },
  { name: 'glob', versions: ['7.2.3', '8.1.0', '10.4.5'] },
  { name: 'minimatch', versions: ['3.1.2', '5.1.6', '9.0.5'] },
  { name: 'socket.io', versions: ['2.5.0', '4.8.1'] },
  { name: 'jsonwebtoken', versions: ['8.5.1', '9.0.2'] },
  { name: 'body-parser', versions: ['1.19.0', '1.20.3'] },
  { name: 'mongoose', versions: ['5.13.22', '8.9.0'] },
  { name: 'nodemon', versions: ['1.19.4', '2.0.22', '3.1.9'] },
  { name: 'marked', versions: ['0.8.2', '4.3.0'] },
  { name: 'luxon', versions: ['1.28.1', '3.5.0'] },
  { name: 'fs-extra', versions: ['8.1.0', '11.2.0'] },
  { name: 'qs', versions: ['6.9.7', '6.13.1'] },
  // Prose: the npm CLI's manual, a style guide's rules, the CommonMark specification's source,
  // and two long-form READMEs.
  { name: 'npm', versions: ['7.24.2', '8.19.4', '10.9.2'], group: 'prose' },
  { name: 'standard', versions: ['14.3.4', '16.0.4', '17.1.2'], group: 'prose' },
  { name: 'commonmark-spec', versions: ['0.28.0', '0.29.0', '0.30.0', '0.31.2'], group: 'prose' },
  { name: 'unified', versions: ['9.2.2', '10.1.2', '11.0.5'], group: 'prose' },
  { name: 'micromark', versions: ['2.11.4', '3.2.0', '4.0.1'], group: 'prose' },
  // fastify's reference manual (docs/Reference/*.md), added later: pinned to the tuning half so
  // the held-out half stays the same set of documents (ADR 17).
  { name: 'fastify', versions: ['3.29.5', '4.28.1', '5.2.1'], group: 'prose', half: 'tune' },
  // More manuals, guides and a specification (fantasy-land's), found by surveying npm for
  // packages whose shipped docs are mostly prose and change between majors. Halves pinned,
  // alternating in hash order as build.ts would assign them (ADR 17).
  { name: 'ajv', versions: ['4.11.8', '5.5.2', '6.12.6'], group: 'prose', half: 'tune' },
  {
    name: 'browserslist',
    versions: ['2.11.3', '3.2.8', '4.16.0'],
    group: 'prose',
    half: 'heldout',
  },
  { name: 'uglify-js', versions: ['2.8.29', '3.4.10', '3.19.3'], group: 'prose', half: 'tune' },
  { name: 'fantasy-land', versions: ['1.0.1', '3.5.0', '5.0.1'], group: 'prose', half: 'heldout' },
  { name: 'markdownlint', versions: ['0.20.4', '0.30.0', '0.42.1'], group: 'prose', half: 'tune' },
  { name: 'autoprefixer', versions: ['6.7.7', '8.6.5', '9.8.6'], group: 'prose', half: 'heldout' },
  {
    name: 'semantic-release',
    versions: ['12.4.1', '17.4.7', '24.2.9'],
    group: 'prose',
    half: 'tune',
  },
  // AsciiDoc: the reveal.js converter's manual (renamed to a scoped package at 3.0; its 5.x
  // README is a stub pointing elsewhere, so the history stops at 4.0.1) and a PlantUML extension.
  { name: 'asciidoctor-reveal.js', versions: ['1.0.3', '1.1.3', '2.0.1'], group: 'asciidoc' },
  { name: '@asciidoctor/reveal.js', versions: ['3.1.0', '4.0.1'], group: 'asciidoc' },
  { name: 'asciidoctor-plantuml', versions: ['0.8.1', '1.1.13', '1.5.0'], group: 'asciidoc' },
];
