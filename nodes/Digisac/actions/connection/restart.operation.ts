import { connectionCommand } from './command.factory';

export const option = {
	name: 'Restart',
	value: 'restart',
	action: 'Restart a connection',
};

export const { properties, execute } = connectionCommand('restart');
