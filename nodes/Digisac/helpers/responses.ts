import type { IDataObject } from 'n8n-workflow';

/**
 * Output JSON for an action whose answer Digisac does not document (transfer, close, connection
 * commands...): the object it sent back, or, for an empty body or a bare value, a summary of what
 * was done so the next node still has something to work with.
 */
export function actionResult(body: unknown, summary: IDataObject): IDataObject {
	if (body !== null && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		const object = body as IDataObject;
		return Object.keys(object).length ? object : { success: true, ...summary };
	}
	if (Array.isArray(body)) return { success: true, ...summary, result: body as IDataObject[] };
	if (body === undefined || body === null || body === '' || body === true)
		return { success: true, ...summary };
	return { success: body !== false, ...summary, result: body as string | number | boolean };
}

/** Reads a string field of an API object that may be missing, null, or not a string. */
export function stringField(object: unknown, ...path: string[]): string | undefined {
	let current: unknown = object;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	if (typeof current === 'string') return current;
	if (typeof current === 'number') return String(current);
	return undefined;
}

/** The value of a resource locator read from inside a collection (`{__rl, value, mode}` or a plain string). */
export function locatorText(value: unknown): string {
	if (value !== null && typeof value === 'object' && 'value' in value)
		return String((value as IDataObject).value ?? '').trim();
	if (value === undefined || value === null) return '';
	return String(value).trim();
}
