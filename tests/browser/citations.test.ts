import { describe, expect, inject, it } from 'vitest';
import { phone, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('citation previews in Chromium', () => {
	it('show the short reference on keyboard focus and on hover, without any script', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		// The first citation of a reference carries its preview (the At a glance copy above it does not).
		const link = page.locator('main .kpe-cite-link:has(.kpe-cite-preview)').first();
		const preview = link.locator('.kpe-cite-preview');
		const size = async () => (await preview.boundingBox())?.height ?? 0;
		expect(await size()).toBeLessThanOrEqual(1);

		await link.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab'); // focus-visible comes from keyboard focus
		expect(await size()).toBeGreaterThan(20);
		expect(await preview.innerText()).toMatch(
			/Noppers I et al\. 2011\. Absence of long-term analgesic effect/,
		);

		await page.mouse.click(5, 5);
		await page.locator('main h1').focus();
		await link.hover();
		expect(await size()).toBeGreaterThan(20);
		await page.close();
	});

	it.each(['/conditions/fibromyalgia/', '/conditions/crps/'])(
		"%s: give screen readers each citation's number and reference, and the reference's text once",
		async (path) => {
			const page = await browser().context.newPage();
			await page.goto(`${baseURL}${path}`);
			// What Chromium's accessibility tree holds (what a screen reader gets), not a re-computation.
			const cdp = await page.context().newCDPSession(page);
			const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
			const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
				nodeId: root.nodeId,
				selector: 'main .kpe-cite-link',
			});
			const heard: { role: unknown; name: unknown; description: unknown }[] = [];
			for (const nodeId of nodeIds) {
				const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
					nodeId,
					fetchRelatives: false,
				});
				const [node] = nodes;
				heard.push({
					role: node!.role?.value,
					name: node!.name?.value,
					description: node!.description?.value ?? '',
				});
			}
			// One reference: the link is named by its preview ("1. Noppers I et al. 2011. …"). A range:
			// named by the numbers it shows ("6–8"), described by the previews of the references it covers.
			const expected = await page.evaluate(() =>
				[...document.querySelectorAll('main .kpe-cite-link')].map((a) => {
					const text = (attribute: string) =>
						(a.getAttribute(attribute) ?? '')
							.split(' ')
							.filter(Boolean)
							.map((id) => document.getElementById(id)!.textContent)
							.join(' ');
					const shown = a.firstChild!.textContent!;
					return /–/.test(shown)
						? {
								role: 'link',
								name: shown.replace(/[[\]]/g, ''),
								description: text('aria-describedby'),
							}
						: { role: 'link', name: text('aria-labelledby'), description: '' };
				}),
			);
			expect(heard.length).toBeGreaterThan(20);
			expect(heard).toEqual(expected);
			expect(heard.filter((h) => /^\d+\. \p{Lu}/u.test(String(h.name))).length).toBeGreaterThan(20);
			// The previews are heard as names and descriptions only, never again as text of their own.
			const previews = await page.evaluate(() =>
				[...document.querySelectorAll('main .kpe-cite-preview')].map((p) => p.textContent),
			);
			const { nodes } = await cdp.send('Accessibility.getFullAXTree');
			const texts = nodes.filter(
				(n) => n.role?.value === 'StaticText' && previews.includes(String(n.name?.value)),
			);
			expect(texts.map((n) => n.name?.value)).toEqual([]);
			await page.close();
		},
	);

	it('show a later citation of a reference the same preview on keyboard focus and on hover', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		// Later citations hold no preview of their own: the script copies in the first one's.
		await page.evaluate(() => {
			const later = [...document.querySelectorAll('main p .kpe-cite-link')].filter(
				(a) => !a.querySelector('.kpe-cite-preview'),
			);
			later[0]!.setAttribute('data-test-later', 'focus');
			later[1]!.setAttribute('data-test-later', 'hover');
		});
		for (const how of ['focus', 'hover'] as const) {
			const later = page.locator(`[data-test-later="${how}"]`);
			await later.scrollIntoViewIfNeeded();
			if (how === 'focus') {
				await later.focus();
				await page.keyboard.press('Shift+Tab');
				await page.keyboard.press('Tab'); // focus-visible comes from keyboard focus
			} else {
				await page.locator('main h1').focus();
				await later.hover();
			}
			const shown = await later.evaluate((a) => {
				const preview = a.querySelector('.kpe-cite-preview');
				const named = (a.getAttribute('aria-labelledby') ?? a.getAttribute('aria-describedby'))!
					.split(' ')
					.map((id) => document.getElementById(id)!.textContent)
					.join(' ');
				return {
					height: preview?.getBoundingClientRect().height ?? 0,
					text: preview?.textContent,
					named,
					hidden: preview?.getAttribute('aria-hidden'),
				};
			});
			expect(shown.height, how).toBeGreaterThan(20);
			expect(shown.text, how).toBe(shown.named);
			expect(shown.hidden, how).toBe('true');
		}
		await page.close();
	});

	it('jump to the bibliography entry and back', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		const hashIs = (hash: string) => page.waitForFunction((h) => location.hash === h, hash);
		await page.locator('main .kpe-cite-link').first().click();
		await hashIs('#ref-noppers2011absence');
		await page.locator('#ref-noppers2011absence a.kpe-backlink').first().click();
		await hashIs('#cite-1');
		await page.close();
	});

	it('unfold "cited N times" into every later back-link, each going to its place, and fold it again', async () => {
		const page = await browser().context.newPage();
		await page.goto(`${baseURL}/conditions/crps/`);
		const entry = page.locator('ol.kpe-references > li:has(button.kpe-backlinks-more)').first();
		const button = entry.locator('button.kpe-backlinks-more');
		const count = Number(/cited (\d+) times/.exec(await button.innerText())![1]);
		// Folded, the later back-links are not in the page.
		expect(await entry.locator('a.kpe-backlink').count()).toBe(3);
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await button.click();
		await entry
			.locator('a.kpe-backlink')
			.nth(count - 1)
			.waitFor();
		expect(await entry.locator('a.kpe-backlink').count()).toBe(count);
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		const controlled = (await button.getAttribute('aria-controls'))!;
		expect(await page.locator(`#${controlled} a.kpe-backlink`).count()).toBe(count - 3);
		const later = entry.locator('a.kpe-backlink').last();
		expect(await later.getAttribute('aria-label')).toMatch(
			new RegExp(`^Back to citation \\d+, place ${count} in the text$`),
		);
		// Pressed again (by keyboard), the button folds them away.
		await button.focus();
		await page.keyboard.press('Enter');
		await later.waitFor({ state: 'hidden' });
		expect(await button.getAttribute('aria-expanded')).toBe('false');
		await button.click();
		await later.waitFor();
		const href = (await later.getAttribute('href'))!;
		await later.click();
		await page.waitForFunction((h) => location.hash === h, href);
		expect(await page.locator(href).count()).toBe(1);
		await page.close();
	});

	it.each([
		['desktop', undefined],
		['phone', phone(390)],
	] as const)(
		'inside a table, show the whole preview on %s (the scroll box never clips it)',
		async (_, options) => {
			const context = options ? await browser().newContext(options) : browser().context;
			const page = await context.newPage();
			await page.goto(`${baseURL}/conditions/fibromyalgia/`);
			// The summary of findings cites only references cited above it, so its citations show a
			// copy of the first one's preview on focus (a fixed-position box, which a scroll box cannot
			// clip): checked here.
			const later = page.locator('main .kpe-sof-table .kpe-cite-link').first();
			await later.scrollIntoViewIfNeeded();
			await later.focus();
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Tab');
			const shown = await later.evaluate((a) => {
				const preview = a.querySelector('.kpe-cite-preview');
				return {
					position: preview && getComputedStyle(preview).position,
					text: preview?.textContent,
					named: (a.getAttribute('aria-labelledby') ?? a.getAttribute('aria-describedby'))!
						.split(' ')
						.map((id) => document.getElementById(id)!.textContent)
						.join(' '),
				};
			});
			expect(shown.position).toBe('fixed');
			expect(shown.text).toBe(shown.named);
			for (const table of ['.kpe-evidence']) {
				// The first citation of a reference in the table carries its preview (one per page).
				const link = page.locator(`main ${table} .kpe-cite-link:has(.kpe-cite-preview)`).first();
				await link.scrollIntoViewIfNeeded();
				await link.hover();
				// Every corner of the preview is the topmost thing on screen at that point: not clipped.
				const hidden = await link.evaluate((a) => {
					const preview = a.querySelector('.kpe-cite-preview')!;
					const r = preview.getBoundingClientRect();
					const corners = [
						[r.left + 2, r.top + 2],
						[r.right - 2, r.top + 2],
						[r.left + 2, r.bottom - 2],
						[r.right - 2, r.bottom - 2],
					];
					return r.height < 20
						? ['preview not shown']
						: corners
								.filter(([x, y]) => !preview.contains(document.elementFromPoint(x!, y!)))
								.map(([x, y]) => `${Math.round(x!)},${Math.round(y!)}`);
				});
				expect(hidden, `${table} preview corners hidden`).toEqual([]);
			}
			await page.close();
			if (options) await context.close();
		},
	);

	it.each([
		['desktop', undefined],
		['phone', phone(390)],
	] as const)(
		'are targets of at least 24 × 24 px on %s (WCAG 2.2 target size)',
		async (_, options) => {
			const context = options ? await browser().newContext(options) : browser().context;
			const page = await context.newPage();
			const small: string[] = [];
			for (const path of ['/conditions/fibromyalgia/', '/topics/safety/']) {
				await page.goto(`${baseURL}${path}`);
				const sizes = await page.evaluate(() =>
					[...document.querySelectorAll('main .kpe-cite-link')].map((a) => {
						const r = a.getBoundingClientRect();
						return { text: a.firstChild?.textContent ?? '', width: r.width, height: r.height };
					}),
				);
				expect(sizes.length).toBeGreaterThan(10);
				for (const { text, width, height } of sizes)
					if (width < 23.9 || height < 23.9)
						small.push(`${path} [${text}]: ${width.toFixed(1)} × ${height.toFixed(1)} px`);
			}
			await page.close();
			if (options) await context.close();
			expect([...new Set(small)].slice(0, 10)).toEqual([]);
		},
	);

	it('on a touch screen, show the preview on the first tap and follow the link on the second', async () => {
		const context = await browser().newContext(phone(390));
		const page = await context.newPage();
		await page.goto(`${baseURL}/conditions/fibromyalgia/`);
		const link = page.locator('main p .kpe-cite-link:has(.kpe-cite-preview)').first();
		await link.scrollIntoViewIfNeeded();
		await link.tap();
		expect(new URL(page.url()).hash).toBe('');
		// Waits on the page itself (vitest's expect.poll gives up after one second).
		const preview = await link.locator('.kpe-cite-preview').elementHandle();
		await page.waitForFunction((el) => el!.getBoundingClientRect().height > 20, preview);
		await link.tap();
		await page.waitForFunction(() => location.hash.startsWith('#ref-'));
		await context.close();
	});

	it.each(['/conditions/crps/', '/topics/safety/', '/conditions/fibromyalgia/'])(
		'%s: a preview near the right edge stays inside the content column at 1280 px',
		async (path) => {
			const page = await browser().context.newPage();
			await page.goto(`${baseURL}${path}`);
			// The citation furthest right in running text (not in a table's scroll box).
			const index = await page.evaluate(() => {
				const links = [
					...document.querySelectorAll('main .sl-markdown-content p .kpe-cite-link'),
				].filter((a) => a.querySelector('.kpe-cite-preview') && !a.closest('table'));
				let best = 0;
				links.forEach((a, i) => {
					if (a.getBoundingClientRect().right > links[best]!.getBoundingClientRect().right)
						best = i;
				});
				links.forEach((a, i) => a.toggleAttribute('data-test-rightmost', i === best));
				return best;
			});
			expect(index).toBeGreaterThanOrEqual(0);
			const link = page.locator('[data-test-rightmost]');
			await link.scrollIntoViewIfNeeded();
			await link.hover();
			const problems = await link.evaluate((a) => {
				const preview = a.querySelector('.kpe-cite-preview')!;
				const column = a.closest('.sl-markdown-content')!.getBoundingClientRect();
				const r = preview.getBoundingClientRect();
				if (r.height < 20) return ['preview not shown'];
				const out: string[] = [];
				if (r.right > column.right + 1 || r.left < column.left - 1)
					out.push(
						`preview ${Math.round(r.left)}–${Math.round(r.right)} px, column ${Math.round(column.left)}–${Math.round(column.right)} px`,
					);
				for (const [x, y] of [
					[r.left + 2, r.top + 2],
					[r.right - 2, r.top + 2],
					[r.right - 2, r.bottom - 2],
				])
					if (!preview.contains(document.elementFromPoint(x!, y!)))
						out.push(`hidden at ${Math.round(x!)},${Math.round(y!)}`);
				return out;
			});
			await page.close();
			expect(problems).toEqual([]);
		},
	);
});
