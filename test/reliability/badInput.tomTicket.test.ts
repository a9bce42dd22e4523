/**
 * The bad-input corpus over every operation of the tomTicket node (see corpus.ts): each required
 * parameter empty, ids malformed, wrong types, binary data missing, invalid JSON. Every case must end
 * in a NodeOperationError or NodeApiError naming the item, with a message a user understands; no
 * TypeError, and the token nowhere.
 */
import { describeCorpus } from './badInput';

describe('bad input: tomTicket node', () => {
	describeCorpus('tomTicket');
});
