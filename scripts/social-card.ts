/**
 * Draws the one static social card (public/social-card.png, 1200×630) that `og:image` points to.
 * Run once after changing the wording: `npx node scripts/social-card.ts`. The PNG is committed, so
 * builds never depend on the fonts of the machine that runs them.
 */
import sharp from 'sharp';
import { join } from 'node:path';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#ffffff"/>
  <rect width="1200" height="24" fill="#1d4e89"/>
  <g transform="translate(80 110) scale(4)"><rect width="32" height="32" rx="6" fill="#1d4e89"/>
    <path d="M9 8v16M9 16l9-8M12 14l8 10" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/></g>
  <text x="80" y="330" font-family="DejaVu Sans, sans-serif" font-size="72" font-weight="bold" fill="#10243e">Ketamine Pain Evidence</text>
  <text x="80" y="410" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#333">What published studies found about ketamine</text>
  <text x="80" y="460" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#333">for chronic pain, and how certain it is.</text>
  <text x="80" y="560" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#1d4e89">Open, independent, no ads · Information, not medical advice</text>
</svg>`;

const out = join(process.cwd(), 'public/social-card.png');
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(`wrote ${out}`);
