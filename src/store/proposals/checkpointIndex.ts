/** Fetches public/checkpoints/index.json next to the page (read by core/checkpointIndex); an absent or unreadable index is an empty list. */
export async function fetchCheckpointIndex(): Promise<unknown> {
  const response = await fetch(new URL('checkpoints/index.json', document.baseURI).href, { cache: 'no-cache' });
  if (!response.ok) return { checkpoints: [] };
  return response.json();
}
