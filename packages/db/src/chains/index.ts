export * from './chain.repository';
