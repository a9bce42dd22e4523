/**
 * The bad-input corpus, built from a node's own description so it covers every operation without a
 * list to keep up to date: the resource and operation options, each operation's visible properties
 * with their types and `required` flags, the options inside its collections. For each operation a
 * valid baseline is built (values from the fakes' seeded state), then one thing at a time is made
 * wrong for the second of two input items.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { binaryInput } from '../harness';

export interface OperationRef {
	resource: string;
	operation: string;
}

/** Every resource/operation pair the node offers. */
export function operationsOf(description: INodeTypeDescription): OperationRef[] {
	const resource = description.properties.find((p) => p.name === 'resource');
	const result: OperationRef[] = [];
	for (const option of resource?.options ?? []) {
		const value = String((option as { value: string }).value);
		const operation = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
		);
		for (const op of operation?.options ?? [])
			result.push({ resource: value, operation: String((op as { value: string }).value) });
	}
	return result;
}

const NODE = { typeVersion: 1 };

/** The top-level properties a user sees for these values (resource, operation and requestOptions aside). */
export function visibleProperties(
	description: INodeTypeDescription,
	values: INodeParameters,
): INodeProperties[] {
	return description.properties.filter(
		(p) =>
			!['resource', 'operation', 'requestOptions'].includes(p.name) &&
			NodeHelpers.displayParameter(values, p, NODE, description),
	);
}

/**
 * A valid value for a parameter, from the fake's current state, or undefined when the provider has
 * nothing specific (then a value by type is used for required parameters, none for optional ones).
 */
export type ValueProvider = (
	property: INodeProperties,
	values: INodeParameters,
	op: OperationRef,
) => unknown;

function valueFor(
	provide: ValueProvider,
	property: INodeProperties,
	values: INodeParameters,
	op: OperationRef,
): unknown {
	return provide(property, values, op) ?? defaultValue(property);
}

export const INPUT_FILE = {
	content: Buffer.from('%PDF-1.4 boleto de teste'),
	fileName: 'boleto.pdf',
	mimeType: 'application/pdf',
};

/** The file a valid item carries: what the operation sends (an image for Send Image...). */
export function inputFileFor(op: OperationRef) {
	if (/image/i.test(op.operation))
		return {
			content: Buffer.from('89504e470d0a1a0a', 'hex'),
			fileName: 'foto.png',
			mimeType: 'image/png',
		};
	if (/audio/i.test(op.operation))
		return { content: Buffer.from('OggS audio'), fileName: 'audio.ogg', mimeType: 'audio/ogg' };
	if (/video/i.test(op.operation))
		return { content: Buffer.from('....ftypmp42'), fileName: 'video.mp4', mimeType: 'video/mp4' };
	return INPUT_FILE;
}

/** An input binary property (a file the node reads), as opposed to one it writes its output to. */
export function isInputBinary(property: INodeProperties): boolean {
	return (
		/binaryPropertyName|binaryProperty/i.test(property.name) &&
		/input|attach|send|upload/i.test(`${property.displayName} ${property.description ?? ''}`)
	);
}

/** The name of the binary property a node writes its output file to. */
export function isOutputBinary(property: INodeProperties): boolean {
	return (
		/binaryPropertyName|binaryProperty/i.test(property.name) &&
		/output/i.test(`${property.displayName} ${property.hint ?? ''} ${property.description ?? ''}`)
	);
}

/** A type-based valid value for properties the provider knows nothing specific about. */
export function defaultValue(property: INodeProperties): unknown {
	const options = (property.options ?? []) as Array<{ value?: unknown }>;
	switch (property.type) {
		case 'string':
			return property.default !== '' && property.default !== undefined
				? property.default
				: 'Texto de teste';
		case 'number':
			return typeof property.default === 'number' && property.default !== 0 ? property.default : 1;
		case 'boolean':
			return property.default ?? false;
		case 'options':
			return property.default !== '' && property.default !== undefined
				? property.default
				: (options[0]?.value ?? '');
		case 'multiOptions':
			return options[0]?.value !== undefined ? [options[0].value] : [];
		case 'dateTime':
			return '2026-11-20T10:00:00-03:00';
		case 'json':
			return '{}';
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: 'Texto de teste' };
		default:
			return property.default;
	}
}

export interface Baseline {
	parameters: INodeParameters;
	/** Input items for the valid item: a file in `data` when the operation reads one. */
	needsFile: boolean;
	/** Variant label when an options property switches between parameter sets ("sendTo=number"). */
	variant: string;
}

/**
 * The baselines of one operation: its required visible parameters filled with valid values, once
 * per value of each options property other properties depend on (Send To contact/number, a media
 * source binary/URL), so the parameters behind every switch get mutated too.
 */
