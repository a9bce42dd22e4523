import { MAX_SHORT_TEXT } from '../../helpers/constants';

import { textWriteOperation } from './textWrite.factory';

export const option = {
	name: 'Comment',
	value: 'comment',
	action: 'Comment on a ticket',
	description: 'Add an internal comment to a ticket',
};

export const { properties, execute } = textWriteOperation({
	path: '/ticket/comment',
	field: 'comment',
	displayName: 'Comment',
	description: 'Internal comment (comentário) on the ticket, up to 512 characters',
	maxLength: MAX_SHORT_TEXT,
});
