import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Sorted as n8n's lint rules want options and collection fields: alphabetically, ignoring case.
 * A plain comparison of lower-cased names gives their order for names made of letters and
 * spaces (the description tests run the rule itself on the dropdowns built this way), without
 * localeCompare, whose first use loads ICU collation (~14 ms) while n8n loads the package.
 */
export function alphabetical<T>(items: T[], nameOf: (item: T) => string): T[] {
	const key = (item: T) => nameOf(item).toLowerCase();
	return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The Options collection of an operation: optional settings, "Add option". */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add option', options);
}

/** The Filters collection of a Get Many: optional conditions, "Add Filter". */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}

/** The Additional Fields collection of a create: optional fields, "Add Field". */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Additional Fields', 'additionalFields', 'Add Field', options);
}

/** The Update Fields collection of an update: the fields to change, "Add Field". */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Update Fields', 'updateFields', 'Add Field', options);
}

/** The standard Return All + Limit pair of a Get Many operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/**
 * Shows properties only for the given resource/operation, like n8n-workflow's
 * updateDisplayOptions. That one deep-clones every property with lodash.merge, which took about a
 * third of the time n8n spends loading this package; a shallow copy with the `show`/`hide`
 * conditions merged gives the same descriptions.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const merged: IDisplayOptions = { ...property.displayOptions };
		if (displayOptions.show)
			merged.show = { ...property.displayOptions?.show, ...displayOptions.show };
		if (displayOptions.hide)
			merged.hide = { ...property.displayOptions?.hide, ...displayOptions.hide };
		return { ...property, displayOptions: merged };
	});
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * A dropdown's description: what it is for, then n8n's standard hint that an expression can give
 * the ID instead (the sentence n8n's lint rules ask for on every list fed by the API).
 */
function withListHint(text: string, many = false): string {
	const hint = many
		? `Choose from the list, or specify IDs using an ${EXPRESSION_LINK}`
		: `Choose from the list, or specify an ID using an ${EXPRESSION_LINK}`;
	// Alone, the hint is n8n's standard sentence; after a sentence of our own it ends like one.
	return text ? `${text.replace(/\.+$/, '')}. ${hint}.` : hint;
}

/** A dropdown whose choices a loadOptions method of the node lists. */
interface DropdownSpec {
	name: string;
	/** What is picked: "Department" is shown as "Department Name or ID" ("Names or IDs"). */
	label: string;
	/** What the field is for; the standard hint follows it. */
	description: string;
	/** The node's loadOptions method. */
	method: string;
	/** Parameters whose value the list depends on: it is reloaded when they change. */
	dependsOn?: string[];
	required?: boolean;
}

/**
 * Every dropdown fed by the API is declared here, one choice (`options`) or several
 * (`multiOptions`), so a setting all of them need is added in one place.
 *
 * Why a new node can show "Error fetching options", and why no setting here can prevent it
 * (n8n-io/n8n packages/frontend/editor-ui/src/components/ParameterInput.vue at 01c193a6; the
 * same logic is in n8n 2.40.7's built editor, ParameterInputList-*.js):
 * - The field loads its options from `watch(() => node.value?.credentials, …, { immediate: true })`
 *   and from `watch(dependentParametersValues, …)`, the resolved values of `loadOptionsDependsOn`.
 * - `loadRemoteParameterOptions()` returns at once while a load is in flight
 *   (`if (… remoteParameterOptionsLoading.value …) return`), so a reload asked for then is lost.
 * - On a new node the panel opens before NodeCredentials.vue has picked the only credential (in
 *   2.40.7 its auto-select waits for `hasFetchedUsableCredentials`): the first load
 *   goes out without a credential, the credential arrives while it is in flight, and the reload
 *   its watcher asks for is dropped. A review comment on n8n-io/n8n pull request 33820 (July 2026)
 *   says the same of the current editor: "loadRemoteParameterOptions() is guarded by
 *   remoteParameterOptionsLoading, so this watcher's reload can be a no-op".
 * - `loadOptionsDependsOn` cannot help: picking the credential changes no parameter value
 *   (NodeCredentials.vue onCredentialSelected emits `credentials` only), and displayOptions
 *   cannot depend on a credential.
 * Resource locators do not have the race: their list loads when it is opened and again after an
 * error (ResourceLocator.vue onInputFocus → loadInitialResources). For these dropdowns the
 * transport's answer to a list asked for without a credential says what to do instead (choose
 * "Refresh List"; transport.ts).
 */
function dropdown(type: 'options' | 'multiOptions', spec: DropdownSpec): INodeProperties {
	const many = type === 'multiOptions';
	const property: INodeProperties = {
		displayName: `${spec.label} ${many ? 'Names or IDs' : 'Name or ID'}`,
		name: spec.name,
		type,
		typeOptions: {
			loadOptionsMethod: spec.method,
			...(spec.dependsOn ? { loadOptionsDependsOn: spec.dependsOn } : {}),
		},
		default: many ? [] : '',
		description: withListHint(spec.description, many),
	};
	// Only `required: true` is said: false is n8n's default, and its lint rule asks to leave it out.
	if (spec.required) property.required = true;
	return property;
}

/** A dropdown of one record (an ID) listed by the node's loadOptions method. */
export function select(spec: DropdownSpec): INodeProperties {
	return dropdown('options', spec);
}

/** A multi-select of records (a list of IDs) listed by the node's loadOptions method. */
export function multiSelect(spec: Omit<DropdownSpec, 'required'> & { required?: boolean }) {
	return dropdown('multiOptions', spec);
}

/** A way to give a resource locator's value besides picking it from the list. */
export interface LocatorMode {
	/** "id", "protocol": the mode's name in saved workflows. */
	name: string;
	displayName: string;
	placeholder?: string;
	hint?: string;
	/** A pattern the typed value must match, and the message shown when it does not. */
	validate?: { regex: string; errorMessage: string };
}

/**
 * A resource locator: pick the record from a searchable list (a listSearch method of the node),
 * or type it in one of the other modes (also as an expression).
 */
export function locator(spec: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: string;
	/** Shown in the list mode before anything is picked ("Select a ticket..."). */
	listPlaceholder?: string;
	modes: LocatorMode[];
	/** The mode a new field starts in; the list unless said otherwise. */
	defaultMode?: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: spec.defaultMode ?? 'list', value: '' },
		// Required unless said otherwise; false is n8n's default, so it is left out.
		...(spec.required === false ? {} : { required: true }),
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				...(spec.listPlaceholder ? { placeholder: spec.listPlaceholder } : {}),
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			...spec.modes.map(({ validate, ...mode }) => ({
				...mode,
				type: 'string' as const,
				...(validate ? { validation: [{ type: 'regex' as const, properties: validate }] } : {}),
			})),
		],
	};
}
