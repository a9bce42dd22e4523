import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isObject } from '../../shared/json';

/**
 * PlugChat confirms an action in several ways (bare `true`, `{success: true}`, `{value: true}`,
 * 204 with no body) and refuses one with HTTP 200 and a false flag. Returns whether it refused.
 */
function isRefusal(body: unknown): boolean {
	if (body === false || body === 'false') return true;
	if (isObject(body)) return body.success === false || body.value === false;
	return false;
}

/** Throws a readable error when PlugChat answered HTTP 200 but did not do what was asked. */
export function assertAccepted(
	context: IExecuteFunctions,
	body: unknown,
	itemIndex: number,
	action: string,
): void {
	if (!isRefusal(body)) return;
	const platformMessage =
		isObject(body) && typeof body.message === 'string' && body.message ? body.message : undefined;
	const message = platformMessage ?? `PlugChat did not ${action}`;
	throw new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		description: `PlugChat answered HTTP 200 with ${JSON.stringify(body)}, which means the request was refused. Check the values sent (phone number, IDs) and that the WhatsApp instance is connected.`,
		itemIndex,
	});
}

/** Output of a send: `{zaapId, messageId}` with the recipient, so the next node can follow up. */
export function sendResult(body: unknown, fields: IDataObject): IDataObject {
	const answer = isObject(body) ? body : { response: body as IDataObject[keyof IDataObject] };
	return { ...fields, ...answer };
}
