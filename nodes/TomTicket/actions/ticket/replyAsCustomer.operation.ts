import { MAX_SHORT_TEXT } from '../../helpers/constants';

import { textWriteOperation } from './textWrite';

const operation = textWriteOperation({
	operation: 'replyAsCustomer',
	path: '/ticket/reply/customer',
	field: 'message',
	displayName: 'Message',
	description:
		"Reply added in the name of the ticket's own customer, as plain text (up to 512 characters)",
	maxLength: MAX_SHORT_TEXT,
});

export const description = operation.description;
export const execute = operation.execute;
