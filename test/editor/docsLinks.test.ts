/**
 * Each node's "Docs" link (codex `resources.primaryDocumentation`) and each credential's
 * documentation link open that node's or credential's section of the README, on the repository
 * package.json names in `homepage`; every anchor exists in the README as GitHub builds them.
 */
import * as fs from 'fs';
import * as path from 'path';

import { DigisacApi } from '../../credentials/DigisacApi.credentials';
import { PlugChatApi } from '../../credentials/PlugChatApi.credentials';
import { TomTicketApi } from '../../credentials/TomTicketApi.credentials';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	homepage: string;
};
const base = pkg.homepage.replace(/#readme$/, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function readmeAnchors(): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	let inCode = false;
	for (const line of fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n')) {
		if (line.startsWith('```')) inCode = !inCode;
		const heading = !inCode && /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const slug = heading[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

function codex(file: string) {
	return JSON.parse(fs.readFileSync(path.join(root, 'nodes', file), 'utf8')) as {
		resources: {
			primaryDocumentation: Array<{ url: string }>;
			credentialDocumentation: Array<{ url: string }>;
		};
	};
}

const anchors = readmeAnchors();

describe.each([
	['TomTicket/TomTicket.node.json', 'tomticket', 'tomticket-credential'],
	['TomTicket/TomTicketTrigger.node.json', 'tomticket-trigger', 'tomticket-credential'],
	['PlugChat/PlugChat.node.json', 'plugchat', 'plugchat-credential'],
	['PlugChat/PlugChatTrigger.node.json', 'plugchat-trigger', 'plugchat-credential'],
	['Digisac/Digisac.node.json', 'digisac', 'digisac-credential'],
	['Digisac/DigisacTrigger.node.json', 'digisac-trigger', 'digisac-credential'],
])('%s', (file, nodeAnchor, credentialAnchor) => {
	it(`links to ${base}#${nodeAnchor}, and its credential to #${credentialAnchor}`, () => {
		const { resources } = codex(file);
		expect(resources.primaryDocumentation).toEqual([{ url: `${base}#${nodeAnchor}` }]);
		expect(resources.credentialDocumentation).toEqual([{ url: `${base}#${credentialAnchor}` }]);
		expect(anchors).toContain(nodeAnchor);
		expect(anchors).toContain(credentialAnchor);
	});
});

it.each([
	['tomticket-credential', new TomTicketApi()],
	['plugchat-credential', new PlugChatApi()],
	['digisac-credential', new DigisacApi()],
])('the credential links to its README section #%s', (anchor, credential) => {
	expect(credential.documentationUrl).toBe(`${base}#${anchor}`);
	expect(anchors).toContain(anchor);
});
