export * as getAll from './getAll.operation';
export * as get from './get.operation';
export * as start from './start.operation';
export * as restart from './restart.operation';
export * as shutdown from './shutdown.operation';
export * as logout from './logout.operation';
