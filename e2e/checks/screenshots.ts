import { mkdirSync } from 'fs';
import { join } from 'path';

import { ensureChromium, screenshotWorkflows } from '../lib/chromium';
import type { N8n } from '../lib/n8n';
import { BROWSER_ID } from '../lib/n8n';
import { ourPackage } from '../lib/pkg';
import { Problems } from '../lib/steps';
import type { ExampleWorkflow } from '../workflows';

/**
 * Step 4: headless Chromium, logged in, opens every example workflow in the editor and saves a
 * screenshot; each canvas must show the example's nodes of our package with their icons drawn
 * (the <img> of /icons/n8n-nodes-atendimento/… loaded).
 */
export async function checkScreenshots(
	n8n: N8n,
	examples: ExampleWorkflow[],
	outDir: string,
	logDir: string,
): Promise<string> {
	mkdirSync(outDir, { recursive: true });
	const logFile = join(logDir, 'chromium.log');
	const chromium = await ensureChromium(logFile);
	const prefix = `${ourPackage().name}.`;
	const targets = examples.map(({ file, workflow }) => {
		const ours = workflow.nodes.filter((node) => node.type.startsWith(prefix));
		return {
			workflowId: workflow.id,
			out: join(outDir, file.replace(/\.json$/, '.png')),
			expectedIcons: ours.length,
			ours,
		};
	});
	const results = await screenshotWorkflows({
		chromium,
		node: n8n.host.nodeBin,
		n8nUrl: n8n.url,
		authCookie: n8n.authCookie,
		browserId: BROWSER_ID,
		targets,
		logFile,
	});
	const problems = new Problems();
	for (const target of targets) {
		const result = results.find((r) => r.workflowId === target.workflowId);
		if (!problems.expect(result, `no screenshot was taken of ${target.workflowId}`) || !result)
			continue;
		const shownTypes = new Set(result.nodes.map((node) => node.type));
		for (const node of target.ours) {
			problems.expect(
				shownTypes.has(node.type),
				`${target.out}: the canvas does not show "${node.name}" (${node.type}); it shows ${[...shownTypes].join(', ') || 'no nodes'}`,
			);
		}
		const loaded = result.icons.filter((icon) => icon.loaded).length;
		problems.expect(
			loaded >= target.expectedIcons,
			`${target.out}: ${loaded} of our icons drawn, expected ${target.expectedIcons} (${JSON.stringify(result.icons)}); page ${result.path}, title "${result.title}"`,
		);
	}
	problems.throwIfAny();
	return `${results.length} screenshots in ${outDir}`;
}
