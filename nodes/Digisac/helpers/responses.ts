import type { IDataObject } from 'n8n-workflow';

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
