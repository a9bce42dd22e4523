import type { N8n } from '../lib/n8n';
import { ourPackage } from '../lib/pkg';
import { Problems } from '../lib/steps';

/** The contract's type names (README: each node's type and credential): users' saved workflows store them. */
export const NODE_TYPES = [
	'plugChat',
	'plugChatTrigger',
	'tomTicket',
	'tomTicketTrigger',
	'digisac',
	'digisacTrigger',
];
export const ACTION_NODE_TYPES = ['plugChat', 'tomTicket', 'digisac'];
export const CREDENTIAL_TYPES = ['plugChatApi', 'tomTicketApi', 'digisacApi'];

interface NodeTypeEntry {
	name: string;
	displayName?: string;
	iconUrl?: string | { light?: string; dark?: string };
	credentials?: Array<{ name: string }>;
}

/** Which of `types` (full node type names) this n8n does not list. */
export async function missingNodeTypes(n8n: N8n, types: string[]): Promise<string[]> {
	const nodes = (await n8n.request('GET', '/types/nodes.json')) as NodeTypeEntry[];
	const names = new Set(nodes.map((n) => n.name));
	return types.filter((type) => !names.has(type));
}

/**
 * Step 1: n8n, with the packed package installed in its community-nodes folder, lists every
 * node (and the `…Tool` variant of every action node: usableAsTool) and every credential under
 * its real type name, and serves the nodes' icons.
 */
export async function checkPackageTypes(n8n: N8n): Promise<string> {
	const prefix = `${ourPackage().name}.`;
	const problems = new Problems();
	const nodes = (await n8n.request('GET', '/types/nodes.json')) as NodeTypeEntry[];
	const credentials = (await n8n.request('GET', '/types/credentials.json')) as Array<{
		name: string;
	}>;
	const ours = nodes.filter((n) => n.name.startsWith(prefix));
	const names = new Set(ours.map((n) => n.name));

	for (const type of NODE_TYPES)
		problems.expect(names.has(prefix + type), `node type ${prefix}${type} is not listed by n8n`);
	for (const type of ACTION_NODE_TYPES) {
		problems.expect(
			names.has(`${prefix}${type}Tool`),
			`AI tool variant ${prefix}${type}Tool is not listed (is usableAsTool set?)`,
		);
	}
	const credentialNames = new Set(credentials.map((c) => c.name));
	for (const type of CREDENTIAL_TYPES)
		problems.expect(credentialNames.has(type), `credential type ${type} is not listed by n8n`);

	for (const entry of ours.filter((n) => NODE_TYPES.includes(n.name.slice(prefix.length)))) {
		const icon = typeof entry.iconUrl === 'string' ? entry.iconUrl : entry.iconUrl?.light;
		if (!problems.expect(icon, `${entry.name} has no icon URL`)) continue;
		const response = await fetch(`${n8n.url}/${icon}`);
		const body = await response.text();
		problems.expect(
			response.ok && body.includes('<svg'),
			`${entry.name}'s icon ${icon} is not served as SVG (HTTP ${response.status})`,
		);
	}
	problems.throwIfAny(
		`n8n loaded ${ours.length} node types of the package (${[...names].join(', ') || 'none'}):\n`,
	);
	return `${ours.length} node types, ${CREDENTIAL_TYPES.length} credential types`;
}
