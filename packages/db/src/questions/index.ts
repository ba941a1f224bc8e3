export * from './question.keys';
export * from './question.repository';
