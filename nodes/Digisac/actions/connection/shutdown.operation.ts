import { connectionCommand } from './command.factory';

export const option = {
	name: 'Shutdown',
	value: 'shutdown',
	action: 'Shut down a connection',
};

export const { properties, execute } = connectionCommand('shutdown');
