export * from './env-names';
export * from './rules';
export * from './runtime';