export function baselines(
	description: INodeTypeDescription,
	op: OperationRef,
	provide: ValueProvider,
): Baseline[] {
	const base: INodeParameters = {
		resource: op.resource,
		operation: op.operation,
		requestOptions: {},
	};
	const fill = (values: INodeParameters) => {
		// Visibility can depend on what was just filled in (e.g. Send To), so repeat until stable.
		for (let round = 0; round < 4; round++) {
			let changed = false;
			for (const property of visibleProperties(description, values)) {
				if (property.name in values) continue;
				if (property.required || property.type === 'options' || isInputBinary(property)) {
					values[property.name] = valueFor(
						provide,
						property,
						values,
						op,
					) as INodeParameters[string];
					changed = true;
				} else {
					// Optional parameters some operations still need (a message text, a webhook event).
					const value = provide(property, values, op);
					if (value !== undefined) {
						values[property.name] = value as INodeParameters[string];
						changed = true;
					}
				}
			}
			if (!changed) break;
		}
		return values;
	};
	const fillUpdateFields = (values: INodeParameters) => {
		// An update with nothing to change is refused (rightly): give it one field.
		for (const property of visibleProperties(description, values)) {
			if (property.type !== 'collection' || !/^update/i.test(property.name)) continue;
			const current = values[property.name];
			if (current && typeof current === 'object' && Object.keys(current).length > 0) continue;
			const option =
				((property.options ?? []) as INodeProperties[]).find(
					(o) => o.type === 'string' && !isInputBinary(o),
				) ?? (property.options?.[0] as INodeProperties | undefined);
			if (option)
				values[property.name] = {
					[option.name]: valueFor(provide, option, values, op) as INodeParameters[string],
				};
		}
		return values;
	};
	const first = fillUpdateFields(fill({ ...base }));
	const result: Baseline[] = [
		{ parameters: first, needsFile: usesInputFile(description, first), variant: '' },
	];
	// Switches: options properties that other visible properties' displayOptions depend on.
	for (const property of visibleProperties(description, first)) {
		if (property.type !== 'options') continue;
		const dependents = description.properties.filter(
			(p) => p.displayOptions?.show?.[property.name] || p.displayOptions?.hide?.[property.name],
		);
		if (dependents.length === 0) continue;
		for (const option of (property.options ?? []) as Array<{ value: string }>) {
			if (option.value === first[property.name]) continue;
			const values = fillUpdateFields(fill({ ...base, [property.name]: option.value }));
			result.push({
				parameters: values,
				needsFile: usesInputFile(description, values),
				variant: `${property.name}=${option.value}`,
			});
		}
	}
	return result;
}

function usesInputFile(description: INodeTypeDescription, values: INodeParameters): boolean {
	return visibleProperties(description, values).some(
		(p) => isInputBinary(p) && values[p.name] !== undefined && values[p.name] !== '',
	);
}

/**
 * Binary metadata of the wrong type, as a Code node can produce it (`binary.data.fileName = 123`):
 * every operation that reads a file must refuse it clearly, not fail inside string methods.
 */
export const WRONG_METADATA: Array<{ label: string; patch: IDataObject }> = [
	{ label: 'a numeric file name', patch: { fileName: 123 } },
	{ label: 'an object as file name', patch: { fileName: {} } },
	{ label: 'a list as file name', patch: { fileName: ['boleto.pdf'] } },
	{ label: 'a numeric MIME type', patch: { mimeType: 5 } },
	{ label: 'an object as MIME type', patch: { mimeType: {} } },
	{ label: 'a numeric file extension', patch: { fileExtension: 7 } },
];

/** The operation's valid file in `data`, with some of its metadata replaced. */
export function itemWithMetadata(op: OperationRef, patch: IDataObject): INodeExecutionData {
	const item = binaryInput({ data: inputFileFor(op) });
	Object.assign(item.binary!.data, patch);
	return item;
}

export function inputItem(
	needsFile: boolean,
	op?: OperationRef,
	json: IDataObject = {},
): INodeExecutionData {
	return needsFile ? binaryInput({ data: op ? inputFileFor(op) : INPUT_FILE }, json) : { json };
}

/** A wrong value, as JavaScript source for the expression that gives it to item 1 only. */
export interface BadValue {
	label: string;
	js: string;
}

const b = (label: string, js: string): BadValue => ({ label, js });

/**
 * Ids made only of dots: the URL parser removes such path segments, so sent as they are they would
 * address the collection above the record ("DELETE /queue/." clears the queue). In a body or a
 * query they are harmless (the platform refuses an unknown id); in a path they must be refused.
 */
