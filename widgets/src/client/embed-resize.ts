// For the host page of an iframe embed: sets each widget frame's height from the messages the
// embed page posts (the Datawrapper pattern). Only frames marked data-seh-embed are touched.
(function () {
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: string; height?: number } | null;
    if (!data || data.type !== 'seh:height' || typeof data.height !== 'number') return;
    document.querySelectorAll<HTMLIFrameElement>('iframe[data-seh-embed]').forEach((frame) => {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height!)}px`;
    });
  });
  // Frames that rendered before this script arrived have already sent their height: ask again.
  document.querySelectorAll<HTMLIFrameElement>('iframe[data-seh-embed]').forEach((frame) => frame.contentWindow?.postMessage({ type: 'seh:height-request' }, '*'));
})();
