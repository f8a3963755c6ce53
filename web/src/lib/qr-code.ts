import { encode } from 'uqr';

// QR codes drawn in the browser: a campaign's invitation link (members), a registration's check-in code (events).

/** The modules of a QR code for a text (true is dark), with the quiet zone of four modules around it. */
export function qrModules(text: string): boolean[][] {
  // M: a link on a poster or a slide survives a little dirt or glare.
  return encode(text, { ecc: 'M', border: 4 }).data;
}

/** The QR code as an SVG document: one dark path on white, `scale` pixels per module, with a title. */
export function qrSvg(text: string, title: string, scale = 8): string {
  const modules = qrModules(text);
  const size = modules.length * scale;
  const path = modules
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x * scale},${y * scale}h${scale}v${scale}h-${scale}z` : '')))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** The QR code as a PNG, `scale` pixels per module (big enough to print); null where the browser cannot draw. */
export function qrPng(text: string, scale = 16, doc: Document = document): Promise<Blob | null> {
  const modules = qrModules(text);
  const canvas = doc.createElement('canvas');
  canvas.width = canvas.height = modules.length * scale;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) context.fillRect(x * scale, y * scale, scale, scale);
    }),
  );
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/**
 * A file name part from a label: lower case, letters and digits (å ä ö as a, a, o), words joined by hyphens;
 * `fallback` when nothing is left.
 */
export function fileSlug(label: string, fallback = 'campaign'): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
