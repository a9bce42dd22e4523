import type { IDataObject } from 'n8n-workflow';

/** A plain JSON object: not null, not an array, not raw bytes. */
export function isObject(value: unknown): value is IDataObject {
	return (
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		!ArrayBuffer.isView(value) &&
		!(value instanceof ArrayBuffer)
	);
}

/** The value if it is a plain object, else an empty one: for answers that may be anything. */
export function objectOf(value: unknown): IDataObject {
	return isObject(value) ? value : {};
}

/** The first record of an answer that may be one record or a list of them. */
export function firstObjectOf(value: unknown): IDataObject {
	return objectOf(Array.isArray(value) ? value[0] : value);
}

/** An answer as item JSON: an object as it is, a bare value (`true`, a string) under `result`. */
export function asJson(value: unknown): IDataObject {
	return isObject(value) ? value : { result: value as IDataObject[keyof IDataObject] };
}

/** A list answer as its records: a bare array, or `{data: [...]}`; anything else is empty. */
export function listOf(body: unknown): IDataObject[] {
	const rows = Array.isArray(body)
		? body
		: isObject(body) && Array.isArray(body.data)
			? body.data
			: [];
	return (rows as unknown[]).filter(isObject);
}

/**
 * Output of an action whose answer carries no data of its own (a transfer, a block, a group
 * change): `success`, what was done (`fields`), then whatever the platform answered, its own keys
 * winning. A bare answer other than `true` goes under `result`; `false` means no success.
 */
export function actionResult(body: unknown, fields: IDataObject): IDataObject {
	if (isObject(body)) return { success: true, ...fields, ...body };
	if (body === undefined || body === null || body === '' || body === true)
		return { success: true, ...fields };
	return { success: body !== false, ...fields, result: body as IDataObject[keyof IDataObject] };
}