export const DOT_IDS: BadValue[] = [b('a single dot', '"."'), b('two dots', '".."')];

export const MALFORMED_IDS: BadValue[] = [
	b('path traversal', '"../../x/evil"'),
	b('query injection', '"abc def?y=2&z=3#frag"'),
	b('negative', '"-1"'),
	b('"null" text', '"null"'),
	b('emoji', '"🙂🙂"'),
	b('2,000 characters', '"x".repeat(2000)'),
	...DOT_IDS,
];

/** Wrong types per declared type. */
export function wrongTypes(type: INodeProperties['type']): BadValue[] {
	const common = [b('an object', '({ "a": 1 })'), b('an array', '[1, 2]'), b('null', 'null')];
	switch (type) {
		case 'string':
		case 'options':
		case 'resourceLocator':
			return [...common, b('a number', '12345'), b('a boolean', 'true')];
		case 'number':
			return [
				b('text', '"abc"'),
				b('negative', '-1'),
				b('huge', '1e21'),
				b('NaN', 'NaN'),
				b('a fraction', '0.5'),
				...common,
			];
		case 'boolean':
			return [b('text "yes"', '"yes"'), b('a number', '1'), b('an object', '({ "a": 1 })')];
		case 'multiOptions':
			return [b('text', '"not-a-list"'), b('a list of objects', '[{ "a": 1 }]'), b('null', 'null')];
		case 'json':
			return [
				b('invalid JSON', '"{not json"'),
				b('truncated JSON', '"[1, 2"'),
				b('JSON null', '"null"'),
				b('a JSON number', '"42"'),
				b('an array', '[1, 2]'),
			];
		case 'dateTime':
			return [
				b('not a date', '"amanhã de manhã"'),
				b('impossible date', '"2026-13-45T99:00:00"'),
				b('a number', '-5'),
				b('an object', '({ "a": 1 })'),
			];
		case 'collection':
		case 'fixedCollection':
			return [b('text', '"text"'), b('an array', '[1, 2]'), b('null', 'null')];
		default:
			return common;
	}
}

/** Empty values for a required property, by type. */
export function emptyValues(type: INodeProperties['type']): BadValue[] {
	switch (type) {
		case 'boolean':
			return [];
		case 'multiOptions':
			return [b('an empty list', '[]')];
		case 'collection':
		case 'fixedCollection':
			return [b('empty', '({})')];
		case 'number':
			return [b('empty', '""')];
		default:
			return [b('empty', '""'), b('blank', '"   "')];
	}
}

/** An expression giving item 0 the valid value and item 1 the wrong one. */
export function perItem(good: unknown, bad: BadValue): string {
	return `={{ $itemIndex === 0 ? (${JSON.stringify(good ?? '')}) : (${bad.js}) }}`;
}

/** The same for a resource locator, whose expression sits in `value`. */
export function setMutated(
	parameters: INodeParameters,
	path: string[],
	property: INodeProperties,
	good: unknown,
	bad: BadValue,
): INodeParameters {
	const copy = JSON.parse(JSON.stringify(parameters)) as INodeParameters;
	let target = copy as IDataObject;
	for (const key of path.slice(0, -1)) {
		if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
		target = target[key] as IDataObject;
	}
	const last = path[path.length - 1];
	if (property.type === 'resourceLocator') {
		const goodValue =
			typeof good === 'object' && good !== null ? (good as IDataObject).value : good;
		const mode =
			typeof good === 'object' && good !== null ? ((good as IDataObject).mode ?? 'id') : 'id';
		target[last] = { __rl: true, mode, value: perItem(goodValue, bad) };
	} else {
		target[last] = perItem(good, bad);
	}
	return copy;
}

export interface Mutation {
	label: string;
	parameters: INodeParameters;
	items: INodeExecutionData[];
	/** Must this end in an error (not be accepted)? */
	mustFail: boolean;
	/** A wrong id: its text must never reach a URL path or query unencoded. */
	malformedId?: boolean;
	/**
	 * A dot-only id in a top-level parameter: no request may go to an address the valid item does
	 * not use. (Collection options are left empty for the valid item, so their addresses differ.)
	 */
	dotSegment?: boolean;
}

function isIdLike(property: INodeProperties): boolean {
	return (
		property.type === 'resourceLocator' ||
		/(Id|Ids|^phone|^number|^ticket|^protocol|^members|^phones|^numbers)$/.test(property.name)
	);
}

/**
 * Options inside a collection or fixedCollection property, with their path. In a multiple-value
 * fixedCollection, the first entry the baseline has is the one mutated.
 */
