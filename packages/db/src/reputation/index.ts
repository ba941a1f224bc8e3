export * from './reputation.repository';
