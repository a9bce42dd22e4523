export * as get from './get.operation';
export * as clear from './clear.operation';
export * as deleteMessage from './deleteMessage.operation';
