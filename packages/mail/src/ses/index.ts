export * from './ses-events';
