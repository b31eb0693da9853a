export * from './cards';
export * from './skeleton';
export * from './text';
