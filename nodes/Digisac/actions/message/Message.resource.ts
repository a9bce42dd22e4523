export * as send from './send.operation';
export * as sendComment from './sendComment.operation';
export * as sendTemplate from './sendTemplate.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
