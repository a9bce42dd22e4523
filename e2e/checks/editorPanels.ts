import { join } from 'path';

import type { EditorSession } from '../lib/editor';
import { Problems } from '../lib/steps';

/**
 * Step 5: panels of nodes added fresh from the nodes panel, as a user meets them (issue 15's
 * browser checks). Each leaves a screenshot of the panel in `outDir`.
 */

/**
 * TomTicket → Ticket → Create a ticket: the Department dropdown lists the fake's departments
 * the first time it is opened, without closing and reopening the panel (n8n used to send the
 * options request before it had put the only credential on the node, and not send it again).
 */
export async function checkTomTicketDepartmentDropdown(
	editor: EditorSession,
	departments: string[],
	outDir: string,
): Promise<string> {
	const answers: string[] = [];
	const onResponse = (response: { url(): string; status(): number }) => {
		if (response.url().includes('/rest/dynamic-node-parameters/options'))
			answers.push(String(response.status()));
	};
	editor.page.on('response', onResponse);
	try {
		const ndv = await editor.addNodeFromPanel({
			search: 'TomTicket',
			item: /^TomTicket$/,
			section: 'Actions',
			action: /^Create a ticket$/,
		});
		const department = ndv.getByTestId('parameter-input-departmentId');
		await department.click();
		let shown: string[] = [];
		// The options may still be on their way: what matters is that they come without reopening.
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			shown = await editor.openDropdownOptions();
			if (departments.every((name) => shown.includes(name))) break;
			await editor.page.waitForTimeout(500);
		}
		await editor.screenshot(join(outDir, 'tomticket-create-department-dropdown.png'));
		const problems = new Problems();
		problems.expect(
			departments.every((name) => shown.includes(name)),
			`the Department dropdown of a fresh TomTicket "Create a ticket" shows ${JSON.stringify(shown)}, expected the fake's departments ${JSON.stringify(departments)} (options requests answered: ${answers.join(', ') || 'none'})`,
		);
		problems.throwIfAny();
		return `Department lists ${shown.join(', ')} (options requests answered: ${answers.join(', ')})`;
	} finally {
		editor.page.off('response', onResponse);
	}
}

/**
 * PlugChat → Send a text message: the Phone Number field's modes carry our labels. n8n shows a
 * resource-locator mode named `id` as "By ID" whatever its display name, so PlugChat's "By
 * Number" read "By ID".
 */
export async function checkPlugChatPhoneModes(
	editor: EditorSession,
	outDir: string,
): Promise<string> {
	const ndv = await editor.addNodeFromPanel({
		search: 'PlugChat',
		item: /^PlugChat$/,
		section: 'Actions',
		action: /^Send a text message$/,
	});
	const phone = ndv.getByTestId('resource-locator-phone');
	const modeSelector = phone.getByTestId('rlc-mode-selector');
	const shownMode = await modeSelector.locator('input').first().inputValue();
	await modeSelector.click();
	const modes = await editor.openDropdownOptions();
	await editor.screenshot(join(outDir, 'plugchat-send-text-phone-modes.png'));
	await editor.page.keyboard.press('Escape');
	const problems = new Problems();
	problems.expect(
		modes.includes('By Number'),
		`the Phone Number modes of a fresh PlugChat "Send a text message" are ${JSON.stringify(modes)} (shown: "${shownMode}"), expected "By Number" among them`,
	);
	problems.expect(
		!modes.includes('By ID'),
		`the Phone Number modes of a fresh PlugChat "Send a text message" include "By ID" (${JSON.stringify(modes)}): a phone number is not an ID`,
	);
	problems.throwIfAny();
	return `Phone Number modes: ${modes.join(', ')} (starts in "${shownMode}")`;
}

/** Toggles a fresh Digisac Trigger must show switched on (what keeps a reply bot from looping or answering system lines). */
const DIGISAC_SAFE_TOGGLES = [
	{ name: 'ignoreOwnMessages', label: 'Ignore Messages Sent by Me' },
	{ name: 'ignoreBotMessages', label: 'Ignore Bot Messages' },
	{ name: 'ignoreGroups', label: 'Ignore Group Chats' },
	{ name: 'ignoreSystemMessages', label: 'Ignore System Messages' },
];

/**
 * A fresh Digisac Trigger (nodes panel → Digisac → On message created) shows its safe filters
 * switched on in the panel: n8n saves only what the panel shows, so a filter inside a closed
 * collection with `default: true` is not applied to a freshly added trigger.
 */
export async function checkDigisacTriggerDefaults(
	editor: EditorSession,
	outDir: string,
): Promise<string> {
	const ndv = await editor.addNodeFromPanel({
		search: 'Digisac',
		item: /^Digisac/,
		section: 'Triggers',
		action: /message created/i,
	});
	await ndv.getByTestId('parameter-input-events').waitFor();
	const events = (await ndv.getByTestId('parameter-input-events').innerText()).trim();
	const toggles: Array<{ label: string; state: 'on' | 'off' | 'not shown' }> = [];
	for (const toggle of DIGISAC_SAFE_TOGGLES) {
		const input = ndv.getByTestId(`parameter-input-${toggle.name}`);
		if (!(await input.count())) {
			toggles.push({ label: toggle.label, state: 'not shown' });
			continue;
		}
		const on =
			(await input
				.first()
				.locator('.is-checked, [aria-checked="true"], input[type="checkbox"]:checked')
				.count()) > 0;
		toggles.push({ label: toggle.label, state: on ? 'on' : 'off' });
	}
	await editor.screenshot(join(outDir, 'digisac-trigger-fresh-defaults.png'));
	const problems = new Problems();
	problems.expect(
		/message created/i.test(events),
		`a fresh Digisac Trigger's Events shows "${events}", expected Message Created`,
	);
	for (const toggle of toggles)
		problems.expect(
			toggle.state === 'on',
			`a fresh Digisac Trigger shows "${toggle.label}" ${toggle.state === 'not shown' ? 'nowhere in its panel' : 'switched off'}; it must be shown switched on`,
		);
	problems.throwIfAny();
	return `Events: ${events}; ${toggles.map((t) => `${t.label}: ${t.state}`).join(', ')}`;
}
