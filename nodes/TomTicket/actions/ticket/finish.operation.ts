import { textWriteOperation } from './textWrite';

const operation = textWriteOperation({
	operation: 'finish',
	path: '/ticket/finish',
	field: 'message',
	displayName: 'Message',
	description:
		'Closing message sent to the customer when the ticket is finished (finalizado), as plain text',
});

export const description = operation.description;
export const execute = operation.execute;
