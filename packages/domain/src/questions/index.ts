export * from './ports';
export * from './question';
export * from './question.service';
