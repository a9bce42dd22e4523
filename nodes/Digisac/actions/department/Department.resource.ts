export * as getAll from './getAll.operation';
export * as get from './get.operation';
