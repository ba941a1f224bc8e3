export * from './market-readers';
export * from './ports';
export * from './recommendation';
export * from './recommendation.service';
