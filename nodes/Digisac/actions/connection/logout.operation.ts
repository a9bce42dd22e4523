import { connectionCommand } from './command.factory';

export const option = {
	name: 'Logout',
	value: 'logout',
	action: 'Log out a connection',
	description: 'Log the connection out so a new QR code can be read',
};

export const { properties, execute } = connectionCommand('logout');
