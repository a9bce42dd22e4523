import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A readable label from a parameter name for messages: "ticketId" → "Ticket ID". */
export function labelFor(name: string): string {
	return name
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/\bId\b/g, 'ID')
		.replace(/^./, (c) => c.toUpperCase());
}

/**
 * One value placed in a URL path ("/api/v1/contacts/<id>"), encoded. Every id that goes into a
 * path goes through here. Empty values and values made only of dots are refused: the URL parser
 * removes "." and ".." segments (WHATWG URL standard, "path state"), so "/api/v1/contacts/.."
 * would reach "/api/v1/" and "/api/whatsapp/queue/." the queue itself (clear the queue).
 * `what` is the parameter's name or label, for the message.
 */
export function pathSegment(
	context: { getNode(): INode },
	value: unknown,
	what: string,
	itemIndex?: number,
): string {
	const label = labelFor(what);
	const text =
		typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
			? String(value)
			: undefined;
	if (text === undefined) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be text or a number`, {
			itemIndex,
			description: `${itemIndex === undefined ? 'The value' : `Item ${itemIndex}`} gave ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}. If it comes from an expression, pick a single field, e.g. {{ $json.id }}.`,
		});
	}
	const trimmed = text.trim();
	if (!trimmed) {
		throw new NodeOperationError(context.getNode(), `"${label}" is required`, {
			itemIndex,
			description: `${itemIndex === undefined ? 'The value' : `Item ${itemIndex}`} is empty. Fill it in, or check the expression that should provide it.`,
		});
	}
	if (/^\.+$/.test(trimmed)) {
		throw new NodeOperationError(context.getNode(), `"${label}" cannot be "${trimmed}"`, {
			itemIndex,
			description: `An ID made only of dots would make the request address the list above it (for example a whole queue instead of one message), so it is not sent. Check the expression that gives "${label}".`,
		});
	}
	return encodeURIComponent(text);
}

/** A required text parameter: trimmed, and a clear error naming the field when it is empty. */
export function requireString(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value =
		raw === null || raw === undefined ? '' : typeof raw === 'object' ? '' : String(raw).trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), `"${labelFor(name)}" is required`, {
			itemIndex,
			description: `Item ${itemIndex} has no value for "${labelFor(name)}". Fill it in, or check the expression that should provide it.`,
		});
	}
	return value;
}

/**
 * A free-text parameter, untrimmed (a message keeps its spacing). Numbers and booleans become
 * text; an object or a list (a mis-mapped expression) gets a clear error, not a TypeError.
 */
export function textParameter(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === null || raw === undefined) return '';
	if (typeof raw === 'object') {
		throw new NodeOperationError(context.getNode(), `"${labelFor(name)}" must be text`, {
			itemIndex,
			description: `Item ${itemIndex} gave ${Array.isArray(raw) ? 'a list' : 'an object'}. If it comes from an expression, pick a single text field, e.g. {{ $json.text }}.`,
		});
	}
	return String(raw);
}

/** An optional text parameter; empty becomes undefined. */
export function optionalString(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback = '',
): string | undefined {
	const raw = context.getNodeParameter(name, itemIndex, fallback, {
		extractValue: true,
	}) as unknown;
	if (raw === null || raw === undefined || typeof raw === 'object') return undefined;
	const value = String(raw).trim();
	return value ? value : undefined;
}

/** Reads a resource locator's value whatever mode it was given in. */
export function locatorValue(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as
		| string
		| INodeParameterResourceLocator;
	const value =
		typeof raw === 'object' && raw !== null ? String(raw.value ?? '') : String(raw ?? '');
	return value.trim();
}

/** A number that must be finite (and optionally within bounds), with a clear error otherwise. */
export function requireNumber(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	bounds: { min?: number; max?: number; integer?: boolean } = {},
): number {
	const raw = context.getNodeParameter(name, itemIndex, undefined) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : (raw as number);
	const label = labelFor(name);
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be a number`, {
			itemIndex,
			description: `Item ${itemIndex} gave ${JSON.stringify(raw)}.`,
		});
	}
	if (bounds.integer && !Number.isInteger(value)) {
		throw new NodeOperationError(context.getNode(), `"${label}" must be a whole number`, {
			itemIndex,
		});
	}
	if (
		(bounds.min !== undefined && value < bounds.min) ||
		(bounds.max !== undefined && value > bounds.max)
	) {
		throw new NodeOperationError(
			context.getNode(),
			`"${label}" must be between ${bounds.min ?? '-∞'} and ${bounds.max ?? '∞'}`,
			{ itemIndex, description: `Item ${itemIndex} gave ${value}.` },
		);
	}
	return value;
}

/**
 * A JSON parameter given either as an object (json-type fields) or as text. Text that is not JSON
 * gets an error that says where it broke.
 */
export function parseJson<T = IDataObject>(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object') return value as T;
	const text = String(value).trim();
	if (!text) return undefined;
	try {
		return JSON.parse(text) as T;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not valid JSON`, {
			itemIndex,
			description: `${(error as Error).message}. Example of valid JSON: {"where": {"isOpen": true}}`,
		});
	}
}

/** Splits "a, b,c" or an array into a clean list of strings. */
export function toList(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const parts = Array.isArray(value) ? value : String(value).split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part.length > 0);
}

/** Removes undefined, null and empty-string entries so they are not sent to the API. */
export function compact<T extends IDataObject>(object: T): T {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === null || value === '') continue;
		result[key] = value;
	}
	return result as T;
}

/**
 * Return All / Limit of a Get Many operation: undefined for Return All, else the limit. The editor
 * only lets whole numbers of 1 or more through, so anything else came from an expression and is
 * an error rather than a silent fallback.
 */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const raw = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), '"Limit" must be a whole number of 1 or more', {
			itemIndex,
			description: `Item ${itemIndex} gave ${JSON.stringify(raw)}. Turn on "Return All" to get every record.`,
		});
	}
	return limit;
}
