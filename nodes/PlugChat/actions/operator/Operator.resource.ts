export * as getAll from './getAll.operation';
export * as getOnline from './getOnline.operation';
