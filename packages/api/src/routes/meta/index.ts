export * from './meta.routes';
