export * from './match.keys';
export * from './match.repository';
export * from './match-facts.repository';
export * from './supply-demand.reader';
