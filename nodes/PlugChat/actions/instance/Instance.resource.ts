export * as getStatus from './getStatus.operation';
export * as getQrCode from './getQrCode.operation';
export * as restart from './restart.operation';
export * as disconnect from './disconnect.operation';
