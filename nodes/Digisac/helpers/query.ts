import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { parseJson } from '../../shared/parameters';

import { phoneSearchVariants } from './recipients';

/**
 * Digisac's list filter: the JSON in `query=` (Sequelize-style `where`, `include`, `order`...).
 * The node builds one from its filter fields and merges the user's raw query into it.
 */
export interface DigisacQuery extends IDataObject {
	where?: IDataObject;
	include?: Array<string | IDataObject>;
	order?: Array<[string, string]>;
}

/** `%term%` for `$iLike`, with the LIKE wildcards in the term taken literally. */
export function likePattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Lower case without accents or other marks: "João" → "joao", "Conceição" → "conceicao". */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters Portuguese also writes with an accent or cedilla (á à â ã é ê í ó ô õ ú ü ç). */
const ACCENTABLE = /^[aeiouc]$/;

/**
 * `%term%` for `$iLike` that matches the term whatever its accents, on a database without
 * `unaccent`: PostgreSQL's ILIKE ignores case, not accents ("joao" misses "João"). Each letter
 * that has accented forms, and each accented letter typed, becomes `_` (any one character), the
 * rest is literal. The pattern also matches other names ("jo_o" matches "Joana"): pair it with
 * containsIgnoringAccents on the answer. GUESS: names are stored composed (NFC, "ã" one
 * character), as typed on phones and in browsers; a decomposed "a" + "~" would take two.
 */
export function accentInsensitivePattern(term: string): string {
	let pattern = '';
	for (const char of Array.from(term)) {
		const folded = foldText(char);
		if (ACCENTABLE.test(folded) || folded !== char.toLowerCase()) pattern += '_';
		else pattern += char.replace(/[\\%_]/g, (c) => `\\${c}`);
	}
	return `%${pattern}%`;
}

/** Whether the text contains the term, ignoring case and accents. */
export function containsIgnoringAccents(text: unknown, term: string): boolean {
	return typeof text === 'string' && foldText(text).includes(foldText(term));
}

/**
 * A search by name or number: the `$or` conditions to send and the check that drops what the
 * accent-blind pattern let through. `nameFields` are the record's text fields searched.
 */
export function nameOrNumberSearch(
	term: string,
	nameFields: string[],
): { conditions: IDataObject[]; keep: (record: IDataObject) => boolean } {
	const pattern = accentInsensitivePattern(term);
	const conditions: IDataObject[] = nameFields.map((field) => ({ [field]: { $iLike: pattern } }));
	// Numbers are stored as digits only, so "+55 (11) 9..." must match by its digits.
	const digits = term.replace(/\D/g, '');
	const variants = digits.length >= 3 ? phoneSearchVariants(digits) : [];
	if (variants.length) conditions.push(...phoneConditions(digits));
	const keep = (record: IDataObject) => {
		const number = isObject(record.data) ? record.data.number : undefined;
		if (typeof number === 'string' && variants.some((variant) => number.includes(variant)))
			return true;
		if (nameFields.some((field) => containsIgnoringAccents(record[field], term))) return true;
		// A record without the searched fields (a raw query's `attributes`) cannot be checked.
		return typeof number !== 'string' && nameFields.every((field) => record[field] == null);
	};
	return { conditions, keep };
}

/** `data.number` conditions for the digits of a search term, both 9th-digit forms of a mobile. */
export function phoneConditions(digits: string): IDataObject[] {
	return phoneSearchVariants(digits).map((variant) => ({
		'data.number': { $iLike: likePattern(variant) },
	}));
}

function includeModel(include: string | IDataObject): string | undefined {
	if (typeof include === 'string') return include;
	return typeof include.model === 'string' ? include.model : undefined;
}

/**
 * Adds an include; an include of the same model already there is merged with it (its `where`
 * combined, `required` kept if either asks for it), so one association is never joined twice.
 */
