import { connectionCommand } from './command.factory';

export const option = {
	name: 'Start',
	value: 'start',
	action: 'Start a connection',
};

export const { properties, execute } = connectionCommand('start');
