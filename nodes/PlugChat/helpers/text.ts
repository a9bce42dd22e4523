import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { labelFor } from '../../shared/parameters';

/** A user's value quoted in an error message, cut short so a pasted blob cannot flood it. */
export function quoted(value: unknown, max = 60): string {
	const text = String(value ?? '');
	return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

/**
 * Text for comparing names as people type them: without accents and case ("João" → "joao"), so
 * an agent who types "joao" or "MARCIA" finds João and Márcia.
 */
export function foldText(value: unknown): string {
	return String(value ?? '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** Required message text: kept as typed (line breaks, leading emoji), but never blank. */
export function readText(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const text = raw === null || raw === undefined || typeof raw === 'object' ? '' : String(raw);
	if (!text.trim()) {
		throw new NodeOperationError(context.getNode(), `"${labelFor(name)}" is required`, {
			itemIndex,
			description: `Item ${itemIndex} has no text for "${labelFor(name)}". Fill it in, or check the expression that should provide it.`,
		});
	}
	return text;
}

/** Optional text; blank becomes undefined. */
export function optionalText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string | undefined {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === null || raw === undefined || typeof raw === 'object') return undefined;
	const text = String(raw);
	return text.trim() ? text : undefined;
}