export function addInclude(query: DigisacQuery, include: string | IDataObject): DigisacQuery {
	const list = (query.include ??= []);
	const model = includeModel(include);
	const index =
		model === undefined ? -1 : list.findIndex((existing) => includeModel(existing) === model);
	if (index < 0) {
		list.push(include);
		return query;
	}
	const existing = list[index];
	const left: IDataObject = typeof existing === 'string' ? { model: existing } : existing;
	const right: IDataObject = typeof include === 'string' ? { model: include } : include;
	const merged: IDataObject = { ...left, ...right };
	if (left.required || right.required) merged.required = true;
	if (isObject(left.where) && isObject(right.where))
		merged.where = mergeWhere(left.where, right.where);
	if (Array.isArray(left.include) && Array.isArray(right.include))
		merged.include = [...left.include, ...right.include];
	list[index] = merged;
	return query;
}

/** Both conditions must hold: keys are merged, and a key both sides constrain is combined with $and. */
function mergeWhere(left: IDataObject, right: IDataObject): IDataObject {
	const clash = Object.keys(right).some((key) => key in left);
	if (!clash) return { ...left, ...right };
	return { $and: [left, right] };
}

/**
 * The filter fields' query and the user's raw query together: `where` conditions are all kept
 * (combined with $and where they touch the same key), includes are added, any other key of the
 * raw query (`order`, `attributes`, `distinct`...) wins over the node's.
 */
export function mergeQuery(built: DigisacQuery, raw: IDataObject | undefined): DigisacQuery {
	if (!raw) return built;
	const result: DigisacQuery = { ...built };
	for (const [key, value] of Object.entries(raw)) {
		if (key === 'where' && isObject(value)) {
			result.where = built.where ? mergeWhere(built.where, value) : value;
		} else if (key === 'include' && Array.isArray(value)) {
			result.include = [...(built.include ?? [])];
			for (const include of value as Array<string | IDataObject>) addInclude(result, include);
		} else {
			result[key] = value;
		}
	}
	return result;
}

/**
 * Reads the raw `query` option: a JSON object, or a clear error. `page` and `perPage` are the
 * node's paging and are taken out so they cannot fight with it.
 */
export function readRawQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterPath = 'options.query',
	{ keepPaging = false } = {},
): IDataObject | undefined {
	const value = context.getNodeParameter(parameterPath, itemIndex, '') as unknown;
	const parsed = parseJson<unknown>(context, value, 'Query (JSON)', itemIndex);
	if (parsed === undefined) return undefined;
	if (!isObject(parsed)) {
		throw new NodeOperationError(context.getNode(), '"Query (JSON)" must be a JSON object', {
			itemIndex,
			description:
				'Give an object such as {"where": {"isOpen": true}, "order": [["updatedAt", "DESC"]]}.',
		});
	}
	if (keepPaging) return parsed;
	const { page: _page, perPage: _perPage, ...rest } = parsed;
	return rest;
}

/** The `query=` parameter for a query object, or nothing when the query is empty. */
export function queryParameter(query: DigisacQuery): IDataObject {
	const meaningful = Object.entries(query).filter(([, value]) => {
		if (value === undefined) return false;
		if (Array.isArray(value)) return value.length > 0;
		if (isObject(value)) return Object.keys(value).length > 0;
		return true;
	});
	if (meaningful.length === 0) return {};
	return { query: JSON.stringify(Object.fromEntries(meaningful)) };
}

/** An ISO timestamp from an n8n date parameter (string, Date or Luxon DateTime). */
export function toIsoDate(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text =
		typeof value === 'object' &&
		value !== null &&
		'toISO' in value &&
		typeof (value as { toISO: unknown }).toISO === 'function'
			? String((value as { toISO: () => string }).toISO())
			: value instanceof Date
				? value.toISOString()
				: String(value);
	const time = Date.parse(text);
	if (Number.isNaN(time)) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a valid date`, {
			itemIndex,
			description: `Item ${itemIndex} gave ${JSON.stringify(text)}. Use a date such as 2024-07-01 or 2024-07-01T00:00:00Z.`,
		});
	}
	return new Date(time).toISOString();
}

/** Refuses a period whose start is after its end (the vendor's own example has that mistake). */
export function checkPeriod(
	context: IExecuteFunctions,
	start: string | undefined,
	end: string | undefined,
	itemIndex: number,
): void {
	if (start && end && Date.parse(start) > Date.parse(end)) {
		throw new NodeOperationError(context.getNode(), 'The start of the period is after its end', {
			itemIndex,
			description: `Start ${start} is later than end ${end}. Swap them.`,
		});
	}
}
