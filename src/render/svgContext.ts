// A small stand-in for CanvasRenderingContext2D that records the calls the render functions make
// as SVG elements, so every plot exports as vector SVG from the same drawing code.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => Number(x.toFixed(2));

export class SvgContext {
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  font = '12px sans-serif';
  textAlign: 'left' | 'center' | 'right' | 'start' | 'end' = 'left';
  textBaseline: 'middle' | 'top' | 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' = 'alphabetic';
  private parts: string[] = [];
  private clips = 0;
  private open: number[] = [];
  private path: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  clearRect(): void {}
  fillRect(x: number, y: number, w: number, h: number): void {
    if (w > 0 && h > 0)
      this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${esc(this.fillStyle)}"/>`);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${esc(this.strokeStyle)}" stroke-width="${this.lineWidth}"/>`,
    );
  }
  fillText(text: string, x: number, y: number): void {
    const anchor =
      this.textAlign === 'center' ? 'middle' : this.textAlign === 'right' || this.textAlign === 'end' ? 'end' : 'start';
    const base = this.textBaseline === 'middle' ? 'central' : this.textBaseline === 'top' ? 'hanging' : 'alphabetic';
    const size = /(\d+)px/.exec(this.font)?.[1] ?? '12';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-family="sans-serif" text-anchor="${anchor}" dominant-baseline="${base}" fill="${esc(this.fillStyle)}">${esc(text)}</text>`,
    );
  }
  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push(`M${n(x)} ${n(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.path.push(`L${n(x)} ${n(y)}`);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`);
  }
  fill(): void {
    this.parts.push(`<path d="${this.path.join('')}Z" fill="${esc(this.fillStyle)}"/>`);
  }
  clip(): void {
    const id = `c${++this.clips}`;
    this.parts.push(`<clipPath id="${id}"><path d="${this.path.join('')}"/></clipPath><g clip-path="url(#${id})">`);
    this.open[this.open.length - 1] = (this.open[this.open.length - 1] ?? 0) + 1;
  }
  save(): void {
    this.open.push(0);
  }
  restore(): void {
    this.parts.push('</g>'.repeat(this.open.pop() ?? 0));
  }
  /** A raster (the attention heatmap) embedded as an image. */
  image(href: string, x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<image href="${href}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" style="image-rendering:pixelated"/>`,
    );
  }

  toString(): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">${this.parts.join('')}</svg>\n`;
  }
}

/** The SvgContext as the canvas context type the render functions take (they use only what it implements). */
export function asCanvasContext(svg: SvgContext): CanvasRenderingContext2D {
  return svg as unknown as CanvasRenderingContext2D;
}
