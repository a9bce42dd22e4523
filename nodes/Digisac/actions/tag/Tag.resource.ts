export * as getAll from './getAll.operation';
export * as create from './create.operation';
export * as update from './update.operation';
export * as delete from './delete.operation';
