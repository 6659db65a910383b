// The monitoring engine (packages/monitor/README.md): batch alignment and golden trajectories
// (align.ts, the process part's), the fermentation simulator with faults (simulate.ts), PCA with
// Hotelling T² and SPE limits and contributions (pca.ts, limits.ts), the batch model and live
// scoring (model.ts) and the alarm rule (alarm.ts).
export * from './align.js';
export * from './simulate.js';
export * from './pca.js';
export * from './limits.js';
export * from './model.js';
export * from './alarm.js';
