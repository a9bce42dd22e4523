import { textWriteOperation } from './textWrite.factory';

export const option = {
	name: 'Finish',
	value: 'finish',
	action: 'Finish a ticket',
	description: 'Finish (close) a ticket with a closing message',
};

export const { properties, execute } = textWriteOperation({
	path: '/ticket/finish',
	field: 'message',
	displayName: 'Message',
	description:
		'Closing message sent to the customer when the ticket is finished (finalizado), as plain text',
});
