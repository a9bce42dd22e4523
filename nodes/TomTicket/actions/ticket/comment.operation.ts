import { MAX_SHORT_TEXT } from '../../helpers/constants';

import { textWriteOperation } from './textWrite';

const operation = textWriteOperation({
	operation: 'comment',
	path: '/ticket/comment',
	field: 'comment',
	displayName: 'Comment',
	description: 'Internal comment (comentário) on the ticket, up to 512 characters',
	maxLength: MAX_SHORT_TEXT,
});

export const description = operation.description;
export const execute = operation.execute;
