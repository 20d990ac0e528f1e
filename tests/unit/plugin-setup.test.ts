/**
 * The Starlight plugin's `config:setup`: it brings its own component override, CSS, route middleware
 * and Markdown folder, honours its `content` option, and yields to a site's own override with a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import evidence from '../../src/plugin/index.ts';
import { starlightTocScript } from '../../src/plugin/starlight-files.ts';

type SetupContext = Parameters<
	NonNullable<ReturnType<typeof evidence>['hooks']['config:setup']>
>[0];

/** Runs the hook on a site config and records what the plugin asked Starlight for. */
function setUp(config: Record<string, unknown>, options?: Parameters<typeof evidence>[0]) {
	const updates: Record<string, unknown>[] = [];
	const middleware: string[] = [];
	const integrations: { name: string }[] = [];
	const warn = vi.fn();
	const context = {
		config,
		logger: { warn, info: vi.fn(), error: vi.fn(), debug: vi.fn() },
		updateConfig: (update: Record<string, unknown>) => updates.push(update),
		addRouteMiddleware: ({ entrypoint }: { entrypoint: string }) => middleware.push(entrypoint),
		addIntegration: (integration: { name: string }) => integrations.push(integration),
	} as unknown as SetupContext;
	evidence(options).hooks['config:setup']?.(context);
	return { update: Object.assign({}, ...updates), middleware, integrations, warn };
}

describe('the evidence plugin sets itself up', () => {
	it('adds its MarkdownContent override, CSS and route middleware as files that exist', () => {
		const { update, middleware, integrations, warn } = setUp({ title: 'Site' });
		const files = [...update.customCss, ...middleware];
		expect(files).toHaveLength(4 + 2);
		const overrides = Object.values(update.components as Record<string, string>);
		files.push(...overrides);
		expect(overrides).toHaveLength(6);
		for (const file of files) {
			expect(isAbsolute(file), file).toBe(true);
			expect(existsSync(file), file).toBe(true);
		}
		expect(update.customCss.map((file: string) => file.split('/').pop())).toEqual([
			'site.css',
			'heading-links.css',
			'search.css',
			'print.css',
		]);
		expect(integrations.map((i) => i.name)).toEqual(['ketamine-pain-evidence']);
		expect(warn).not.toHaveBeenCalled();
	});

	it('keeps the site’s other overrides and CSS, and renders the folder named by `content`', () => {
		const { update } = setUp(
			{
				components: { Footer: './src/components/SiteFooter.astro' },
				customCss: ['./site.css'],
				markdown: { processedDirs: ['./notes/'] },
			},
			{ content: './pages/' },
		);
		expect(update.components.Footer).toBe('./src/components/SiteFooter.astro');
		expect(update.customCss[0]).toBe('./site.css');
		expect(update.markdown.processedDirs).toEqual(['./notes/', './pages/']);
	});

	it('turns off Starlight’s heading links, which its own Markdown plugins make leaner', () => {
		expect(setUp({}).update.markdown.headingLinks).toBe(false);
		expect(setUp({ markdown: { headingLinks: false } }).update.markdown.headingLinks).toBe(false);
	});

	it('does not list the content folder twice', () => {
		const { update } = setUp({ markdown: { processedDirs: ['./content/'] } });
		expect(update.markdown.processedDirs).toEqual(['./content/']);
	});

	it('leaves a site’s own MarkdownContent override in place and says what pages lose', () => {
		const { update, warn } = setUp({
			components: { MarkdownContent: './src/MyContent.astro' },
		});
		expect(update.components.MarkdownContent).toBe('./src/MyContent.astro');
		expect(warn).toHaveBeenCalledOnce();
		expect(warn.mock.calls[0]?.[0]).toMatch(/already overrides Starlight's `MarkdownContent`/);
		expect(warn.mock.calls[0]?.[0]).toMatch(/MarkdownContent\.astro from it/);
	});
});

describe('the leaner tables of contents', () => {
	it('find Starlight’s own `starlight-toc` script in the installed Starlight', () => {
		const script = readFileSync(starlightTocScript(process.cwd()), 'utf8');
		expect(script).toContain('customElements.define("starlight-toc"');
		expect(script).toMatch(/export \{ StarlightTOC \}/);
	});
});
