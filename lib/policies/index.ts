export * from './types';
export * from './authorize';
export * from './workspace';
export * from './document';
export * from './annotation';
export * from './where';
