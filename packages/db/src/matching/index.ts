export * from './match.keys';
export * from './match.repository';
export * from './match-facts.repository';
export * from './match-work.keys';
export * from './match-work.repository';
export * from './supply-demand.reader';
