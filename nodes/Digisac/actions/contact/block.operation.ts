import { blockOperation } from './blocking.factory';

export const option = {
	name: 'Block',
	value: 'block',
	action: 'Block a contact',
	description: 'Block a contact so it cannot write to you',
};

export const { properties, execute } = blockOperation('block');
