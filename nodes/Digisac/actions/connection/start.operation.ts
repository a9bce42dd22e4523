import { connectionCommand } from './command';

export const { description, execute } = connectionCommand('start');
