export * as getAll from './getAll.operation';
export * as get from './get.operation';
export * as getPending from './getPending.operation';
export * as modify from './modify.operation';
