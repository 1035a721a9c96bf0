/**
 * Saves streamed text as a file: each chunk becomes a Blob as it arrives (a browser may keep
 * those off the JavaScript heap), and the file is one Blob of them, offered through a temporary
 * link. Returns once the download was handed to the browser.
 */
export async function downloadChunks(chunks: AsyncIterable<string>, fileName: string, type: string): Promise<void> {
  const parts: Blob[] = [];
  for await (const chunk of chunks) parts.push(new Blob([chunk]));
  const url = URL.createObjectURL(new Blob(parts, { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
