import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);

/** The font charts are drawn in: DejaVu Sans, shipped as an npm package, so no system font is needed. */
const FONT_FAMILY = 'DejaVu Sans';

/** The rasteriser can be initialised once per process (a second try throws), so a failure is kept. */
let wasm: Promise<void> | undefined;
let fonts: Promise<Uint8Array[]> | undefined;

/** Loads the WebAssembly rasteriser and the fonts, once, on first use. */
async function setUp(): Promise<Uint8Array[]> {
  wasm ??= readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')).then((module) => initWasm(module));
  fonts ??= Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))));
  fonts.catch(() => {
    fonts = undefined;
  });
  await wasm;
  return fonts;
}

/**
 * One of Baton's chart SVGs (core/charts.ts) as a PNG `width` pixels wide, for documents that
 * cannot take SVG (a Word paper). Pure WebAssembly (resvg): no browser and no native addon.
 */
export async function svgToPng(svg: string, width: number): Promise<{ data: Buffer; width: number; height: number }> {
  const fontBuffers = await setUp();
  // The SVG says width="100%" for the page; the image is drawn at its viewBox's proportions.
  const fixed = svg.replace(/^<svg([^>]*?) width="100%"/, '<svg$1');
  const resvg = new Resvg(fixed, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontBuffers, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY, loadSystemFonts: false },
  });
  try {
    const image = resvg.render();
    try {
      return { data: Buffer.from(image.asPng()), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
