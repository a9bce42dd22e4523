export * as create from './create.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
export * as update from './update.operation';
