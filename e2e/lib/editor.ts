import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

/**
 * The real n8n editor in Debian's Chromium, driven by playwright-core (a devDependency; it never
 * downloads a browser: `executablePath` is the system Chromium that e2e/lib/chromium.ts finds or
 * installs). Logged in with the session cookie of the REST login, like the screenshots.
 */
export class EditorSession {
	private constructor(
		private readonly browser: Browser,
		private readonly context: BrowserContext,
		readonly page: Page,
		readonly n8nUrl: string,
	) {}

	static async open(options: {
		chromium: string;
		n8nUrl: string;
		authCookie: string;
		/** The browser-id header the login used (n8n binds the session to it). */
		browserId: string;
	}): Promise<EditorSession> {
		// n8n's editor marks its elements with data-test-id (its own Playwright suite does the same).
		selectors.setTestIdAttribute('data-test-id');
		const browser = await chromium.launch({
			executablePath: options.chromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'],
		});
		try {
			const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
			await context.addCookies([
				{ name: 'n8n-auth', value: options.authCookie, url: options.n8nUrl, httpOnly: true },
			]);
			// n8n ties the session to the browser id the login sent; the editor sends it from localStorage.
			await context.addInitScript({
				content: `localStorage.setItem('n8n-browserId', ${JSON.stringify(options.browserId)});`,
			});
			const page = await context.newPage();
			// The machine may be loaded (CI shares it): the editor's first paint can take a while.
			page.setDefaultTimeout(60_000);
			return new EditorSession(browser, context, page, options.n8nUrl);
		} catch (error) {
			await browser.close();
			throw error;
		}
	}

	/**
	 * A new workflow, then the nodes panel as a user opens it: search `search`, pick the node
	 * `item`, open the `section` ("Actions" or "Triggers") if it is folded, pick `action`. n8n adds
	 * the node (with a Manual Trigger first for an action) and opens its panel.
	 */
	async addNodeFromPanel(spec: {
		search: string;
		item: RegExp;
		section: 'Actions' | 'Triggers';
		action: RegExp;
	}): Promise<Locator> {
		const { page } = this;
		await page.goto(`${this.n8nUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill(spec.search);
		await page.getByTestId('node-creator-item-name').filter({ hasText: spec.item }).first().click();
		const creator = page.getByTestId('node-creator');
		const action = creator.getByText(spec.action);
		await creator
			.getByText(new RegExp(`^${spec.section} \\(\\d+\\)$`))
			.first()
			.waitFor();
		if (!(await action.first().isVisible()))
			await creator
				.getByText(new RegExp(`^${spec.section} \\(\\d+\\)$`))
				.first()
				.click();
		await action.first().click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		return ndv;
	}

	async screenshot(path: string): Promise<void> {
		await this.page.screenshot({ path });
	}

	/** The texts of the options of the dropdown that is open now. */
	async openDropdownOptions(): Promise<string[]> {
		const popper = this.page.locator('.el-popper:visible, .el-select-dropdown:visible').last();
		await popper.waitFor();
		return (
			await popper.locator('.el-select-dropdown__item, .el-select-dropdown__empty').allInnerTexts()
		).map((text) => text.trim());
	}

	async close(): Promise<void> {
		await this.context.close().catch(() => undefined);
		await this.browser.close();
	}
}
