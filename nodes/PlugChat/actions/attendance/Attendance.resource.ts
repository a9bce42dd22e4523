export * as start from './start.operation';
export * as finish from './finish.operation';
export * as getByTicket from './getByTicket.operation';
export * as changeDepartment from './changeDepartment.operation';
export * as setCustomField from './setCustomField.operation';
