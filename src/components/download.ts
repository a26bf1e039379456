// Save text or a canvas as a file, in the browser, without any upload.

export function downloadText(filename: string, text: string, type = 'text/plain'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadCanvas(filename: string, canvas: HTMLCanvasElement | null): void {
  canvas?.toBlob((blob) => {
    if (blob) downloadBlob(filename, blob);
  }, 'image/png');
}

/** A file-name-safe stem from a record name. */
export function stem(name: string): string {
  return name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'sequence';
}

/** Save an SVG text file. */
export function downloadSvg(filename: string, svg: string): void {
  downloadText(filename, svg, 'image/svg+xml');
}
