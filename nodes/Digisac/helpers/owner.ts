import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import type { RequestContext } from '../../shared/transport';
import { apiRequest } from '../transport';

/**
 * Read once per execution (keyed by its context), never across executions: every item of one
 * execution runs with the same credential, so one GET /me serves them all. A failed read is not
 * kept, so the next item asks again.
 */
const ownerByContext = new WeakMap<object, Promise<IDataObject>>();

/**
 * The token user's `userId` and `accountId`, as Digisac's own example body for
 * POST /api/v1/me/webhooks carries them; whether Digisac requires them is not documented, so each
 * is included only when GET /api/v1/me provides it.
 */
export async function webhookOwner(
	context: RequestContext,
	itemIndex?: number,
): Promise<IDataObject> {
	let pending = ownerByContext.get(context);
	if (!pending) {
		pending = apiRequest<unknown>(context, 'GET', '/api/v1/me', { itemIndex }).then((me) => {
			const owner: IDataObject = {};
			if (isObject(me)) {
				if (typeof me.id === 'string') owner.userId = me.id;
				if (typeof me.accountId === 'string') owner.accountId = me.accountId;
			}
			return owner;
		});
		ownerByContext.set(context, pending);
		pending.catch(() => ownerByContext.delete(context));
	}
	return { ...(await pending) };
}
