/*
 * County Stories embed helper for host pages (no dependencies, ~0.6 KB).
 * Resizes each of our iframes to the height its page reports through
 * postMessage. Without this script an iframe keeps the height in its snippet.
 *   <script src="https://<site>/embed.js" async></script>
 */
(function () {
  if (window.__countyStoriesEmbed) return;
  window.__countyStoriesEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'county-stories:embed-height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the frame that sent the message, and only if it shows a page of the sender's origin.
      if (frame.contentWindow !== event.source) continue;
      try {
        if (new URL(frame.src, location.href).origin !== event.origin) return;
      } catch (e) {
        return;
      }
      var height = Math.max(50, Math.min(Math.ceil(data.height), 5000));
      frame.style.height = height + 'px';
      frame.style.aspectRatio = 'auto';
      frame.setAttribute('data-embed-height', String(height));
      return;
    }
  });
})();
