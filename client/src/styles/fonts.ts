/**
 * The app's one font, Inter, bundled from @fontsource/inter (latin and latin-ext, the weights the cards
 * use). The card layout measures text with Inter's own advance widths (shared/text/inter-metrics.ts), so
 * the map, the PNG/SVG exports (which embed these faces) and the tests agree on every line break.
 */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-ext-700.css';
