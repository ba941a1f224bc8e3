export * from './category';
export * from './isic-rev4';
export * from './isic-rev4-localized';
export * from './translation-note';
