export * as create from './create.operation';
export * as addMembers from './addMembers.operation';
export * as promoteMembers from './promoteMembers.operation';
export * as demoteMembers from './demoteMembers.operation';