function collectionOptions(
	property: INodeProperties,
	current: unknown,
): Array<{ path: string[]; option: INodeProperties }> {
	if (property.type === 'collection') {
		return ((property.options ?? []) as INodeProperties[]).map((option) => ({
			path: [property.name, option.name],
			option,
		}));
	}
	if (property.type !== 'fixedCollection') return [];
	return ((property.options ?? []) as INodePropertyCollection[]).flatMap((group) => {
		if (!property.typeOptions?.multipleValues)
			return (group.values ?? []).map((option) => ({
				path: [property.name, group.name, option.name],
				option,
			}));
		const entries = (current as IDataObject | undefined)?.[group.name];
		if (!Array.isArray(entries) || entries.length === 0) return [];
		return (group.values ?? []).map((option) => ({
			path: [property.name, group.name, '0', option.name],
			option,
		}));
	});
}

/** Every single-fault variation of a baseline. */
export function mutations(
	description: INodeTypeDescription,
	baseline: Baseline,
	op: OperationRef,
	provide: ValueProvider,
): Mutation[] {
	const result: Mutation[] = [];
	const values = baseline.parameters;
	const items = [inputItem(baseline.needsFile, op), inputItem(baseline.needsFile, op)];
	const add = (
		label: string,
		parameters: INodeParameters,
		mustFail: boolean,
		malformedId = false,
		itemList = items,
		dotSegment = false,
	) =>
		result.push({
			label: `${baseline.variant ? `[${baseline.variant}] ` : ''}${label}`,
			parameters,
			items: itemList,
			mustFail,
			malformedId,
			dotSegment,
		});

	for (const property of visibleProperties(description, values)) {
		if (property.noDataExpression) continue;
		const good = property.name in values ? values[property.name] : property.default;
		const path = [property.name];
		if (property.required) {
			// An output field name may fall back to "data"; every other required value must be there.
			const mustFail = !isOutputBinary(property);
			for (const bad of emptyValues(property.type))
				add(
					`${property.name} ${bad.label}`,
					setMutated(values, path, property, good, bad),
					mustFail,
				);
		}
		if (isIdLike(property) && ['string', 'resourceLocator', 'options'].includes(property.type)) {
			for (const bad of MALFORMED_IDS)
				add(
					`${property.name} malformed (${bad.label})`,
					setMutated(values, path, property, good, bad),
					false,
					true,
					items,
					DOT_IDS.includes(bad),
				);
		}
		// n8n's editor offers no expression for a whole collection, only for the fields inside it.
		if (property.type !== 'collection' && property.type !== 'fixedCollection') {
			for (const bad of wrongTypes(property.type))
				add(
					`${property.name} given ${bad.label}`,
					setMutated(values, path, property, good, bad),
					false,
				);
		}
		if (isInputBinary(property)) {
			// Item 1 carries no file at all, then a file under another name.
			add(`${property.name}: item has no binary data`, values, true, false, [
				items[0],
				{ json: {} },
			]);
			add(`${property.name}: binary property missing`, values, true, false, [
				items[0],
				binaryInput({ other: inputFileFor(op) }),
			]);
			for (const { label, patch } of WRONG_METADATA)
				add(`${property.name}: the file has ${label}`, values, true, false, [
					items[0],
					itemWithMetadata(op, patch),
				]);
		}
		for (const { path: optionPath, option } of collectionOptions(property, good)) {
			// An attachment option stays empty for the valid item, which carries no file.
			const optionGood = isInputBinary(option) ? '' : valueFor(provide, option, values, op);
			const optionLabel = optionPath.join('.');
			for (const bad of wrongTypes(option.type))
				add(
					`${optionLabel} given ${bad.label}`,
					setMutated(values, optionPath, option, optionGood, bad),
					false,
				);
			if (isIdLike(option) && ['string', 'resourceLocator', 'options'].includes(option.type)) {
				for (const bad of [...MALFORMED_IDS.slice(0, 2), ...DOT_IDS])
					add(
						`${optionLabel} malformed (${bad.label})`,
						setMutated(values, optionPath, option, optionGood, bad),
						false,
						true,
					);
			}
			if (isInputBinary(option)) {
				const withFile = setMutated(
					values,
					optionPath,
					option,
					'data',
					b('the same file', '"data"'),
				);
				add(`${optionLabel}: item has no binary data`, withFile, true, false, [
					inputItem(true, op),
					{ json: {} },
				]);
				add(`${optionLabel}: binary property missing`, withFile, true, false, [
					inputItem(true, op),
					binaryInput({ other: inputFileFor(op) }),
				]);
				for (const { label, patch } of WRONG_METADATA)
					add(`${optionLabel}: the file has ${label}`, withFile, true, false, [
						inputItem(true, op),
						itemWithMetadata(op, patch),
					]);
			}
		}
	}
	return result;
}
