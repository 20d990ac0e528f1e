declare module 'virtual:ketamine-pain-evidence' {
	/** The evidence checked once for this build (see src/plugin/snapshot.ts). */
	export const evidence: import('../engine/check/check-project.ts').Evidence;
	/** Absolute project root. */
	export const root: string;
	/** The folder of the pages editors write (the plugin's `content` option), relative to `root`. */
	export const contentDir: string;
}

declare module 'virtual:ketamine-pain-evidence/starlight-toc' {
	/** Starlight's `<starlight-toc>` element (see src/plugin/starlight-files.ts), defined on import. */
	export class StarlightTOC extends HTMLElement {
		protected set current(link: HTMLAnchorElement);
	}
}

declare module 'virtual:starlight/components/MobileMenuFooter' {
	/** Starlight's phone-menu footer, or the site's override of it (Starlight resolves which). */
	const MobileMenuFooter: (props: Record<string, never>) => unknown;
	export default MobileMenuFooter;
}

declare module 'virtual:ketamine-pain-evidence/starlight-badge' {
	/** Starlight's Badge component (see src/plugin/starlight-files.ts). */
	const Badge: typeof import('@astrojs/starlight/components').Badge;
	export default Badge;
}
