import { MAX_SHORT_TEXT } from '../../helpers/constants';

import { textWriteOperation } from './textWrite.factory';

export const option = {
	name: 'Reply as Customer',
	value: 'replyAsCustomer',
	action: 'Reply to a ticket as the customer',
	description: "Add a reply in the name of the ticket's customer",
};

export const { properties, execute } = textWriteOperation({
	path: '/ticket/reply/customer',
	field: 'message',
	displayName: 'Message',
	description:
		"Reply added in the name of the ticket's own customer, as plain text (up to 512 characters)",
	maxLength: MAX_SHORT_TEXT,
});
