import { blockOperation } from './blocking.factory';

export const option = {
	name: 'Unblock',
	value: 'unblock',
	action: 'Unblock a contact',
};

export const { properties, execute } = blockOperation('unblock');
