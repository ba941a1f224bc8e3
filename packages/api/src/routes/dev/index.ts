export * from './dev.routes';
