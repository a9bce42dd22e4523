import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';

import { LEGACY_LABELS, TOP_LEVEL_LABELS } from './description';

export interface TriggerFilters {
	ignoreFromMe: boolean;
	ignoreGroups: boolean;
}

type FilterName = keyof TriggerFilters;

/**
 * A yes/no parameter as an expression may give it: a boolean, or the text "true"/"false" (any
 * case, spaces around). Anything else is a clear error naming the field, never a TypeError.
 */
function asFlag(
	context: IHookFunctions | IWebhookFunctions,
	value: unknown,
	label: string,
): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	throw new NodeOperationError(context.getNode(), `"${label}" must be true or false`, {
		description: `The trigger got ${JSON.stringify(value) ?? String(value)}${
			typeof value === 'object' && value !== null ? ' (an object)' : ''
		}. Turn the toggle on or off, or make the expression give true or false.`,
	});
}

/**
 * The safety filters as the workflow set them: the top-level toggles, whose default is shown
 * (ignore sent-by-me always on; ignore groups on since version 1.1, off in version 1 as it was).
 * Version 1 kept them under Options, where n8n saves only what the user added: a value saved
 * there is an explicit choice and wins, so those workflows keep doing what they did.
 */
export function readTriggerFilters(context: IHookFunctions | IWebhookFunctions): TriggerFilters {
	const legacyRaw = context.getNodeParameter('options', {}) as unknown;
	const legacy = isObject(legacyRaw) ? legacyRaw : {};
	const read = (name: FilterName, fallback: boolean): boolean => {
		if (legacy[name] !== undefined && legacy[name] !== null)
			return asFlag(context, legacy[name], LEGACY_LABELS[name]);
		return asFlag(context, context.getNodeParameter(name, fallback), TOP_LEVEL_LABELS[name]);
	};
	const version = context.getNode().typeVersion;
	return {
		ignoreFromMe: read('ignoreFromMe', true),
		ignoreGroups: read('ignoreGroups', version >= 1.1),
	};
}
