/**
 * The site's two ways of grouping pages and studies: conditions (each with a page under
 * /conditions/) and topics (pages under /topics/). Every list of them is read from here.
 */

/** Conditions with a page of their own, in sidebar order. The slug doubles as the Pagefind filter value. */
export const CONDITIONS = [
	'fibromyalgia',
	'migraine',
	'neuropathic-pain',
	'phantom-limb-pain',
	'crps',
	'chronic-low-back-pain',
	'arthritis',
	'endometriosis',
	'cancer-pain',
] as const;

export type Condition = (typeof CONDITIONS)[number];

/** What readers see for each condition (tables, filters, study pages). */
export const CONDITION_LABELS: Record<Condition, string> = {
	fibromyalgia: 'Fibromyalgia',
	migraine: 'Migraine and headache',
	'neuropathic-pain': 'Neuropathic pain',
	'phantom-limb-pain': 'Phantom limb pain',
	crps: 'CRPS',
	'chronic-low-back-pain': 'Chronic low back pain',
	arthritis: 'Arthritis',
	endometriosis: 'Endometriosis',
	'cancer-pain': 'Cancer pain',
};

/** Topic pages, by slug under /topics/ (not the study topics of facts files: those are facts-schema's TOPICS). */
export const TOPIC_PAGES = ['mechanisms', 'protocols', 'safety', 'mood'] as const;
